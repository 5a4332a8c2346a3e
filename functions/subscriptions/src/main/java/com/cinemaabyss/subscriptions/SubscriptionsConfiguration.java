package com.cinemaabyss.subscriptions;

import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.dynamo.IdSequences;
import com.cinemaabyss.kit.dynamo.IdSequencesConfiguration;
import com.cinemaabyss.kit.dynamo.InterleavedIds;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.outbox.Outbox;
import com.cinemaabyss.kit.outbox.OutboxConfiguration;
import com.cinemaabyss.subscriptions.domain.Lifecycle;
import com.cinemaabyss.subscriptions.functions.SubscriptionFunctions;
import com.cinemaabyss.subscriptions.functions.Subscriptions;
import com.cinemaabyss.subscriptions.store.EntitlementItem;
import com.cinemaabyss.subscriptions.store.ProcessedItem;
import com.cinemaabyss.subscriptions.store.SubscriptionItem;
import com.cinemaabyss.subscriptions.store.SubscriptionStore;
import com.cinemaabyss.subscriptions.web.SubscriptionRoutes;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

import java.time.Clock;

/** The subscriptions domain: its tables, the state machine with the configured durations, the functions and routes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubscriptionSettings.class)
@Import({IdSequencesConfiguration.class, OutboxConfiguration.class, SubscriptionFunctions.class, SubscriptionRoutes.class})
public class SubscriptionsConfiguration {

    /** Tests replace it to move time on. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Lifecycle lifecycle(SubscriptionSettings settings) {
        return new Lifecycle(settings.upcomingLead(), settings.retryAfter(), settings.answerTimeout());
    }

    @Bean
    SubscriptionStore subscriptionStore(DynamoDbEnhancedClient client, TableSetup tables, IdSequences sequences, Outbox outbox,
                                        DynamoSettings dynamo, SubscriptionSettings settings, Lifecycle lifecycle) {
        var subscriptions = tables.ensure(client.table(dynamo.table("subscriptions"), TableSchema.fromBean(SubscriptionItem.class)),
                CreateTableEnhancedRequest.builder().globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder()
                        .indexName(SubscriptionStore.DUE_INDEX).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()).build());
        var entitlements = tables.ensure(client.table(dynamo.table("entitlements"), TableSchema.fromBean(EntitlementItem.class)));
        var processed = tables.ensure(client.table(dynamo.table("processed"), TableSchema.fromBean(ProcessedItem.class)));
        return new SubscriptionStore(subscriptions, entitlements, processed,
                new InterleavedIds(sequences, "subscriptions", settings.idOffset(), settings.idStride()), outbox,
                lifecycle::dueAt, settings.tick().shards());
    }

    @Bean
    Subscriptions subscriptions(SubscriptionStore store, Lifecycle lifecycle, Clock clock, SubscriptionSettings settings) {
        return new Subscriptions(store, lifecycle, clock, settings.tick().batch());
    }
}

package com.cinemaabyss.monolith.store;

import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.dynamo.IdSequences;
import com.cinemaabyss.kit.dynamo.InterleavedIds;
import com.cinemaabyss.monolith.SharedIdSettings;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.kit.dynamo.TableSetup;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** The monolith's DynamoDB tables (names in application.yaml) and the stores over them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SharedIdSettings.class)
public class MonolithTables {

    /** Payments and subscriptions are listed per user through this index, not a scan. */
    static final String BY_USER = "by-user";

    @Bean
    UserStore userStore(DynamoDbEnhancedClient client, TableSetup tables, IdSequences ids, DynamoSettings dynamo, SharedIdSettings shared) {
        var table = tables.ensure(client.table(dynamo.table("users"), TableSchema.fromBean(UserItem.class)));
        return new UserStore(new KeyedTable<>(table, UserItem::getId), interleaved(ids, "users", shared.users()));
    }

    @Bean
    PaymentStore paymentStore(DynamoDbEnhancedClient client, TableSetup tables, IdSequences ids, DynamoSettings dynamo, SharedIdSettings shared) {
        var table = tables.ensure(client.table(dynamo.table("payments"), TableSchema.fromBean(PaymentItem.class)), withUserIndex());
        return new PaymentStore(new KeyedTable<>(table, PaymentItem::getId), interleaved(ids, "payments", shared.payments()));
    }

    @Bean
    SubscriptionStore subscriptionStore(DynamoDbEnhancedClient client, TableSetup tables, IdSequences ids, DynamoSettings dynamo, SharedIdSettings shared) {
        var table = tables.ensure(client.table(dynamo.table("subscriptions"), TableSchema.fromBean(SubscriptionItem.class)), withUserIndex());
        return new SubscriptionStore(new KeyedTable<>(table, SubscriptionItem::getId), interleaved(ids, "subscriptions", shared.subscriptions()));
    }

    private static InterleavedIds interleaved(IdSequences ids, String sequence, SharedIdSettings.IdShare share) {
        return new InterleavedIds(ids, sequence, share.offset(), share.stride());
    }

    private static CreateTableEnhancedRequest withUserIndex() {
        return CreateTableEnhancedRequest.builder()
                .globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder()
                        .indexName(BY_USER)
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build())
                .build();
    }
}

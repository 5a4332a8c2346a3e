package com.cinemaabyss.content;

import com.cinemaabyss.content.functions.ContentFunctions;
import com.cinemaabyss.content.functions.Licences;
import com.cinemaabyss.content.functions.Playbacks;
import com.cinemaabyss.content.store.ContentStore;
import com.cinemaabyss.content.store.LicenceItem;
import com.cinemaabyss.content.store.SessionItem;
import com.cinemaabyss.content.store.TitleItem;
import com.cinemaabyss.content.upstream.Entitlements;
import com.cinemaabyss.content.upstream.HttpEntitlements;
import com.cinemaabyss.content.upstream.HttpProfiles;
import com.cinemaabyss.content.upstream.Profiles;
import com.cinemaabyss.content.web.ContentRoutes;
import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.media.StreamTokens;
import com.cinemaabyss.kit.outbox.Outbox;
import com.cinemaabyss.kit.outbox.OutboxConfiguration;
import com.cinemaabyss.kit.web.tracing.TraceHeaders;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Clock;

/** The content domain: its tables, the upstream readers, the signer, the functions and routes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ContentSettings.class)
@Import({OutboxConfiguration.class, ContentFunctions.class, ContentRoutes.class})
public class ContentConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ContentStore contentStore(DynamoDbEnhancedClient client, TableSetup tables, DynamoSettings dynamo, Outbox outbox) {
        var sessions = tables.ensure(client.table(dynamo.table("sessions"), TableSchema.fromBean(SessionItem.class)));
        tables.expireBy(sessions.tableName(), SessionItem.DELETE_AFTER);
        return new ContentStore(tables.ensure(client.table(dynamo.table("titles"), TableSchema.fromBean(TitleItem.class))),
                tables.ensure(client.table(dynamo.table("licences"), TableSchema.fromBean(LicenceItem.class))), sessions, outbox);
    }

    @Bean
    @ConditionalOnMissingBean
    Entitlements entitlements(ContentSettings settings, TraceHeaders trace) {
        return new HttpEntitlements(settings.upstream().subscriptionsUrl(), settings.upstream().timeout(), trace);
    }

    @Bean
    @ConditionalOnMissingBean
    Profiles profiles(ContentSettings settings, TraceHeaders trace) {
        return new HttpProfiles(settings.upstream().profileUrl(), settings.upstream().timeout(), trace);
    }

    @Bean
    StreamTokens streamTokens(ContentSettings settings, Clock clock) {
        return new StreamTokens(settings.media().signingKey(), clock);
    }

    @Bean
    Playbacks playbacks(ContentStore store, Entitlements entitlements, Profiles profiles, StreamTokens tokens, ContentSettings settings, Clock clock) {
        return new Playbacks(store, entitlements, profiles, tokens, settings.media().originUrl(), settings.media().asset(),
                settings.media().urlTtl(), settings.sessions().keepAfterExpiry(), clock);
    }

    @Bean
    Licences licences(ContentStore store, Clock clock) {
        return new Licences(store, clock);
    }
}

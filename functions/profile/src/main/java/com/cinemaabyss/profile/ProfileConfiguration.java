package com.cinemaabyss.profile;

import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.dynamo.IdSequences;
import com.cinemaabyss.kit.dynamo.IdSequencesConfiguration;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.outbox.Outbox;
import com.cinemaabyss.kit.outbox.OutboxConfiguration;
import com.cinemaabyss.kit.web.tracing.TraceHeaders;
import com.cinemaabyss.profile.domain.Profile;
import com.cinemaabyss.profile.entitlements.EntitlementProfileLimits;
import com.cinemaabyss.profile.entitlements.ProfileLimits;
import com.cinemaabyss.profile.functions.ProfileFunctions;
import com.cinemaabyss.profile.functions.Profiles;
import com.cinemaabyss.profile.store.AccountItem;
import com.cinemaabyss.profile.store.LibraryItem;
import com.cinemaabyss.profile.store.LibraryStore;
import com.cinemaabyss.profile.store.ProfileItem;
import com.cinemaabyss.profile.store.ProfileStore;
import com.cinemaabyss.profile.store.TitleItem;
import com.cinemaabyss.profile.store.TitleStore;
import com.cinemaabyss.profile.web.ProfileRoutes;
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

/** The profile domain: its tables, the entitlement client, the functions and routes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProfileSettings.class)
@Import({IdSequencesConfiguration.class, OutboxConfiguration.class, ProfileFunctions.class, ProfileRoutes.class})
public class ProfileConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    ProfileLimits profileLimits(ProfileSettings settings, TraceHeaders trace) {
        return new EntitlementProfileLimits(settings.entitlements().url(), settings.entitlements().timeout(), trace);
    }

    @Bean
    ProfileStore profileStore(DynamoDbEnhancedClient client, TableSetup tables, DynamoSettings dynamo, IdSequences sequences) {
        var accounts = tables.ensure(client.table(dynamo.table("accounts"), TableSchema.fromBean(AccountItem.class)));
        var profiles = tables.ensure(client.table(dynamo.table("profiles"), TableSchema.fromBean(ProfileItem.class)));
        return new ProfileStore(client, accounts, profiles, () -> sequences.next("profiles"));
    }

    @Bean
    LibraryStore libraryStore(DynamoDbEnhancedClient client, TableSetup tables, DynamoSettings dynamo, Outbox outbox) {
        return new LibraryStore(tables.ensure(client.table(dynamo.table("library"), TableSchema.fromBean(LibraryItem.class)),
                CreateTableEnhancedRequest.builder().globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder()
                        .indexName(LibraryStore.BY_LIST).projection(p -> p.projectionType(ProjectionType.ALL)).build()).build()), outbox);
    }

    @Bean
    TitleStore titleStore(DynamoDbEnhancedClient client, TableSetup tables, DynamoSettings dynamo) {
        return new TitleStore(tables.ensure(client.table(dynamo.table("titles"), TableSchema.fromBean(TitleItem.class)),
                CreateTableEnhancedRequest.builder().globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder()
                        .indexName(TitleStore.EPISODES_BY_SERIES).projection(p -> p.projectionType(ProjectionType.ALL)).build()).build()));
    }

    @Bean
    Profiles profiles(ProfileStore profiles, LibraryStore library, TitleStore titles, ProfileLimits limits, ProfileSettings settings,
                      Clock clock) {
        return new Profiles(profiles, library, titles, limits,
                new Profile.Defaults(settings.defaults().name(), settings.defaults().language()), clock, settings.continueWatchingScan());
    }
}

package com.cinemaabyss.catalog;

import com.cinemaabyss.catalog.functions.ProviderFeedFunctions;
import com.cinemaabyss.catalog.functions.RatingFunctions;
import com.cinemaabyss.catalog.functions.TitleFunctions;
import com.cinemaabyss.catalog.search.TitleIndex;
import com.cinemaabyss.catalog.search.TitleIndexer;
import com.cinemaabyss.catalog.store.DemoCatalog;
import com.cinemaabyss.catalog.store.FeedKeyItem;
import com.cinemaabyss.catalog.store.MovieIds;
import com.cinemaabyss.catalog.store.RatingStore;
import com.cinemaabyss.catalog.store.TitleIds;
import com.cinemaabyss.catalog.store.TitleItem;
import com.cinemaabyss.catalog.store.TitleStore;
import com.cinemaabyss.catalog.store.TotalsItem;
import com.cinemaabyss.catalog.store.VoteItem;
import com.cinemaabyss.catalog.web.RatingRoutes;
import com.cinemaabyss.catalog.web.TitleRoutes;
import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.dynamo.IdSequences;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.events.KafkaSettings;
import com.cinemaabyss.kit.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Clock;

/**
 * Titles (movies and series), their changelog, the search index every replica builds from it, the provider feed mapping
 * the demo catalog, and the viewers' rating of each title from the rating events. Catalog only: the monolith imports {@link MovieConfiguration} alone and mirrors nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TitleSettings.class)
@Import({TitleFunctions.class, ProviderFeedFunctions.class, RatingFunctions.class, TitleRoutes.class, RatingRoutes.class})
public class TitleConfiguration {

    @Bean
    TitleStore titleStore(DynamoDbEnhancedClient client, TableSetup tables, IdSequences ids, Outbox outbox, DynamoSettings dynamo,
                          MovieSettings movies) {
        var titles = tables.ensure(client.table(dynamo.table("titles"), TableSchema.fromBean(TitleItem.class)));
        var feedKeys = tables.ensure(client.table(dynamo.table("feed-keys"), TableSchema.fromBean(FeedKeyItem.class)));
        return new TitleStore(new KeyedTable<>(titles, TitleItem::getId), feedKeys,
                new TitleIds(new MovieIds(ids, movies.idOffset(), movies.idStride())), outbox, Clock.systemUTC());
    }

    @Bean
    RatingStore ratingStore(DynamoDbEnhancedClient client, TableSetup tables, DynamoSettings dynamo, TitleStore titles, Outbox outbox) {
        var votes = tables.ensure(client.table(dynamo.table("rating-votes"), TableSchema.fromBean(VoteItem.class)));
        var totals = tables.ensure(client.table(dynamo.table("rating-totals"), TableSchema.fromBean(TotalsItem.class)));
        return new RatingStore(votes, totals, titles, outbox);
    }

    @Bean(destroyMethod = "close")
    TitleIndex titleIndex() {
        return new TitleIndex();
    }

    @Bean(destroyMethod = "close")
    TitleIndexer titleIndexer(TitleIndex index, KafkaSettings kafka, TitleSettings settings, MeterRegistry meters) {
        return new TitleIndexer(index, kafka.bootstrapServers(), settings.searchTopic(), meters).start();
    }

    @Bean
    ApplicationRunner demoCatalog(TitleSettings settings, TitleStore titles) {
        return arguments -> {
            if (settings.seedDemo()) {
                new DemoCatalog(titles).seed();
            }
        };
    }
}

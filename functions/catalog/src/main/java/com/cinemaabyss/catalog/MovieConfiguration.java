package com.cinemaabyss.catalog;

import com.cinemaabyss.catalog.events.MovieChangelog;
import com.cinemaabyss.catalog.functions.MovieFunctions;
import com.cinemaabyss.catalog.store.MovieIds;
import com.cinemaabyss.catalog.store.MovieItem;
import com.cinemaabyss.catalog.store.MovieMirror;
import com.cinemaabyss.catalog.store.MovieStore;
import com.cinemaabyss.catalog.web.MovieRoutes;
import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.dynamo.IdSequences;
import com.cinemaabyss.kit.dynamo.IdSequencesConfiguration;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.outbox.Outbox;
import com.cinemaabyss.kit.outbox.OutboxConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The movies domain as a deployable part. The catalog owns it; the legacy monolith imports the same configuration
 * from the catalog's "movies" jar, with its own table ({@code cinemaabyss.dynamodb.tables.movies}), id progression
 * and changelog writer name ({@code cinemaabyss.movies.*}). While the migration runs both sides must answer the
 * legacy movie API the same way, so the code lives once, here; when the monolith's movie part is retired, the
 * monolith stops importing it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MovieSettings.class)
@Import({IdSequencesConfiguration.class, OutboxConfiguration.class, MovieFunctions.class, MovieRoutes.class})
public class MovieConfiguration {

    @Bean
    MovieChangelog movieChangelog(MovieSettings settings) {
        return new MovieChangelog(settings.writer());
    }

    @Bean
    MovieStore movieStore(DynamoDbEnhancedClient client, TableSetup tables, IdSequences ids, Outbox outbox,
                          MovieChangelog changelog, DynamoSettings dynamo, MovieSettings settings,
                          ObjectProvider<MovieMirror> mirror) {
        var table = tables.ensure(client.table(dynamo.table("movies"), TableSchema.fromBean(MovieItem.class)));
        return new MovieStore(new KeyedTable<>(table, MovieItem::getId),
                new MovieIds(ids, settings.idOffset(), settings.idStride()), outbox, changelog, mirror.getIfAvailable());
    }
}

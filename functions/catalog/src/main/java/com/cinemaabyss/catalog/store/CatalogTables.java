package com.cinemaabyss.catalog.store;

import com.cinemaabyss.kit.contracts.MovieChangelog;
import com.cinemaabyss.kit.dynamo.IdSequences;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.kit.dynamo.MovieIds;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.outbox.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** The catalog's own DynamoDB tables (names in application.yaml), isolated from the monolith's. */
@Configuration(proxyBeanMethods = false)
public class CatalogTables {

    @Bean
    MovieChangelog movieChangelog() {
        return new MovieChangelog("catalog");
    }

    @Bean
    MovieStore movieStore(DynamoDbEnhancedClient client, TableSetup tables, IdSequences ids, Outbox outbox, MovieChangelog changelog,
                          @Value("${cinemaabyss.dynamodb.tables.movies}") String name,
                          @Value("${cinemaabyss.movies.id-offset}") long idOffset,
                          @Value("${cinemaabyss.movies.id-stride}") long idStride) {
        var table = tables.ensure(client.table(name, TableSchema.fromBean(MovieItem.class)));
        return new MovieStore(new KeyedTable<>(table, MovieItem::getId), new MovieIds(ids, idOffset, idStride), outbox, changelog);
    }
}

package com.cinemaabyss.kit.movies;

import com.cinemaabyss.kit.contracts.MovieChangelog;
import com.cinemaabyss.kit.dynamo.IdSequences;
import com.cinemaabyss.kit.dynamo.IdSequencesConfiguration;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.kit.dynamo.MovieIds;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.outbox.Outbox;
import com.cinemaabyss.kit.outbox.OutboxConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The movies domain as a deployable part: the monolith and the movies service both import it, each with its
 * own table ({@code cinemaabyss.dynamodb.tables.movies}), id progression ({@code cinemaabyss.movies.*}) and
 * changelog writer name ({@code spring.application.name}). While the migration runs the two must answer
 * the same API the same way, which is why this code lives once, here; when the monolith's movie part is
 * retired it moves into the movies service.
 */
@Configuration(proxyBeanMethods = false)
@Import({IdSequencesConfiguration.class, OutboxConfiguration.class, MovieFunctions.class, MovieRoutes.class})
public class MovieConfiguration {

    @Bean
    MovieChangelog movieChangelog(@Value("${spring.application.name}") String writer) {
        return new MovieChangelog(writer);
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

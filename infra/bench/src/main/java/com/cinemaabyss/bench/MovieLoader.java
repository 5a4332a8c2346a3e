package com.cinemaabyss.bench;

import com.cinemaabyss.catalog.store.MovieItem;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteResult;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

/**
 * Bulk-loads generated movies straight into the movie tables, with the catalog's own item class, in batches of 25
 * (DynamoDB's limit) on a few threads. Faster than the HTTP API by far, and the benchmark measures reads anyway.
 */
final class MovieLoader implements AutoCloseable {

    private static final List<String> GENRES = List.of("Drama", "Comedy", "Sci-Fi", "Thriller", "Documentary", "Animation");

    private final DynamoDbClient client;
    private final DynamoDbEnhancedClient enhanced;

    MovieLoader(URI endpoint) {
        this.client = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
        this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }

    /** Writes movies {@code fromId} to {@code toId} (inclusive) into each of {@code tables}. */
    void load(List<String> tables, long fromId, long toId) {
        TableSchema<MovieItem> schema = TableSchema.fromBean(MovieItem.class);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> batches = LongStream.iterate(fromId, id -> id <= toId, id -> id + 25).boxed()
                    .flatMap(first -> tables.stream().map(table -> pool.submit(
                            () -> write(enhanced.table(table, schema), first, Math.min(first + 24, toId)))))
                    .<Future<?>>map(future -> future).toList();
            for (Future<?> batch : batches) {
                batch.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("loading movies " + fromId + ".." + toId + " failed", e);
        }
    }

    private void write(DynamoDbTable<MovieItem> table, long first, long last) {
        WriteBatch.Builder<MovieItem> batch = WriteBatch.builder(MovieItem.class).mappedTableResource(table);
        for (long id = first; id <= last; id++) {
            batch.addPutItem(movie(id));
        }
        BatchWriteResult result = enhanced.batchWriteItem(BatchWriteItemEnhancedRequest.builder().addWriteBatch(batch.build()).build());
        List<MovieItem> unprocessed = result.unprocessedPutItemsForTable(table);
        unprocessed.forEach(table::putItem);
    }

    static MovieItem movie(long id) {
        MovieItem item = new MovieItem();
        item.setId(id);
        item.setTitle("Benchmark movie " + id);
        item.setDescription("Generated for the catalog benchmark: a movie of average length and an average description.");
        item.setGenres(List.of(GENRES.get((int) (id % GENRES.size())), GENRES.get((int) ((id / 7) % GENRES.size()))));
        item.setRating((id * 37 % 100) / 10.0);
        item.setOrigin("benchmark");
        return item;
    }

    @Override
    public void close() {
        client.close();
    }
}

package com.cinemaabyss.profile.ratings;

import com.cinemaabyss.kit.test.SharedTestInfra;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The aggregate's conditional writes on DynamoDB Local: redeliveries and replacements, and concurrent voters. */
class RatingAggregateIT {

    private static DynamoRatingAggregate aggregate;

    @BeforeAll
    static void tables() {
        DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(SharedTestInfra.dynamoEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
        DynamoDbEnhancedClient client = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var votes = client.table("rating-votes-" + suffix, TableSchema.fromBean(VoteItem.class));
        var totals = client.table("rating-totals-" + suffix, TableSchema.fromBean(TotalsItem.class));
        votes.createTable();
        totals.createTable();
        aggregate = new DynamoRatingAggregate(client, votes, totals);
    }

    @Test
    void eachVoterCountsOnceWithTheirLatestRating() {
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        RatingChange first = new RatingChange(101, "profile:1", OptionalLong.of(8_000), t);
        aggregate.apply(first);
        aggregate.apply(first);
        assertEquals(new RatingAggregate.Totals(8_000, 1), aggregate.totals(101), "a redelivery does not count twice");
        aggregate.apply(new RatingChange(101, "legacy-user:3", OptionalLong.of(6_500), t));
        aggregate.apply(new RatingChange(101, "profile:1", OptionalLong.of(10_000), t.plusSeconds(5)));
        assertEquals(new RatingAggregate.Totals(16_500, 2), aggregate.totals(101), "a changed rating replaces the old one");
        aggregate.apply(new RatingChange(101, "profile:1", OptionalLong.empty(), t.plusSeconds(6)));
        aggregate.apply(new RatingChange(101, "profile:1", OptionalLong.of(1_000), t.plusSeconds(4)));
        assertEquals(new RatingAggregate.Totals(6_500, 1), aggregate.totals(101), "removed, and an older set arriving late changes nothing");
    }

    @Test
    void concurrentVotersAndRedeliveriesAddUpExactly() throws Exception {
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        List<Callable<RatingAggregate.Totals>> work = new ArrayList<>();
        for (int voter = 1; voter <= 10; voter++) {
            RatingChange change = new RatingChange(202, "profile:" + voter, OptionalLong.of(voter * 1_000L), t);
            work.add(() -> aggregate.apply(change));
            work.add(() -> aggregate.apply(change));
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (Future<RatingAggregate.Totals> f : pool.invokeAll(work)) {
                f.get();
            }
        }
        assertEquals(new RatingAggregate.Totals(55_000, 10), aggregate.totals(202));
        assertEquals(5.5, aggregate.totals(202).average());
    }
}

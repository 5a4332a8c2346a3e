package com.cinemaabyss.kit.dynamo;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.kit.outbox.OutboxItem;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.local.FreePorts;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kit's DynamoDB client: outages become UnavailableException in bounded time, values over DynamoDB's limits InvalidInputException. */
class DynamoFailuresIT {

    private static final DynamoKitConfiguration KIT = new DynamoKitConfiguration();

    @Test
    void dynamoDbDownIsUnavailableWithinTheCallTimeout() {
        DynamoSettings settings = settings(URI.create("http://127.0.0.1:" + FreePorts.pick()));
        try (DynamoDbClient client = KIT.dynamoDbClient(settings)) {
            long start = System.nanoTime();
            assertThrows(UnavailableException.class,
                    () -> client.getItem(b -> b.tableName("nothing").key(Map.of("id", AttributeValue.fromS("1")))));
            var table = KIT.dynamoDbEnhancedClient(client).table("nothing", TableSchema.fromBean(OutboxItem.class));
            assertThrows(UnavailableException.class, () -> table.getItem(Key.builder().partitionValue("1").build()));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(settings.calls().timeout().multipliedBy(2).plusSeconds(2)) < 0, "took " + took);
        }
    }

    @Test
    void anAnswerLaterThanTheCallTimeoutIsUnavailable() throws Exception {
        // A port that accepts connections and never answers: the call gives up after its timeout.
        try (var silent = new java.net.ServerSocket(0)) {
            DynamoSettings settings = new DynamoSettings(URI.create("http://127.0.0.1:" + silent.getLocalPort()), "us-east-1", false, Map.of(),
                    new DynamoSettings.Calls(Duration.ofSeconds(2), Duration.ofMillis(500), 3, Duration.ofSeconds(1)));
            try (DynamoDbClient client = KIT.dynamoDbClient(settings)) {
                long start = System.nanoTime();
                assertThrows(UnavailableException.class,
                        () -> client.getItem(b -> b.tableName("nothing").key(Map.of("id", AttributeValue.fromS("1")))));
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "took " + took);
            }
        }
    }

    @Test
    void valuesOverDynamoDbsLimitsAreInvalidInput() {
        try (DynamoDbClient client = KIT.dynamoDbClient(settings(SharedTestInfra.dynamoEndpoint()))) {
            String table = "limits-" + UUID.randomUUID();
            new TableSetup(client, true).ensureKeyedByString(table, "id");
            String longKey = "k".repeat(DynamoLimits.MAX_KEY_BYTES + 1);
            assertThrows(InvalidInputException.class,
                    () -> client.getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(longKey)))));
            assertThrows(InvalidInputException.class, () -> client.putItem(b -> b.tableName(table)
                    .item(Map.of("id", AttributeValue.fromS("n"), "amount", AttributeValue.fromN("1E+200")))));
            assertThrows(InvalidInputException.class, () -> client.putItem(b -> b.tableName(table)
                    .item(Map.of("id", AttributeValue.fromS("n"), "amount", AttributeValue.fromN("1." + "1".repeat(40))))));
            // Not checked before the call (which attribute of a put is the key, only the table knows): DynamoDB's refusal maps the same.
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> client.putItem(b -> b.tableName(table)
                    .item(Map.of("id", AttributeValue.fromS(longKey)))));
            assertTrue(refused.getMessage().contains("beyond what can be stored"), refused.getMessage());
            client.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS("ok"), "amount", AttributeValue.fromN("9.99"))));
        }
    }

    private static DynamoSettings settings(URI endpoint) {
        return new DynamoSettings(endpoint, "us-east-1", false, Map.of(),
                new DynamoSettings.Calls(Duration.ofSeconds(5), Duration.ofSeconds(2), 3, Duration.ofSeconds(1)));
    }
}

package com.cinemaabyss.kit.dynamo;

import com.cinemaabyss.kit.test.SharedTestInfra;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The insert-once write against DynamoDB Local. */
class KeyedTableIT {

    private final DynamoDbClient client = DynamoDbClient.builder()
            .endpointOverride(SharedTestInfra.dynamoEndpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .build();
    private final String name = "keyed-" + UUID.randomUUID();

    @Test
    void anInsertWhosePutLandedBeforeTheSdkRetriedItSucceedsAndAnotherItemUnderTheIdIsStillRefused() {
        new TableSetup(client, true).ensure(table(client));
        KeyedTable<Row> retrying = new KeyedTable<>(table(LostAnswers.sendingEveryPutTwice(client)), Row::getId);

        retrying.insert(Row.of(1, "first"));
        assertEquals("first", retrying.get(1).orElseThrow().getName());
        assertThrows(ConditionalCheckFailedException.class, () -> retrying.insert(Row.of(1, "another")));
        assertEquals("first", retrying.get(1).orElseThrow().getName());
    }

    private DynamoDbTable<Row> table(DynamoDbClient dynamo) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build().table(name, TableSchema.fromBean(Row.class));
    }

    @DynamoDbBean
    public static class Row {
        private Long id;
        private String name;

        static Row of(long id, String name) {
            Row row = new Row();
            row.setId(id);
            row.setName(name);
            return row;
        }

        @DynamoDbPartitionKey
        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }
}

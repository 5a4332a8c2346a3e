package com.cinemaabyss.gateway.ratelimit;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * Creates the shared buckets' table where tables are created by the services (DynamoDB Local); in the cloud it comes
 * from infra/aws/dynamodb-tables.yaml with the same key and TTL attribute.
 */
public final class RateLimitTable {

    /** Table setup is no request in flight: it may take the time DynamoDB needs, whatever the client's call timeout. */
    private static final AwsRequestOverrideConfiguration SLOW = AwsRequestOverrideConfiguration.builder()
            .apiCallTimeout(Duration.ofSeconds(30)).apiCallAttemptTimeout(Duration.ofSeconds(30)).build();

    private RateLimitTable() {
    }

    /** Creates {@code table} (key {@code id}, TTL on {@code expires_at}) unless it exists; blocks until it is active. */
    public static void ensure(DynamoDbAsyncClient dynamo, String table) {
        try {
            dynamo.describeTable(b -> b.tableName(table).overrideConfiguration(SLOW)).join();
            return;
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof ResourceNotFoundException)) {
                throw e;
            }
        }
        try {
            dynamo.createTable(b -> b.tableName(table).overrideConfiguration(SLOW).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(DynamoDbProxyManager.KEY)
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName(DynamoDbProxyManager.KEY).keyType(KeyType.HASH).build()))
                    .join();
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof ResourceInUseException)) {
                throw e; // another pod creating it at the same time is fine
            }
        }
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(table).overrideConfiguration(SLOW),
                w -> w.waitTimeout(Duration.ofSeconds(60))).join();
        dynamo.updateTimeToLive(b -> b.tableName(table).overrideConfiguration(SLOW).timeToLiveSpecification(t -> t
                .attributeName(DynamoDbProxyManager.EXPIRES_AT).enabled(true))).join();
    }
}

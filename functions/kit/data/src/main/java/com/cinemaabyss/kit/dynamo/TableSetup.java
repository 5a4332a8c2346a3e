package com.cinemaabyss.kit.dynamo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

import java.time.Duration;

/**
 * Creates a function's tables on start-up where that is allowed (locally). In AWS the same definitions are
 * created by infrastructure code, and this does nothing.
 */
public class TableSetup {

    private static final Logger log = LoggerFactory.getLogger(TableSetup.class);
    /** Creating a table in DynamoDB Local on a busy machine can take longer than the call timeouts meant for items. */
    /** How long one call that sets tables up may take. */
    static final Duration SETUP_ATTEMPT = Duration.ofSeconds(60);
    private static final AwsRequestOverrideConfiguration SETUP_TIMEOUT = AwsRequestOverrideConfiguration.builder()
            .apiCallTimeout(SETUP_ATTEMPT).apiCallAttemptTimeout(SETUP_ATTEMPT).build();

    private final DynamoDbClient client;
    private final boolean enabled;

    public TableSetup(DynamoDbClient client, boolean enabled) {
        this.client = client;
        this.enabled = enabled;
    }

    public <T> DynamoDbTable<T> ensure(DynamoDbTable<T> table) {
        return ensure(table, CreateTableEnhancedRequest.builder().build());
    }

    /** Creates the table with what the request adds (secondary indexes) unless it exists already. */
    public <T> DynamoDbTable<T> ensure(DynamoDbTable<T> table, CreateTableEnhancedRequest request) {
        if (enabled) {
            try {
                table.createTable(request);
                log.info("Created DynamoDB table {}", table.tableName());
            } catch (ResourceInUseException alreadyThere) {
                return table;
            }
            client.waiter().waitUntilTableExists(b -> b.tableName(table.tableName()).overrideConfiguration(SETUP_TIMEOUT));
        }
        return table;
    }

    /**
     * Turns on DynamoDB's time to live on {@code table}: an item whose {@code attribute} (epoch seconds) has passed is
     * deleted by DynamoDB itself, within a day or two. Locally only, as the tables are; in AWS the table's
     * TimeToLiveSpecification does it.
     */
    public void expireBy(String table, String attribute) {
        if (!enabled) {
            return;
        }
        var current = client.describeTimeToLive(b -> b.tableName(table).overrideConfiguration(SETUP_TIMEOUT)).timeToLiveDescription();
        // DynamoDB refuses to enable it twice (a second start finds the table as the first left it).
        boolean on = current.timeToLiveStatus() == TimeToLiveStatus.ENABLED || current.timeToLiveStatus() == TimeToLiveStatus.ENABLING;
        if (!on) {
            client.updateTimeToLive(b -> b.tableName(table).overrideConfiguration(SETUP_TIMEOUT)
                    .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true)));
        }
    }

    /** A table of named rows (counters, statistics): a string partition key {@code name} and nothing else declared. */
    public void ensureKeyedByName(String table) {
        ensureKeyedByString(table, "name");
    }

    /** A table with a string partition key {@code key} and nothing else declared. */
    public void ensureKeyedByString(String table, String key) {
        ensure(CreateTableRequest.builder()
                .tableName(table)
                .attributeDefinitions(AttributeDefinition.builder().attributeName(key).attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName(key).keyType(KeyType.HASH).build())
                .build());
    }

    /** The request with the table setup's timeout if it creates or describes a table; any other request as it is. */
    static SdkRequest withSetupTimeout(SdkRequest request) {
        return switch (request) {
            case CreateTableRequest r when r.overrideConfiguration().isEmpty() -> r.toBuilder().overrideConfiguration(SETUP_TIMEOUT).build();
            case DescribeTableRequest r when r.overrideConfiguration().isEmpty() -> r.toBuilder().overrideConfiguration(SETUP_TIMEOUT).build();
            default -> request;
        };
    }

    private void ensure(CreateTableRequest request) {
        if (!enabled) {
            return;
        }
        try {
            client.createTable(request.toBuilder().billingMode(BillingMode.PAY_PER_REQUEST).build());
            log.info("Created DynamoDB table {}", request.tableName());
        } catch (ResourceInUseException alreadyThere) {
            return;
        }
        client.waiter().waitUntilTableExists(b -> b.tableName(request.tableName()).overrideConfiguration(SETUP_TIMEOUT));
    }
}

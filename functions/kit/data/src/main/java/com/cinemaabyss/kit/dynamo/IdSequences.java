package com.cinemaabyss.kit.dynamo;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.util.Map;

/**
 * Integer ids from DynamoDB atomic counters: each call adds one to the named counter in a single
 * UpdateItem, so concurrent callers on any number of instances never get the same value, and a value
 * once handed out is never handed out again (even if the write that wanted it fails).
 */
public class IdSequences {

    private final DynamoDbClient client;
    private final String table;

    public IdSequences(DynamoDbClient client, TableSetup tables, String table) {
        this.client = client;
        this.table = table;
        tables.ensureKeyedByName(table);
    }

    public long next(String sequence) {
        String value = client.updateItem(b -> b.tableName(table)
                        .key(Map.of("name", AttributeValue.fromS(sequence)))
                        .updateExpression("ADD #v :one")
                        .expressionAttributeNames(Map.of("#v", "value"))
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                        .returnValues(ReturnValue.UPDATED_NEW))
                .attributes().get("value").n();
        return Long.parseLong(value);
    }
}

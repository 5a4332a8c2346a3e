package com.cinemaabyss.platform;

import com.cinemaabyss.local.LocalDynamoDb;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * DynamoDB tables reduced to what must agree between the code and the tables as code: each key attribute with its
 * type and role, and each global secondary index with its keys, e.g. {@code id:N:HASH | by-user[userId:N:HASH]}.
 */
final class DynamoTables {

    private DynamoTables() {
    }

    /** The tables the functions created in this DynamoDB, by name. */
    static Map<String, String> describeAll(URI endpoint) {
        try (DynamoDbClient dynamo = LocalDynamoDb.clientFor(endpoint)) {
            Map<String, String> tables = new TreeMap<>();
            for (String name : dynamo.listTablesPaginator(b -> b.limit(100)).tableNames()) {
                TableDescription table = dynamo.describeTable(b -> b.tableName(name)).table();
                Map<String, String> types = table.attributeDefinitions().stream()
                        .collect(Collectors.toMap(AttributeDefinition::attributeName, a -> a.attributeTypeAsString()));
                List<GlobalSecondaryIndexDescription> indexes = table.globalSecondaryIndexes() == null ? List.of() : table.globalSecondaryIndexes();
                tables.put(name, shape(keys(table.keySchema(), types), indexes.stream()
                        .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, i -> keys(i.keySchema(), types), (a, b) -> a, TreeMap::new))));
            }
            return tables;
        }
    }

    /** The tables a CloudFormation template declares, by name with an empty prefix (the local one). */
    @SuppressWarnings("unchecked")
    static Map<String, String> declaredIn(Path template) throws IOException {
        Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(template));
        Map<String, String> tables = new TreeMap<>();
        for (Object resource : ((Map<String, Object>) yaml.get("Resources")).values()) {
            Map<String, Object> properties = (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
            String name = String.valueOf(((Map<String, Object>) properties.get("TableName")).get("Fn::Sub")).replace("${TablePrefix}", "");
            Map<String, String> types = ((List<Map<String, Object>>) properties.get("AttributeDefinitions")).stream()
                    .collect(Collectors.toMap(a -> String.valueOf(a.get("AttributeName")), a -> String.valueOf(a.get("AttributeType"))));
            Map<String, String> indexes = new TreeMap<>();
            for (Map<String, Object> index : (List<Map<String, Object>>) properties.getOrDefault("GlobalSecondaryIndexes", List.of())) {
                indexes.put(String.valueOf(index.get("IndexName")), declaredKeys((List<Map<String, Object>>) index.get("KeySchema"), types));
            }
            tables.put(name, shape(declaredKeys((List<Map<String, Object>>) properties.get("KeySchema"), types), indexes));
        }
        return tables;
    }

    private static String declaredKeys(List<Map<String, Object>> keySchema, Map<String, String> types) {
        return keySchema.stream().map(k -> k.get("AttributeName") + ":" + types.get(String.valueOf(k.get("AttributeName"))) + ":" + k.get("KeyType"))
                .collect(Collectors.joining(","));
    }

    private static String keys(List<KeySchemaElement> keySchema, Map<String, String> types) {
        return keySchema.stream().map(k -> k.attributeName() + ":" + types.get(k.attributeName()) + ":" + k.keyTypeAsString())
                .collect(Collectors.joining(","));
    }

    private static String shape(String keys, Map<String, String> indexes) {
        return keys + indexes.entrySet().stream().map(e -> " | " + e.getKey() + "[" + e.getValue() + "]").collect(Collectors.joining());
    }
}

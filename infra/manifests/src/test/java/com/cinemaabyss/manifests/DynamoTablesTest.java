package com.cinemaabyss.manifests;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * infra/aws/dynamodb-tables.yaml defines exactly the tables the functions' configuration names, each under
 * the same DYNAMODB_TABLE_PREFIX. (Their key schemas are compared with the tables the functions really
 * create, in DynamoDB Local, by the end-to-end test.)
 */
class DynamoTablesTest {

    private static final String PREFIX = "${DYNAMODB_TABLE_PREFIX:}";

    @Test
    void theTablesAsCodeAreTheTablesTheFunctionsUse() throws IOException {
        Set<String> used = new TreeSet<>();
        List<String> modules = Manifests.docs(Manifests.knativeFiles()).stream().filter(d -> d.kind().equals("Service"))
                .map(d -> Manifests.<String>at(d.yaml(), "metadata", "annotations", "cinemaabyss.io/module")).toList();
        assertEquals(13, modules.size(), "every deployable's module, from its Knative Service: " + modules);
        for (String module : modules) {
            Map<String, Object> config = yaml(Manifests.ROOT.resolve(module).resolve("src/main/resources/application.yaml").toString());
            Map<String, String> tables = Manifests.at(config, "cinemaabyss", "dynamodb", "tables");
            if (tables == null) {
                continue;
            }
            tables.values().forEach(name -> {
                assertTrue(name.startsWith(PREFIX), module + ": table " + name + " must take the prefix");
                used.add(name.substring(PREFIX.length()));
            });
        }
        Map<String, Object> template = yaml(Manifests.ROOT.resolve("infra/aws/dynamodb-tables.yaml").toString());
        Map<String, Map<String, Object>> resources = Manifests.at(template, "Resources");
        Set<String> defined = new TreeSet<>();
        resources.values().forEach(table -> {
            String name = Manifests.at(table, "Properties", "TableName", "Fn::Sub");
            assertTrue(name.startsWith("${TablePrefix}"), name);
            defined.add(name.substring("${TablePrefix}".length()));
        });
        assertEquals(used, defined);
    }

    private static Map<String, Object> yaml(String file) throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(java.nio.file.Path.of(file)));
    }
}

package com.cinemaabyss.kit.test;

import com.cinemaabyss.local.LocalDynamoDb;
import com.cinemaabyss.local.LocalKafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One real Kafka broker and one DynamoDB Local per test JVM, started on first use on free ports and
 * stopped when the JVM exits. Integration tests of every module use this instead of mocks.
 */
public final class SharedTestInfra {

    private static LocalKafka kafka;
    private static LocalDynamoDb dynamo;

    private SharedTestInfra() {
    }

    public static synchronized LocalKafka kafka() {
        if (kafka == null) {
            try {
                Path logDir = Files.createTempDirectory("cinemaabyss-test-kafka");
                kafka = LocalKafka.start(0, logDir);
                Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return kafka;
    }

    public static synchronized LocalDynamoDb dynamo() {
        if (dynamo == null) {
            dynamo = LocalDynamoDb.start(0, null);
            Runtime.getRuntime().addShutdownHook(new Thread(dynamo::close));
        }
        return dynamo;
    }

    /**
     * The properties that point a function app at this Kafka and DynamoDB Local and let it create its tables;
     * in a Spring test: {@code SharedTestInfra.functionAppProperties().forEach(registry::add)}.
     */
    public static Map<String, Supplier<Object>> functionAppProperties() {
        return Map.of(
                "cinemaabyss.dynamodb.endpoint", () -> dynamoEndpoint().toString(),
                "cinemaabyss.dynamodb.create-tables", () -> "true",
                "cinemaabyss.kafka.bootstrap-servers", SharedTestInfra::kafkaBootstrapServers);
    }

    /**
     * The same properties as command-line arguments, for a function app a test starts itself (they win over its
     * application.yaml), on a free port: {@code new SpringApplicationBuilder(App.class).run(functionAppArguments())}.
     */
    public static String[] functionAppArguments() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        functionAppProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value.get()));
        return arguments.toArray(String[]::new);
    }

    public static String kafkaBootstrapServers() {
        return kafka().bootstrapServers();
    }

    public static URI dynamoEndpoint() {
        return dynamo().endpoint();
    }
}

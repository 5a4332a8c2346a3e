package com.cinemaabyss.kit.dynamo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where DynamoDB is, and what a function's tables are called. {@code endpoint} is set for DynamoDB Local and left
 * empty on AWS, where the region and the default credentials chain apply. {@code createTables} lets a function
 * create its own tables locally; in the cloud tables come from infrastructure code. {@code tables} maps each
 * table's role in the code ({@code movies}, {@code outbox}, ...) to its name, prefix included. {@code calls} bounds
 * how long a call may take, so that a DynamoDB outage answers 503 soon rather than hanging a request.
 */
@ConfigurationProperties("cinemaabyss.dynamodb")
public record DynamoSettings(URI endpoint, @DefaultValue("us-east-1") String region, boolean createTables,
                             Map<String, String> tables, @DefaultValue Calls calls) {

    /**
     * Per call: {@code timeout} for the whole call, retries included; {@code attemptTimeout} for each attempt;
     * at most {@code maxAttempts} attempts; {@code connectTimeout} to open a connection.
     */
    public record Calls(@DefaultValue("5s") Duration timeout, @DefaultValue("2s") Duration attemptTimeout,
                        @DefaultValue("3") int maxAttempts, @DefaultValue("1s") Duration connectTimeout) {
    }

    public DynamoSettings {
        tables = tables == null ? Map.of() : Map.copyOf(tables);
    }

    /** The name of the table that plays {@code role}; a missing entry is a configuration error found at start-up. */
    public String table(String role) {
        String name = tables.get(role);
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("cinemaabyss.dynamodb.tables." + role + " is not configured");
        }
        return name;
    }
}

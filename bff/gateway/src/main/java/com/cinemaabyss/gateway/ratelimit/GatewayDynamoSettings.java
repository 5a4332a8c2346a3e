package com.cinemaabyss.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.util.Map;

/**
 * {@code cinemaabyss.dynamodb.*}, the keys every function uses (endpoint empty on AWS; {@code createTables} locally;
 * {@code tables.rate-limits} the name of the shared buckets' table, prefix included). The gateway reads them itself:
 * the functions' data kit would bring the enhanced client the gateway keeps out.
 */
@ConfigurationProperties("cinemaabyss.dynamodb")
public record GatewayDynamoSettings(URI endpoint, @DefaultValue("us-east-1") String region, boolean createTables,
                                    Map<String, String> tables) {

    public GatewayDynamoSettings {
        tables = tables == null ? Map.of() : Map.copyOf(tables);
    }

    public String rateLimitTable() {
        String name = tables.get("rate-limits");
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("cinemaabyss.dynamodb.tables.rate-limits is not configured");
        }
        return name;
    }
}

package com.cinemaabyss.gateway.ratelimit;

import com.cinemaabyss.gateway.identity.AccessGuard;
import com.cinemaabyss.gateway.identity.AccessDecision;
import com.cinemaabyss.gateway.identity.IdentityConfiguration;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.local.LocalDynamoDb;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The beans from the shipped application.yaml keys, as the local platform runs the gateway (tables created). */
class RateLimitConfigurationIT {

    private final ApplicationContextRunner gateway = new ApplicationContextRunner()
            .withUserConfiguration(IdentityConfiguration.class, RateLimitConfiguration.class)
            .withPropertyValues(
                    "cinemaabyss.dynamodb.endpoint=" + SharedTestInfra.dynamoEndpoint(),
                    "cinemaabyss.dynamodb.create-tables=true",
                    "cinemaabyss.dynamodb.tables.rate-limits=local-gateway-rate-limits",
                    "cinemaabyss.gateway.rate-limit.store=dynamodb",
                    "cinemaabyss.gateway.rate-limit.auth.requests=10", "cinemaabyss.gateway.rate-limit.auth.period=1m",
                    "cinemaabyss.gateway.rate-limit.user.requests=600", "cinemaabyss.gateway.rate-limit.user.period=1m",
                    "cinemaabyss.gateway.rate-limit.anonymous.requests=2", "cinemaabyss.gateway.rate-limit.anonymous.period=1m",
                    "cinemaabyss.gateway.auth.admin-token=admin-secret",
                    "cinemaabyss.gateway.auth.rules[0].path=/admin/migration",
                    "cinemaabyss.gateway.auth.rules[0].access=role:admin",
                    "cinemaabyss.gateway.auth.rules[0].admin-token=true");

    @Test
    void theGatewayCreatesItsTableWhereServicesCreateTablesAndSharesItsBuckets() {
        gateway.run(context -> {
            assertTrue(context.getStartupFailure() == null, String.valueOf(context.getStartupFailure()));
            try (DynamoDbClient dynamo = LocalDynamoDb.clientFor(SharedTestInfra.dynamoEndpoint())) {
                assertTrue(dynamo.listTables().tableNames().contains("local-gateway-rate-limits"));
            }
            RateLimiter limiter = context.getBean(RateLimiter.class);
            assertInstanceOf(FallbackBucketStore.class, context.getBean(RateLimitStorage.class).store());
            String address = "203.0.113." + System.nanoTime() % 250;
            assertTrue(limiter.check("/api/movies", Optional.empty(), address).join().allowed());
            assertTrue(limiter.check("/api/movies", Optional.empty(), address).join().allowed());
            assertEquals(false, limiter.check("/api/movies", Optional.empty(), address).join().allowed());
            assertEquals(0, ((FallbackBucketStore) context.getBean(RateLimitStorage.class).store()).fallbacks());

            AccessGuard guard = context.getBean(AccessGuard.class);
            assertInstanceOf(AccessDecision.Allowed.class, guard.check("PUT", "/admin/migration", "Bearer admin-secret").join());
        });
    }
}

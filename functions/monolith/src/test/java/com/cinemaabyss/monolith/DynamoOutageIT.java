package com.cinemaabyss.monolith;

import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.local.FreePorts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monolith with DynamoDB unreachable: 503s within the call timeout, not 500s and not hangs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DynamoOutageIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        int closed = FreePorts.pick();
        registry.add("cinemaabyss.dynamodb.endpoint", () -> "http://127.0.0.1:" + closed);
        registry.add("cinemaabyss.dynamodb.create-tables", () -> "false");
        registry.add("cinemaabyss.dynamodb.calls.timeout", () -> "3s");
        registry.add("cinemaabyss.kafka.bootstrap-servers", SharedTestInfra::kafkaBootstrapServers);
    }

    @Test
    void readsAndWritesAnswer503Soon() {
        TestHttp http = TestHttp.at(port);
        assertUnavailableSoon(() -> http.get("/api/users?id=1"));
        assertUnavailableSoon(() -> http.post("/api/users", "{\"username\":\"tank\",\"email\":\"tank@example.com\"}"));
        assertUnavailableSoon(() -> http.post("/api/users", "{\"username\":\"tank\",\"email\":\"tank@example.com\"}",
                "Idempotency-Key", "outage-1"));
    }

    private static void assertUnavailableSoon(java.util.function.Supplier<HttpResponse<String>> call) {
        Instant start = Instant.now();
        HttpResponse<String> response = call.get();
        Duration took = Duration.between(start, Instant.now());
        assertTrue(TestHttp.isJsonError(response, 503, "DynamoDB"), response.statusCode() + " " + response.body());
        assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "took " + took);
    }
}

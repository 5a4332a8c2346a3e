package com.cinemaabyss.events;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.local.FreePorts;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** With no Kafka to talk to, a POST answers a prompt 503 and never claims the event was stored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KafkaUnreachableIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
        registry.add("cinemaabyss.kafka.bootstrap-servers", () -> "127.0.0.1:" + FreePorts.pick());
        registry.add("cinemaabyss.kafka.publish-timeout", () -> "1s");
    }

    @Test
    void postingAnEventAnswers503WithinTheBound() {
        long start = System.nanoTime();
        HttpResponse<String> response = TestHttp.at(port).post("/api/events/movie", "{\"movie_id\":1,\"title\":\"T\",\"action\":\"viewed\"}");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(TestHttp.isJsonError(response, 503, "event bus unavailable"), response.statusCode() + " " + response.body());
        assertTrue(!response.body().contains("success") && !response.body().contains("offset"), response.body());
        assertTrue(millis < 10_000, "answered after " + millis + " ms");
    }

    @Test
    void theIngressAnswers503AndRemembersNothing() {
        String event = IngressIT.event("unreachable-1", "/x", EventTypes.MOVIE_EVENT, "{\"movie_id\":1,\"title\":\"T\",\"action\":\"viewed\"}", null);
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> response = TestHttp.at(port).send(TestHttp.at(port).request("/api/events",
                    "Content-Type", "application/cloudevents+json").POST(HttpRequest.BodyPublishers.ofString(event)));
            // the second attempt is not taken for a duplicate: only what Kafka acknowledged is remembered
            assertTrue(TestHttp.isJsonError(response, 503, "event bus unavailable"), response.statusCode() + " " + response.body());
        }
    }
}

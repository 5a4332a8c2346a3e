package com.cinemaabyss.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local wiring comes from the same manifests a cluster applies; these are the facts the platform relies on. */
class KnativeManifestsTest {

    static final Path KNATIVE = PlatformOptions.findRoot(Path.of("").toAbsolutePath()).resolve("knative");

    @Test
    void everyDeployableHasAServiceWithAModuleAPortAndAHealthPath() {
        Map<String, ServiceManifest> services = KnativeManifests.load(KNATIVE).services().stream()
                .collect(Collectors.toMap(ServiceManifest::name, s -> s));
        assertEquals(Map.of("gateway", 8000, "monolith", 8080, "catalog", 8081, "events", 8082),
                services.values().stream().collect(Collectors.toMap(ServiceManifest::name, ServiceManifest::localPort)));
        assertEquals("/api/movies/health", services.get("catalog").healthPath());
        assertEquals("functions/catalog/target/catalog.jar", services.get("catalog").jarPath());
        assertEquals("bff/target/bff.jar", services.get("gateway").jarPath());
        assertEquals("http://catalog.cinemaabyss.svc.cluster.local", services.get("gateway").env().get("MOVIES_SERVICE_URL"));
        for (ServiceManifest service : services.values()) {
            assertTrue(Files.isDirectory(KNATIVE.getParent().resolve(service.module())), service.module());
        }
    }

    @Test
    void subscriptionsFeedEveryTopicToAnExistingServiceWithRetriesAndADeadLetterTopic() {
        KnativeManifests manifests = KnativeManifests.load(KNATIVE);
        List<Subscription> subscriptions = manifests.subscriptions();
        assertEquals(5, subscriptions.size());
        Map<String, String> routes = subscriptions.stream()
                .collect(Collectors.toMap(s -> s.topics().getFirst() + "->" + s.serviceName(), Subscription::path));
        assertEquals(Map.of(
                "movie-events->events", "/internal/events/movie-events",
                "user-events->events", "/internal/events/user-events",
                "payment-events->events", "/internal/events/payment-events",
                "movie-changes->monolith", "/internal/events/movie-changes",
                "movie-changes->catalog", "/internal/events/movie-changes"), routes);
        for (Subscription subscription : subscriptions) {
            manifests.service(subscription.serviceName());
            assertEquals("dead-letter-events", subscription.deadLetterTopic());
            assertEquals(5, subscription.retries());
            assertEquals(Duration.ofMillis(200), subscription.backoff(1));
            assertEquals(Duration.ofMillis(3200), subscription.backoff(5));
        }
        assertEquals(subscriptions.size(), subscriptions.stream().map(Subscription::consumerGroup).distinct().count(),
                "each subscriber needs its own consumer group, or they would share the events");
    }

    @Test
    void theTopicsComeFromTheStrimziDefinitions() {
        var topics = TopicDefinitions.load(KNATIVE.resolve("strimzi"));
        assertEquals(java.util.Set.of("movie-events", "user-events", "payment-events", "movie-changes", "dead-letter-events"),
                topics.stream().map(t -> t.name()).collect(Collectors.toSet()));
        var changes = topics.stream().filter(t -> t.name().equals("movie-changes")).findFirst().orElseThrow();
        assertEquals("compact", changes.configs().get("cleanup.policy"));
        assertTrue(topics.stream().allMatch(t -> t.replicationFactor() == 1 && !t.configs().containsKey("min.insync.replicas")));
    }

    @Test
    void aBrokenManifestIsReportedWithItsFileAndField(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("serving"));
        Files.createDirectories(dir.resolve("eventing"));
        Files.writeString(dir.resolve("eventing/broken.yaml"), """
                apiVersion: sources.knative.dev/v1beta1
                kind: KafkaSource
                metadata:
                  name: broken
                spec:
                  topics: [movie-events]
                """);
        String message = assertThrows(KnativeManifests.ManifestException.class, () -> KnativeManifests.load(dir)).getMessage();
        assertTrue(message.contains("broken.yaml") && message.contains("spec.delivery"), message);

        Files.writeString(dir.resolve("eventing/broken.yaml"), "kind: [unclosed");
        message = assertThrows(KnativeManifests.ManifestException.class, () -> KnativeManifests.load(dir)).getMessage();
        assertTrue(message.contains("broken.yaml") && message.contains("not valid YAML"), message);
    }
}

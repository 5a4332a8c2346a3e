package com.cinemaabyss.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local wiring comes from the same manifests a cluster applies; these are the facts the platform relies on. */
class KnativeWiringTest {

    static final Path KNATIVE = Path.of("../../knative").toAbsolutePath().normalize();
    /** The subscriptions with the chart's moneyDelivery. */
    static final Set<String> MONEY_PATH = Set.of("billing-events-to-discounts", "billing-events-to-subscriptions",
            "discount-events-to-payments", "subscription-events-to-payments", "payment-changes-to-monolith",
            "subscription-changes-to-monolith");
    /** Mail: retried as long as the money path, so a send that died mid-way outlives its ledger claim's 2 minutes. */
    static final Set<String> MAIL = Set.of("user-events-to-notifications", "billing-events-to-notifications", "subscription-events-to-notifications");

    @Test
    void everyDeployableHasAServiceWithAModuleAPortAHealthPathAndItsEnvironment() {
        Map<String, ServiceSpec> services = KnativeWiring.load(KNATIVE).services().stream()
                .collect(Collectors.toMap(ServiceSpec::name, s -> s));
        assertEquals(Map.ofEntries(Map.entry("gateway", 8000), Map.entry("monolith", 8080), Map.entry("catalog", 8081),
                        Map.entry("events", 8082), Map.entry("identity", 8083), Map.entry("discounts", 8084), Map.entry("payments", 8085),
                        Map.entry("subscriptions", 8086), Map.entry("content", 8087), Map.entry("profile", 8088), Map.entry("recommendations", 8089),
                        Map.entry("notifications", 8093), Map.entry("web-bff", 8095), Map.entry("mobile-bff", 8096)),
                services.values().stream().collect(Collectors.toMap(ServiceSpec::name, ServiceSpec::localPort)));
        assertEquals(Map.ofEntries(Map.entry("gateway", "/health"), Map.entry("monolith", "/health"), Map.entry("catalog", "/api/movies/health"),
                        Map.entry("events", "/api/events/health"), Map.entry("identity", "/api/auth/health"),
                        Map.entry("discounts", "/api/v1/discounts/health"), Map.entry("payments", "/api/v1/payments/health"),
                        Map.entry("subscriptions", "/api/v1/subscriptions/health"), Map.entry("content", "/api/v1/playback/health"),
                        Map.entry("profile", "/api/v1/profile/health"), Map.entry("recommendations", "/api/v1/recommendations/health"),
                        Map.entry("notifications", "/api/v1/notifications/health"), Map.entry("web-bff", "/api/web/health"),
                        Map.entry("mobile-bff", "/api/mobile/health")),
                services.values().stream().collect(Collectors.toMap(ServiceSpec::name, ServiceSpec::healthPath)));
        assertEquals("functions/monolith/target/monolith.jar", services.get("monolith").jarPath());
        assertEquals("functions/catalog/target/catalog.jar", services.get("catalog").jarPath());
        assertEquals("events/service/target/events.jar", services.get("events").jarPath());
        assertEquals("bff/gateway/target/gateway.jar", services.get("gateway").jarPath());
        assertEquals("functions/identity/target/identity.jar", services.get("identity").jarPath());
        assertEquals("functions/payments/target/payments.jar", services.get("payments").jarPath());
        assertEquals("functions/recommendations/target/recommendations.jar", services.get("recommendations").jarPath());
        assertEquals("functions/notifications/target/notifications.jar", services.get("notifications").jarPath());
        assertEquals("bff/web/target/web-bff.jar", services.get("web-bff").jarPath());
        assertEquals("http://catalog.cinemaabyss.svc.cluster.local", services.get("web-bff").env().get("CATALOG_URL"), "the BFFs call the functions in the cluster");
        assertEquals("http://notifications.cinemaabyss.svc.cluster.local", services.get("gateway").env().get("NOTIFICATIONS_URL"));
        assertEquals("smtp.example.com", services.get("notifications").env().get("SMTP_HOST"),
                "the cluster's SMTP server; infra/bin/run swaps in the GreenMail it starts");
        assertEquals("http://recommendation-engine.recommendations.svc.cluster.local", services.get("recommendations").env().get("RECOMMENDATION_ENGINE_URL"),
                "the cluster's engine; infra/bin/run swaps in the reference engine it starts");

        Map<String, String> gateway = services.get("gateway").env();
        assertEquals("http://monolith.cinemaabyss.svc.cluster.local", gateway.get("MONOLITH_URL"));
        assertEquals("http://catalog.cinemaabyss.svc.cluster.local", gateway.get("CATALOG_URL"));
        assertEquals("http://subscriptions.cinemaabyss.svc.cluster.local", gateway.get("SUBSCRIPTIONS_URL"), "the gateway finds subscriptions in the cluster");
        assertEquals("http://events.cinemaabyss.svc.cluster.local", gateway.get("EVENTS_SERVICE_URL"));
        assertTrue(gateway.containsKey("GRADUAL_MIGRATION") && gateway.containsKey("MOVIES_MIGRATION_PERCENT"), gateway.toString());
        for (String function : List.of("monolith", "catalog", "events", "identity", "discounts", "payments", "subscriptions")) {
            Map<String, String> env = services.get(function).env();
            assertEquals("my-cluster-kafka-bootstrap.kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"), function);
            assertEquals("false", env.get("DYNAMODB_CREATE_TABLES"), function);
            assertTrue(env.containsKey("AWS_REGION"), function);
        }
        for (ServiceSpec service : services.values()) {
            assertTrue(Files.isDirectory(KNATIVE.getParent().resolve(service.module())), service.module());
        }
    }

    @Test
    void everySubscriptionFeedsItsTopicToItsRouteWithRetriesAndTheDeadLetterTopic() {
        KnativeWiring wiring = KnativeWiring.load(KNATIVE);
        List<Subscription> subscriptions = wiring.subscriptions();
        assertEquals(28, subscriptions.size());
        Map<String, String> routes = subscriptions.stream()
                .collect(Collectors.toMap(s -> String.join(",", s.topics()) + "->" + s.serviceName(), Subscription::path));
        assertEquals(Map.ofEntries(
                Map.entry("movie-events->events", "/internal/events/movie-events"),
                Map.entry("user-events->events", "/internal/events/user-events"),
                Map.entry("payment-events->events", "/internal/events/payment-events"),
                Map.entry("movie-changes->monolith", "/internal/events/movie-changes"),
                Map.entry("movie-changes->catalog", "/internal/events/movie-changes"),
                Map.entry("user-changes->monolith", "/internal/events/user-changes"),
                Map.entry("billing-events->discounts", "/internal/events/billing-events"),
                Map.entry("discount-events->payments", "/internal/events/discount-events"),
                Map.entry("subscription-events->payments", "/internal/events/subscription-events"),
                Map.entry("billing-events->subscriptions", "/internal/events/billing-events"),
                Map.entry("payment-changes->monolith", "/internal/events/payment-changes"),
                Map.entry("subscription-changes->monolith", "/internal/events/subscription-changes"),
                Map.entry("title-changes->content", "/internal/events/title-changes"),
                Map.entry("title-changes->profile", "/internal/events/title-changes"),
                Map.entry("provider-feed->catalog", "/internal/events/provider-feed"),
                Map.entry("profile-events->catalog", "/internal/events/profile-events"),
                Map.entry("movie-events->catalog", "/internal/events/movie-events"),
                Map.entry("profile-events->recommendations", "/internal/events/profile-events"),
                Map.entry("playback-events->recommendations", "/internal/events/playback-events"),
                Map.entry("title-changes->recommendations", "/internal/events/title-changes"),
                Map.entry("user-events->notifications", "/internal/events/user-events"),
                Map.entry("user-changes->notifications", "/internal/events/user-changes"),
                Map.entry("billing-events->notifications", "/internal/events/billing-events"),
                Map.entry("subscription-events->notifications", "/internal/events/subscription-events"),
                Map.entry("subscription-changes->notifications", "/internal/events/subscription-changes"),
                Map.entry("campaign-recipients->notifications", "/internal/events/campaign-recipients"),
                Map.entry("profile-events->notifications", "/internal/events/profile-events"),
                Map.entry("title-changes->notifications", "/internal/events/title-changes")), routes);
        for (Subscription subscription : subscriptions) {
            wiring.service(subscription.serviceName());
            assertEquals("dead-letter-events", subscription.deadLetterTopic());
            assertEquals("exponential", subscription.backoffPolicy());
            if ("campaign-recipients-to-notifications".equals(subscription.name()) || "title-changes-to-notifications".equals(subscription.name())) {
                // waits for its channel's rate, or a push service's short outage: 1 s doubling, 10 retries (about half an hour) before it is parked
                assertEquals(10, subscription.retries());
                assertEquals(Duration.ofSeconds(1), subscription.backoffDelay());
            } else if (MONEY_PATH.contains(subscription.name()) || MAIL.contains(subscription.name())) {
                // the chart's moneyDelivery: a payment's result outlasts a subscriber's outage (about 17 minutes)
                assertEquals(10, subscription.retries(), subscription.name());
                assertEquals(Duration.ofMillis(500), subscription.backoffDelay(), subscription.name());
                assertEquals(Duration.ofSeconds(1), subscription.backoff(1), "Knative waits delay * 2^retry");
                assertEquals(Duration.ofSeconds(512), subscription.backoff(10), subscription.name());
            } else {
                assertEquals(5, subscription.retries(), subscription.name());
                assertEquals(Duration.ofMillis(200), subscription.backoffDelay());
                assertEquals(Duration.ofMillis(400), subscription.backoff(1), "Knative waits delay * 2^retry");
                assertEquals(Duration.ofMillis(6400), subscription.backoff(5));
            }
        }
        assertEquals(subscriptions.size(), subscriptions.stream().map(Subscription::consumerGroup).distinct().count(),
                "each subscriber needs its own consumer group, or they would share the events");
    }

    @Test
    void theTopicsComeFromTheStrimziDefinitions() {
        var topics = TopicDefinitions.load(KNATIVE.resolve("strimzi"));
        assertEquals(Set.of("movie-events", "user-events", "payment-events", "movie-changes", "user-changes", "dead-letter-events",
                        "billing-events", "payment-changes", "discount-events", "subscription-events", "subscription-changes", "title-changes", "playback-events",
                        "profile-events", "provider-feed", "campaign-recipients"),
                topics.stream().map(t -> t.name()).collect(Collectors.toSet()));
        for (String changelog : List.of("movie-changes", "user-changes", "payment-changes", "subscription-changes")) {
            var changes = topics.stream().filter(t -> t.name().equals(changelog)).findFirst().orElseThrow();
            assertEquals("compact", changes.configs().get("cleanup.policy"), changelog);
        }
        assertTrue(topics.stream().allMatch(t -> t.numPartitions() == 3));
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
        assertFailure(dir, "broken.yaml", "missing field spec.delivery");

        Files.writeString(dir.resolve("eventing/broken.yaml"), """
                apiVersion: eventing.knative.dev/v1alpha1
                kind: KafkaSink
                metadata:
                  name: dead-letters
                spec:
                  topic: dead-letter-events
                ---
                apiVersion: sources.knative.dev/v1beta1
                kind: KafkaSource
                metadata:
                  name: slow
                spec:
                  topics: [movie-events]
                  consumerGroup: slow
                  delivery:
                    retry: 3
                    backoffPolicy: exponential
                    backoffDelay: 200ms
                    deadLetterSink:
                      ref: {name: dead-letters}
                  sink:
                    ref: {name: events}
                """);
        assertFailure(dir, "broken.yaml", "spec.delivery.backoffDelay is not an ISO-8601 duration: 200ms");

        Files.writeString(dir.resolve("eventing/broken.yaml"), """
                apiVersion: sources.knative.dev/v1
                kind: PingSource
                metadata:
                  name: often
                spec:
                  schedule: "*/5 * * * * *"
                  sink:
                    ref: {name: subscriptions}
                """);
        assertFailure(dir, "broken.yaml", "spec.schedule is not a cron schedule");

        Files.writeString(dir.resolve("eventing/broken.yaml"), "kind: [unclosed");
        assertFailure(dir, "broken.yaml", "not valid YAML");

        Files.delete(dir.resolve("eventing/broken.yaml"));
        Files.writeString(dir.resolve("serving/shop.yaml"), """
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata:
                  name: shop
                  annotations:
                    cinemaabyss.io/module: shop
                    cinemaabyss.io/local-port: eighty
                spec:
                  template:
                    spec:
                      containers:
                        - image: shop
                          readinessProbe: {httpGet: {path: /health}}
                """);
        assertFailure(dir, "shop.yaml", "metadata.annotations.cinemaabyss.io/local-port is not a number: eighty");
    }

    @Test
    void aBrokenKafkaTopicIsReportedWithItsFileAndField(@TempDir Path strimzi) throws IOException {
        Files.writeString(strimzi.resolve("topic-broken.yaml"), """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: broken-events
                spec:
                  replicas: 3
                """);
        assertTopicFailure(strimzi, "topic-broken.yaml", "KafkaTopic broken-events", "missing field spec.partitions");

        Files.writeString(strimzi.resolve("topic-broken.yaml"), """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: broken-events
                spec:
                  partitions: three
                """);
        assertTopicFailure(strimzi, "topic-broken.yaml", "KafkaTopic broken-events", "spec.partitions is not a number: three");

        Files.writeString(strimzi.resolve("topic-broken.yaml"), """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: broken-events
                spec:
                  partitions: 3
                  config: compact
                """);
        assertTopicFailure(strimzi, "topic-broken.yaml", "KafkaTopic broken-events", "spec.config must be a mapping");

        Files.writeString(strimzi.resolve("topic-broken.yaml"), "kind: [unclosed");
        assertTopicFailure(strimzi, "topic-broken.yaml", "", "not valid YAML");
    }

    private static void assertTopicFailure(Path strimzi, String file, String document, String field) {
        String message = assertThrows(KnativeWiring.ManifestException.class, () -> TopicDefinitions.load(strimzi)).getMessage();
        assertTrue(message.contains(file) && message.contains(document) && message.contains(field), message);
    }

    private static void assertFailure(Path knative, String file, String field) {
        String message = assertThrows(KnativeWiring.ManifestException.class, () -> KnativeWiring.load(knative)).getMessage();
        assertTrue(message.contains(file) && message.contains(field), message);
    }
}

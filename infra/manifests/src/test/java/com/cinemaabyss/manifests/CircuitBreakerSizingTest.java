package com.cinemaabyss.manifests;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DestinationRules in knative/ are sized for production, from each function's autoscaling; the fortio demo's
 * one-connection breaker lives only in the overlay values-breaker-demo.yaml, and the overlay changes nothing else.
 */
class CircuitBreakerSizingTest {

    private static final java.nio.file.Path DEMO = Manifests.CHART.resolve("values-breaker-demo.yaml");

    @Test
    void theDefaultRenderingIsSizedFromEachFunctionsAutoscaling() {
        List<Manifests.Doc> docs = Manifests.docs(Manifests.knativeFiles());
        List<Manifests.Doc> rules = docs.stream().filter(d -> d.kind().equals("DestinationRule")).toList();
        assertEquals(Set.of("monolith", "catalog"), Set.copyOf(rules.stream().map(Manifests.Doc::name).toList()));
        for (Manifests.Doc rule : rules) {
            Manifests.Doc service = docs.stream().filter(d -> d.kind().equals("Service") && d.name().equals(rule.name()))
                    .findFirst().orElseThrow();
            Map<String, String> scaling = Manifests.at(service.yaml(), "spec", "template", "metadata", "annotations");
            int capacity = Integer.parseInt(scaling.get("autoscaling.knative.dev/max-scale"))
                    * Integer.parseInt(scaling.get("autoscaling.knative.dev/target"));
            Map<String, Object> pool = Manifests.at(rule.yaml(), "spec", "trafficPolicy", "connectionPool");
            int connections = Manifests.at(pool, "tcp", "maxConnections");
            int pending = Manifests.at(pool, "http", "http1MaxPendingRequests");
            assertTrue(connections > 1 && pending > 1, rule.file() + " keeps the demo's one-connection breaker");
            assertEquals(2 * capacity, connections, rule.file() + ": max-scale x target x 2 (Knative's panic threshold)");
            assertEquals(capacity, pending, rule.file() + ": max-scale x target");
            assertEquals(0, (Integer) Manifests.at(pool, "http", "maxRequestsPerConnection"), rule.file() + ": unlimited keep-alive");
            assertEquals(Map.of("consecutive5xxErrors", 5, "interval", "10s", "baseEjectionTime", "30s", "maxEjectionPercent", 50),
                    Manifests.at(rule.yaml(), "spec", "trafficPolicy", "outlierDetection"), rule.file());
        }
    }

    @Test
    void theDemoOverlayHasTheFortioLimitsAndChangesNothingElse() {
        Map<String, String> demo = new TreeMap<>(Manifests.renderWithValuesFile(DEMO));
        Map<String, String> production = new TreeMap<>(ChartRenderer.render(Manifests.CHART, Map.of()));
        assertEquals(production.keySet(), demo.keySet());
        List<Manifests.Doc> rules = Manifests.docs(demo).stream().filter(d -> d.kind().equals("DestinationRule")).toList();
        assertEquals(2, rules.size());
        for (Manifests.Doc rule : rules) {
            Map<String, Object> policy = Manifests.at(rule.yaml(), "spec", "trafficPolicy");
            assertEquals(Map.of("tcp", Map.of("maxConnections", 1),
                            "http", Map.of("http1MaxPendingRequests", 1, "maxRequestsPerConnection", 1)),
                    policy.get("connectionPool"), rule.file());
            assertEquals(Map.of("consecutive5xxErrors", 3, "interval", "5s", "baseEjectionTime", "30s", "maxEjectionPercent", 100),
                    policy.get("outlierDetection"), rule.file());
            assertEquals(List.of(), TypedModelsTest.check(rule));
        }
        production.forEach((file, text) -> {
            if (!file.startsWith("istio/circuit-breaker-")) {
                assertEquals(text, demo.get(file), file + " must not change with the breaker demo");
            }
        });
    }
}

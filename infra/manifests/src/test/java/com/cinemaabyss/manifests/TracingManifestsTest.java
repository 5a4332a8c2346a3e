package com.cinemaabyss.manifests;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every Knative Service sends its spans where the chart's tracing values say and logs JSON lines (which carry the
 * trace and span ids); without a Zipkin endpoint nothing is sampled, so nothing is sent anywhere.
 */
class TracingManifestsTest {

    @Test
    void everyServiceTracesToTheChartsZipkinAndLogsJson() {
        List<Manifests.Doc> services = knativeServices(Manifests.docs(Manifests.knativeFiles()));
        assertEquals(14, services.size());
        for (Manifests.Doc service : services) {
            Map<String, String> env = env(service);
            assertEquals("http://zipkin.observability.svc.cluster.local:9411/api/v2/spans", env.get("ZIPKIN_ENDPOINT"), service.file());
            assertEquals("0.1", env.get("TRACING_SAMPLING_PROBABILITY"), service.file());
            assertEquals("ecs", env.get("LOGGING_STRUCTURED_FORMAT_CONSOLE"), service.file());
        }
    }

    @Test
    void withoutAZipkinEndpointNothingIsSampled() {
        for (Manifests.Doc service : knativeServices(Manifests.docs(ChartRenderer.render(Manifests.CHART, Map.of("tracing.zipkinEndpoint", ""))))) {
            Map<String, String> without = env(service);
            assertFalse(without.containsKey("ZIPKIN_ENDPOINT"), service.file());
            assertEquals("0.0", without.get("TRACING_SAMPLING_PROBABILITY"), service.file());
            assertEquals("ecs", without.get("LOGGING_STRUCTURED_FORMAT_CONSOLE"), service.file());
        }
    }

    private static List<Manifests.Doc> knativeServices(List<Manifests.Doc> docs) {
        return docs.stream().filter(doc -> doc.kind().equals("Service")
                && String.valueOf(doc.yaml().get("apiVersion")).startsWith("serving.knative.dev/")).toList();
    }

    private static Map<String, String> env(Manifests.Doc service) {
        List<Map<String, Object>> entries = Manifests.at(service.yaml(), "spec", "template", "spec", "containers", "0", "env");
        Map<String, String> env = new LinkedHashMap<>();
        entries.forEach(entry -> env.put(String.valueOf(entry.get("name")), entry.get("value") == null ? null : String.valueOf(entry.get("value"))));
        return env;
    }
}

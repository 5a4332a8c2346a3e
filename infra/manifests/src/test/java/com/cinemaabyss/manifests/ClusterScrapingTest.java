package com.cinemaabyss.manifests;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In the cluster the Prometheus operator finds every function's metrics and names their job as the rules and
 * dashboards do: each Knative Service's pods ask Istio to merge their /actuator/prometheus into the sidecar's endpoint,
 * one PodMonitor scrapes that endpoint with the job relabelled to the Knative Service's name, and Strimzi's Kafka
 * Exporter serves the consumer lag and topic offsets the Kafka alerts read.
 */
class ClusterScrapingTest {

    private static final Pattern JOB = Pattern.compile("job=\"([a-z0-9-]+)\"");

    @Test
    void everyFunctionsPodsAskIstioToMergeTheirActuatorMetrics() {
        List<Manifests.Doc> services = services();
        assertEquals(14, services.size());
        for (Manifests.Doc service : services) {
            Map<String, Object> annotations = Manifests.at(service.yaml(), "spec", "template", "metadata", "annotations");
            List<Map<String, Object>> ports = Manifests.at(service.yaml(), "spec", "template", "spec", "containers", "0", "ports");
            assertEquals("true", annotations.get("prometheus.io/scrape"), service.file());
            assertEquals(String.valueOf(ports.getFirst().get("containerPort")), annotations.get("prometheus.io/port"), service.file());
            assertEquals("/actuator/prometheus", annotations.get("prometheus.io/path"), service.file());
        }
    }

    @Test
    void onePodMonitorScrapesTheMergedEndpointAndNamesTheJobAfterTheKnativeService() {
        Manifests.Doc monitor = Manifests.docs(Manifests.knativeFiles()).stream()
                .filter(doc -> doc.kind().equals("PodMonitor") && doc.name().equals("cinemaabyss-functions")).findFirst().orElseThrow();
        List<Map<String, Object>> selector = Manifests.at(monitor.yaml(), "spec", "selector", "matchExpressions");
        assertEquals(Map.of("key", "serving.knative.dev/service", "operator", "Exists"), selector.getFirst());
        Map<String, Object> endpoint = Manifests.<List<Map<String, Object>>>at(monitor.yaml(), "spec", "podMetricsEndpoints").getFirst();
        assertEquals("/stats/prometheus", endpoint.get("path"));
        assertEquals(15020, endpoint.get("targetPort"), "the Istio agent's merged metrics port");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> relabelings = (List<Map<String, Object>>) endpoint.get("relabelings");
        assertTrue(relabelings.contains(Map.of("sourceLabels", List.of("__meta_kubernetes_pod_label_serving_knative_dev_service"),
                "targetLabel", "job")), relabelings.toString());
    }

    @Test
    void everyJobTheRulesNameIsScrapedUnderThatName() throws IOException {
        Set<String> named = new TreeSet<>();
        Matcher job = JOB.matcher(Files.readString(ObservabilityAsCodeTest.RULES));
        while (job.find()) {
            named.add(job.group(1));
        }
        assertTrue(named.contains("gateway"), named.toString());
        Set<String> scraped = services().stream().map(Manifests.Doc::name).collect(Collectors.toCollection(TreeSet::new));
        scraped.add("kafka-exporter");
        assertTrue(scraped.containsAll(named), "jobs in the rules " + named + ", scraped " + scraped);
    }

    @Test
    void strimzisKafkaExporterServesTheLagAndOffsetsTheKafkaAlertsRead() throws IOException {
        List<Manifests.Doc> strimzi = Manifests.docs(Manifests.knativeFiles());
        Manifests.Doc kafka = strimzi.stream().filter(doc -> doc.kind().equals("Kafka")).findFirst().orElseThrow();
        assertEquals(Map.of("topicRegex", ".*", "groupRegex", ".*"), Manifests.at(kafka.yaml(), "spec", "kafkaExporter"));
        Manifests.Doc monitor = strimzi.stream().filter(doc -> doc.kind().equals("PodMonitor") && doc.name().equals("kafka-exporter"))
                .findFirst().orElseThrow();
        assertEquals(Map.of("strimzi.io/name", Manifests.<String>at(kafka.yaml(), "metadata", "name") + "-kafka-exporter"),
                Manifests.at(monitor.yaml(), "spec", "selector", "matchLabels"));
        String rules = Files.readString(ObservabilityAsCodeTest.RULES);
        assertTrue(rules.contains("kafka_consumergroup_lag") && rules.contains("kafka_topic_partition_current_offset"));
    }

    private static List<Manifests.Doc> services() {
        return Manifests.docs(Manifests.knativeFiles()).stream().filter(doc -> doc.kind().equals("Service")
                && doc.apiVersion().startsWith("serving.knative.dev/")).toList();
    }
}

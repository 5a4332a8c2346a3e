package com.cinemaabyss.manifests;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every manifest parses into the typed model of its API (fabric8 Knative and Istio models, Strimzi's API),
 * and no field is left over: a misspelt or unknown field fails here instead of being dropped by a cluster.
 */
class TypedModelsTest {

    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("serving.knative.dev/v1/Service", io.fabric8.knative.serving.v1.Service.class),
            Map.entry("sources.knative.dev/v1beta1/KafkaSource", io.fabric8.knative.sources.v1beta1.KafkaSource.class),
            Map.entry("sources.knative.dev/v1/PingSource", io.fabric8.knative.sources.v1.PingSource.class),
            Map.entry("eventing.knative.dev/v1alpha1/KafkaSink", io.fabric8.knative.eventing.v1alpha1.KafkaSink.class),
            Map.entry("networking.istio.io/v1/DestinationRule", io.fabric8.istio.api.networking.v1.DestinationRule.class),
            Map.entry("networking.istio.io/v1/Gateway", io.fabric8.istio.api.networking.v1.Gateway.class),
            Map.entry("networking.istio.io/v1/VirtualService", io.fabric8.istio.api.networking.v1.VirtualService.class),
            Map.entry("security.istio.io/v1/AuthorizationPolicy", io.fabric8.istio.api.security.v1.AuthorizationPolicy.class),
            Map.entry("security.istio.io/v1/RequestAuthentication", io.fabric8.istio.api.security.v1.RequestAuthentication.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", io.fabric8.openshift.api.model.monitoring.v1.PodMonitor.class),
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void everyManifestInKnativeIsAKnownResourceWithNoUnknownFields() {
        List<Manifests.Doc> docs = Manifests.docs(Manifests.knativeFiles());
        assertTrue(docs.size() >= 20, "found only " + docs.size() + " manifests");
        List<String> problems = new ArrayList<>();
        docs.forEach(doc -> problems.addAll(check(doc)));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyVariantOfTheChartRendersValidResources() {
        for (Map<String, String> values : List.of(
                Map.of("istio.enabled", "false"),
                Map.of("functions.catalog.enabled", "false", "kafka.createTopics", "false"),
                Map.of("dynamodb.endpoint", "http://dynamodb-local:8000", "migration.gradual", "false"))) {
            List<String> problems = new ArrayList<>();
            Manifests.docs(ChartRenderer.render(Manifests.CHART, values)).forEach(doc -> problems.addAll(check(doc)));
            assertEquals(List.of(), problems, "with " + values);
        }
    }

    @Test
    void aMisspeltFieldIsCaught() {
        Manifests.Doc doc = Manifests.docs(Map.of("bad.yaml", """
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata:
                  name: typo
                spec:
                  template:
                    spec:
                      containers:
                        - image: x
                          readinessProbe:
                            httpGet:
                              pathh: /health
                """)).getFirst();
        List<String> problems = check(doc);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().contains("pathh"), problems.toString());
        assertTrue(check(Manifests.docs(Map.of("odd.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\n")).getFirst())
                .getFirst().contains("no model"));
    }

    static List<String> check(Manifests.Doc doc) {
        Class<?> model = MODELS.get(doc.apiVersion() + "/" + doc.kind());
        if (model == null) {
            return List.of(doc.file() + ": no model for " + doc.apiVersion() + " " + doc.kind());
        }
        try {
            Object typed = YAML.convertValue(doc.yaml(), model);
            List<String> problems = new ArrayList<>();
            leftovers(typed, doc.kind(), problems, new IdentityHashMap<>());
            return problems.stream().map(p -> doc.file() + ": " + p).toList();
        } catch (IllegalArgumentException e) {
            return List.of(doc.file() + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Walks the typed object; models keep fields they do not know in additionalProperties, which must stay empty. */
    private static void leftovers(Object node, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, true) != null) {
            return;
        }
        switch (node) {
            case Map<?, ?> map -> map.forEach((k, v) -> leftovers(v, path + "." + k, problems, seen));
            case Collection<?> items -> {
                int i = 0;
                for (Object item : items) {
                    leftovers(item, path + "[" + i++ + "]", problems, seen);
                }
            }
            default -> {
                String pkg = node.getClass().getPackageName();
                if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
                    return;
                }
                for (Method getter : node.getClass().getMethods()) {
                    if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                            || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                        continue;
                    }
                    Object value;
                    try {
                        value = getter.invoke(node);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        // A model that cannot be read back is as wrong as an unknown field: report it, never skip it.
                        problems.add(path + "." + decapitalize(getter.getName().substring(3)) + " (unreadable: "
                                + (e.getCause() != null ? e.getCause() : e) + ")");
                        continue;
                    }
                    if (getter.getName().equals("getAdditionalProperties")) {
                        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                            extra.keySet().forEach(key -> problems.add("unknown field " + path + "." + key));
                        }
                    } else if (!Set.of("getClass").contains(getter.getName())) {
                        leftovers(value, path + "." + decapitalize(getter.getName().substring(3)), problems, seen);
                    }
                }
            }
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    @Test
    void everyKnownModelIsUsed() {
        Set<String> used = new java.util.HashSet<>();
        Manifests.docs(Manifests.knativeFiles()).forEach(doc -> used.add(doc.apiVersion() + "/" + doc.kind()));
        if (!used.containsAll(MODELS.keySet())) {
            fail("models without manifests (stale list?): " + MODELS.keySet().stream().filter(k -> !used.contains(k)).toList());
        }
    }
}

package com.cinemaabyss.platform;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads knative/serving and knative/eventing, the manifests a cluster applies, into what the local platform
 * needs: the services to start and the subscriptions to wire. There is no second, hand-kept list.
 */
public final class KnativeManifests {

    private final List<ServiceManifest> services;
    private final List<Subscription> subscriptions;

    private KnativeManifests(List<ServiceManifest> services, List<Subscription> subscriptions) {
        this.services = services;
        this.subscriptions = subscriptions;
    }

    public static KnativeManifests load(Path knativeDir) {
        List<Document> documents = new ArrayList<>();
        documents.addAll(read(knativeDir.resolve("serving")));
        documents.addAll(read(knativeDir.resolve("eventing")));
        Map<String, String> sinkTopics = new LinkedHashMap<>();
        documents.stream().filter(d -> d.kind().equals("KafkaSink"))
                .forEach(d -> sinkTopics.put(d.text("metadata", "name"), d.text("spec", "topic")));
        List<ServiceManifest> services = documents.stream().filter(d -> d.kind().equals("Service")).map(KnativeManifests::service).toList();
        List<Subscription> subscriptions = documents.stream().filter(d -> d.kind().equals("KafkaSource"))
                .map(d -> subscription(d, sinkTopics)).toList();
        return new KnativeManifests(services, subscriptions);
    }

    public List<ServiceManifest> services() {
        return services;
    }

    public List<Subscription> subscriptions() {
        return subscriptions;
    }

    public ServiceManifest service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new ManifestException("no Knative Service named '" + name + "' in knative/serving"));
    }

    private static ServiceManifest service(Document d) {
        Map<String, Object> container = d.map("spec", "template", "spec", "containers", "0");
        Map<String, String> env = new LinkedHashMap<>();
        for (Object entry : d.list(container, "env")) {
            Map<?, ?> variable = (Map<?, ?>) entry;
            env.put(String.valueOf(variable.get("name")), String.valueOf(variable.get("value")));
        }
        String port = d.text("metadata", "annotations", "cinemaabyss.io/local-port");
        try {
            return new ServiceManifest(d.text("metadata", "name"), d.text("metadata", "annotations", "cinemaabyss.io/module"),
                    Integer.parseInt(port), d.text(container, "readinessProbe", "httpGet", "path"), env);
        } catch (NumberFormatException e) {
            throw d.error("metadata.annotations.cinemaabyss.io/local-port is not a port: " + port);
        }
    }

    private static Subscription subscription(Document d, Map<String, String> sinkTopics) {
        String deadLetterSink = d.text("spec", "delivery", "deadLetterSink", "ref", "name");
        String deadLetterTopic = sinkTopics.get(deadLetterSink);
        if (deadLetterTopic == null) {
            throw d.error("spec.delivery.deadLetterSink names KafkaSink '" + deadLetterSink + "', which knative/eventing does not define");
        }
        String delay = d.text("spec", "delivery", "backoffDelay");
        try {
            return new Subscription(d.text("metadata", "name"),
                    d.list(d.root(), "spec", "topics").stream().map(String::valueOf).toList(),
                    d.text("spec", "consumerGroup"),
                    d.text("spec", "sink", "ref", "name"),
                    d.text("spec", "sink", "uri"),
                    Integer.parseInt(d.text("spec", "delivery", "retry")),
                    d.text("spec", "delivery", "backoffPolicy"),
                    Duration.parse(delay),
                    deadLetterTopic);
        } catch (DateTimeParseException e) {
            throw d.error("spec.delivery.backoffDelay is not an ISO-8601 duration: " + delay);
        } catch (NumberFormatException e) {
            throw d.error("spec.delivery.retry is not a number");
        }
    }

    private static List<Document> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ManifestException("no manifest folder " + dir);
        }
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                        if (doc instanceof Map<?, ?> map) {
                            documents.add(new Document(file, castMap(map)));
                        } else if (doc != null) {
                            throw new ManifestException(file + ": a manifest must be a YAML mapping");
                        }
                    }
                } catch (org.yaml.snakeyaml.error.YAMLException e) {
                    throw new ManifestException(file + ": not valid YAML: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** One YAML document and the file it came from, with lookups whose errors name both. */
    private record Document(Path file, Map<String, Object> root) {

        String kind() {
            return String.valueOf(root.get("kind"));
        }

        String text(Object... path) {
            Object value = walk(root, path, 0);
            return String.valueOf(value);
        }

        String text(Map<String, Object> from, Object... path) {
            return String.valueOf(walk(from, path, 0));
        }

        Map<String, Object> map(Object... path) {
            Object value = walk(root, path, 0);
            if (value instanceof Map<?, ?> map) {
                return castMap(map);
            }
            throw error(join(path) + " is not a mapping");
        }

        List<?> list(Map<String, Object> from, Object... path) {
            Object value = walk(from, path, 0);
            if (value instanceof List<?> list) {
                return list;
            }
            throw error(join(path) + " is not a list");
        }

        private Object walk(Object node, Object[] path, int depth) {
            if (depth == path.length) {
                return node;
            }
            String step = String.valueOf(path[depth]);
            Object next = switch (node) {
                case Map<?, ?> map -> map.get(step);
                case List<?> list when step.chars().allMatch(Character::isDigit) && Integer.parseInt(step) < list.size() ->
                        list.get(Integer.parseInt(step));
                default -> null;
            };
            if (next == null) {
                throw error("missing field " + join(path));
            }
            return walk(next, path, depth + 1);
        }

        ManifestException error(String message) {
            return new ManifestException(file + " (" + kind() + " " + nameOrUnknown() + "): " + message);
        }

        private String nameOrUnknown() {
            return root.get("metadata") instanceof Map<?, ?> m && m.get("name") != null ? String.valueOf(m.get("name")) : "?";
        }

        private static String join(Object[] path) {
            StringBuilder joined = new StringBuilder();
            for (Object step : path) {
                joined.append(joined.isEmpty() ? "" : ".").append(step);
            }
            return joined.toString();
        }
    }

    /** A manifest the local platform cannot use; the message names the file and the field. */
    public static final class ManifestException extends RuntimeException {
        public ManifestException(String message) {
            super(message);
        }
    }
}

package com.cinemaabyss.platform;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

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
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads knative/serving and knative/eventing, the manifests a cluster applies, into what the local platform
 * needs: the services to start and the subscriptions to wire. There is no second, hand-kept list.
 */
public final class KnativeWiring {

    private static final String CONTAINER = "spec.template.spec.containers.0";
    private static final Set<String> BACKOFF_POLICIES = Set.of("exponential", "linear");

    private final List<ServiceSpec> services;
    private final List<Subscription> subscriptions;

    private KnativeWiring(List<ServiceSpec> services, List<Subscription> subscriptions) {
        this.services = services;
        this.subscriptions = subscriptions;
    }

    /** Loads {@code knativeDir}/serving/*.yaml and {@code knativeDir}/eventing/*.yaml (multi-document YAML allowed). */
    public static KnativeWiring load(Path knativeDir) {
        List<Document> documents = new ArrayList<>();
        documents.addAll(read(knativeDir.resolve("serving")));
        documents.addAll(read(knativeDir.resolve("eventing")));
        Map<String, String> sinkTopics = new LinkedHashMap<>();
        documents.stream().filter(d -> d.is("eventing.knative.dev/", "KafkaSink"))
                .forEach(d -> sinkTopics.put(d.text("metadata.name"), d.text("spec.topic")));
        List<ServiceSpec> services = documents.stream().filter(d -> d.is("serving.knative.dev/", "Service"))
                .map(KnativeWiring::service).toList();
        List<Subscription> subscriptions = documents.stream().filter(d -> d.is("sources.knative.dev/", "KafkaSource"))
                .map(d -> subscription(d, sinkTopics)).toList();
        return new KnativeWiring(services, subscriptions);
    }

    public List<ServiceSpec> services() {
        return services;
    }

    public List<Subscription> subscriptions() {
        return subscriptions;
    }

    public ServiceSpec service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new ManifestException("no Knative Service named '" + name + "' in knative/serving"));
    }

    private static ServiceSpec service(Document d) {
        Map<String, String> env = new LinkedHashMap<>();
        List<?> variables = d.has(CONTAINER + ".env") ? d.list(CONTAINER + ".env") : List.of();
        for (int i = 0; i < variables.size(); i++) {
            String variable = CONTAINER + ".env." + i;
            // Entries with valueFrom (secrets, field refs) only make sense in a cluster; the local platform sets its own.
            if (d.has(variable + ".value")) {
                env.put(d.text(variable + ".name"), d.text(variable + ".value"));
            }
        }
        return new ServiceSpec(d.text("metadata.name"), d.text("metadata.annotations.cinemaabyss.io/module"),
                d.integer("metadata.annotations.cinemaabyss.io/local-port"),
                d.text(CONTAINER + ".readinessProbe.httpGet.path"), env);
    }

    private static Subscription subscription(Document d, Map<String, String> sinkTopics) {
        String deadLetterSink = d.text("spec.delivery.deadLetterSink.ref.name");
        String deadLetterTopic = sinkTopics.get(deadLetterSink);
        if (deadLetterTopic == null) {
            throw d.error("spec.delivery.deadLetterSink.ref names KafkaSink '" + deadLetterSink + "', which knative/eventing does not define");
        }
        String policy = d.text("spec.delivery.backoffPolicy");
        if (!BACKOFF_POLICIES.contains(policy)) {
            throw d.error("spec.delivery.backoffPolicy must be exponential or linear, not " + policy);
        }
        String delay = d.text("spec.delivery.backoffDelay");
        Duration backoffDelay;
        try {
            backoffDelay = Duration.parse(delay);
        } catch (DateTimeParseException e) {
            throw d.error("spec.delivery.backoffDelay is not an ISO-8601 duration: " + delay);
        }
        List<String> topics = d.list("spec.topics").stream().map(String::valueOf).toList();
        if (topics.isEmpty()) {
            throw d.error("spec.topics is empty");
        }
        return new Subscription(d.text("metadata.name"), topics, d.text("spec.consumerGroup"),
                d.text("spec.sink.ref.name"), d.has("spec.sink.uri") ? d.text("spec.sink.uri") : "/",
                d.integer("spec.delivery.retry"), policy, backoffDelay, deadLetterTopic);
    }

    private static List<Document> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ManifestException("no manifest folder " + dir);
        }
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                        if (doc instanceof Map<?, ?> map) {
                            documents.add(new Document(file, map));
                        } else if (doc != null) {
                            throw new ManifestException(file + ": a manifest must be a YAML mapping");
                        }
                    }
                } catch (YAMLException e) {
                    throw new ManifestException(file + ": not valid YAML: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    /**
     * One YAML document and the file it came from. Fields are addressed by dotted paths ({@code spec.delivery.retry},
     * list items by index); a key that itself holds dots, such as an annotation name, is matched whole.
     */
    private record Document(Path file, Map<?, ?> root) {

        boolean is(String apiGroup, String kind) {
            return kind.equals(root.get("kind")) && String.valueOf(root.get("apiVersion")).startsWith(apiGroup);
        }

        boolean has(String path) {
            return find(root, path) != null;
        }

        String text(String path) {
            Object value = require(path);
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                throw error(path + " must be a single value");
            }
            return String.valueOf(value);
        }

        int integer(String path) {
            String value = text(path);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw error(path + " is not a number: " + value);
            }
        }

        List<?> list(String path) {
            if (require(path) instanceof List<?> list) {
                return list;
            }
            throw error(path + " must be a list");
        }

        private Object require(String path) {
            Object value = find(root, path);
            if (value == null) {
                throw error("missing field " + path);
            }
            return value;
        }

        private static Object find(Object node, String path) {
            if (path.isEmpty()) {
                return node;
            }
            if (node instanceof Map<?, ?> map) {
                if (map.containsKey(path)) {
                    return map.get(path);
                }
                for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
                    Object child = map.get(path.substring(0, dot));
                    Object found = child == null ? null : find(child, path.substring(dot + 1));
                    if (found != null) {
                        return found;
                    }
                }
                return null;
            }
            if (node instanceof List<?> list) {
                int dot = path.indexOf('.');
                String index = dot < 0 ? path : path.substring(0, dot);
                if (!index.chars().allMatch(Character::isDigit) || index.isEmpty() || Integer.parseInt(index) >= list.size()) {
                    return null;
                }
                return find(list.get(Integer.parseInt(index)), dot < 0 ? "" : path.substring(dot + 1));
            }
            return null;
        }

        ManifestException error(String message) {
            Object name = root.get("metadata") instanceof Map<?, ?> m ? m.get("name") : null;
            return new ManifestException(file + " (" + root.get("kind") + " " + (name == null ? "?" : name) + "): " + message);
        }
    }

    /** A manifest the local platform cannot use; the message names the file and the field. */
    public static final class ManifestException extends RuntimeException {
        public ManifestException(String message) {
            super(message);
        }
    }
}

package com.cinemaabyss.platform;

import org.apache.kafka.clients.admin.NewTopic;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Kafka topics as the KafkaTopics in knative/strimzi declare them for the cluster (partitions, cleanup policy,
 * retention), with one replica and no in-sync minimum, since there is one broker on this machine.
 */
public final class TopicDefinitions {

    private TopicDefinitions() {
    }

    public static List<NewTopic> load(Path strimziDir) {
        List<NewTopic> topics = new ArrayList<>();
        try (Stream<Path> files = Files.list(strimziDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                topics.addAll(topicsIn(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (topics.isEmpty()) {
            throw new KnativeWiring.ManifestException(strimziDir + ": no KafkaTopic found");
        }
        return topics;
    }

    private static List<NewTopic> topicsIn(Path topicsFile) {
        List<NewTopic> topics = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(topicsFile)) {
            for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (!(doc instanceof Map<?, ?> topic) || !"KafkaTopic".equals(topic.get("kind"))) {
                    continue;
                }
                Map<?, ?> metadata = (Map<?, ?>) topic.get("metadata");
                Map<?, ?> spec = (Map<?, ?>) topic.get("spec");
                Map<String, String> config = new TreeMap<>();
                if (spec.get("config") instanceof Map<?, ?> declared) {
                    declared.forEach((key, value) -> config.put(String.valueOf(key), String.valueOf(value)));
                }
                config.remove("min.insync.replicas");
                topics.add(new NewTopic(String.valueOf(metadata.get("name")), ((Number) spec.get("partitions")).intValue(), (short) 1)
                        .configs(config));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }
}

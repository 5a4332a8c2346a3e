package com.cinemaabyss.platform;

import org.apache.kafka.clients.admin.NewTopic;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Kafka topics as the KafkaTopics in knative/strimzi declare them for the cluster (partitions, cleanup policy,
 * retention), with one replica and no in-sync minimum, since there is one broker on this machine.
 */
public final class TopicDefinitions {

    private TopicDefinitions() {
    }

    public static List<NewTopic> load(Path strimziDir) {
        List<NewTopic> topics = ManifestDocument.readAll(strimziDir).stream()
                .filter(d -> d.is("kafka.strimzi.io/", "KafkaTopic"))
                .map(TopicDefinitions::topic).toList();
        if (topics.isEmpty()) {
            throw new KnativeWiring.ManifestException(strimziDir + ": no KafkaTopic found");
        }
        return topics;
    }

    private static NewTopic topic(ManifestDocument d) {
        Map<String, String> config = new TreeMap<>();
        if (d.has("spec.config")) {
            d.map("spec.config").forEach((key, value) -> config.put(String.valueOf(key), String.valueOf(value)));
        }
        config.remove("min.insync.replicas");
        return new NewTopic(d.text("metadata.name"), d.integer("spec.partitions"), (short) 1).configs(config);
    }
}

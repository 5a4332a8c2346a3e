package com.cinemaabyss.platform;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads knative/serving and knative/eventing, the manifests a cluster applies, into what the local platform
 * needs: the services to start and the subscriptions to wire. There is no second, hand-kept list.
 */
public final class KnativeWiring {

    private static final String CONTAINER = "spec.template.spec.containers.0";
    private static final Set<String> BACKOFF_POLICIES = Set.of("exponential", "linear");

    private final List<ServiceSpec> services;
    private final List<Subscription> subscriptions;
    private final List<Schedule> schedules;

    private KnativeWiring(List<ServiceSpec> services, List<Subscription> subscriptions, List<Schedule> schedules) {
        this.services = services;
        this.subscriptions = subscriptions;
        this.schedules = schedules;
    }

    /** Loads {@code knativeDir}/serving/*.yaml and {@code knativeDir}/eventing/*.yaml (multi-document YAML allowed). */
    public static KnativeWiring load(Path knativeDir) {
        List<ManifestDocument> documents = new ArrayList<>();
        documents.addAll(ManifestDocument.readAll(knativeDir.resolve("serving")));
        documents.addAll(ManifestDocument.readAll(knativeDir.resolve("eventing")));
        Map<String, String> sinkTopics = new LinkedHashMap<>();
        documents.stream().filter(d -> d.is("eventing.knative.dev/", "KafkaSink"))
                .forEach(d -> sinkTopics.put(d.text("metadata.name"), d.text("spec.topic")));
        List<ServiceSpec> services = documents.stream().filter(d -> d.is("serving.knative.dev/", "Service"))
                .map(KnativeWiring::service).toList();
        List<Subscription> subscriptions = documents.stream().filter(d -> d.is("sources.knative.dev/", "KafkaSource"))
                .map(d -> subscription(d, sinkTopics)).toList();
        List<Schedule> schedules = documents.stream().filter(d -> d.is("sources.knative.dev/", "PingSource"))
                .map(KnativeWiring::schedule).toList();
        return new KnativeWiring(services, subscriptions, schedules);
    }

    public List<ServiceSpec> services() {
        return services;
    }

    public List<Subscription> subscriptions() {
        return subscriptions;
    }

    /** The PingSources: cron schedules the local platform fires as Knative's adapter would. */
    public List<Schedule> schedules() {
        return schedules;
    }

    public ServiceSpec service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new ManifestException("no Knative Service named '" + name + "' in knative/serving"));
    }

    private static ServiceSpec service(ManifestDocument d) {
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

    private static Subscription subscription(ManifestDocument d, Map<String, String> sinkTopics) {
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

    private static Schedule schedule(ManifestDocument d) {
        String cron = d.text("spec.schedule");
        try {
            Schedule.expression(cron);
        } catch (IllegalArgumentException e) {
            throw d.error("spec.schedule is not a cron schedule: " + e.getMessage());
        }
        ZoneId zone;
        try {
            zone = d.has("spec.timezone") ? ZoneId.of(d.text("spec.timezone")) : ZoneOffset.UTC;
        } catch (DateTimeException e) {
            throw d.error("spec.timezone is not a time zone: " + d.text("spec.timezone"));
        }
        return new Schedule(d.text("metadata.name"), d.has("metadata.namespace") ? d.text("metadata.namespace") : "default", cron, zone,
                d.text("spec.sink.ref.name"), d.has("spec.sink.uri") ? d.text("spec.sink.uri") : "/",
                d.has("spec.contentType") ? d.text("spec.contentType") : "application/json",
                d.has("spec.data") ? d.text("spec.data") : null);
    }

    /** A manifest the local platform cannot use; the message names the file and the field. */
    public static final class ManifestException extends RuntimeException {
        public ManifestException(String message) {
            super(message);
        }
    }
}

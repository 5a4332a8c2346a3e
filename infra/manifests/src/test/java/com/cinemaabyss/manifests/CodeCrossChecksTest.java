package com.cinemaabyss.manifests;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manifests and the code agree: each variable a Knative Service sets is one its function reads, each
 * variable a function needs without a default is set, and subscriptions name existing services (the event
 * contracts are held against both in EventContractsCrossCheckTest). (That each subscription's route is served, and
 * each probe path answers, is checked against the running functions by the end-to-end test.)
 */
class CodeCrossChecksTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    /** Read by the JVM, by Knative or by Spring Boot itself (its structured logging), not by our configuration. */
    private static final Set<String> PLATFORM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "PORT", "LOGGING_STRUCTURED_FORMAT_CONSOLE");
    /** The settings kit-web gives every function (the gateway, not on kit-web, reads the same in its application.yaml). */
    private static final Path KIT_DEFAULTS = Path.of("functions/kit/web/src/main/java/com/cinemaabyss/kit/web/tracing/TracingDefaults.java");

    private final List<Manifests.Doc> docs = Manifests.docs(Manifests.knativeFiles());

    @Test
    void everyVariableAServiceSetsIsReadAndEveryRequiredOneIsSet() throws IOException {
        List<Manifests.Doc> services = docs.stream().filter(d -> d.kind().equals("Service")).toList();
        assertEquals(14, services.size());
        for (Manifests.Doc service : services) {
            String module = Manifests.at(service.yaml(), "metadata", "annotations", "cinemaabyss.io/module");
            String config = Files.readString(Manifests.ROOT.resolve(module).resolve("src/main/resources/application.yaml"));
            if (!module.equals("bff/gateway")) {
                config += Files.readString(Manifests.ROOT.resolve(KIT_DEFAULTS));
            }
            Set<String> read = new TreeSet<>();
            Set<String> required = new TreeSet<>();
            Matcher m = PLACEHOLDER.matcher(config);
            while (m.find()) {
                read.add(m.group(1));
                if (m.group(2) == null) {
                    required.add(m.group(1));
                }
            }
            List<Map<String, Object>> env = Manifests.at(service.yaml(), "spec", "template", "spec", "containers", "0", "env");
            Set<String> set = env.stream().map(e -> String.valueOf(e.get("name"))).collect(Collectors.toCollection(TreeSet::new));
            Set<String> unread = new TreeSet<>(set);
            unread.removeAll(read);
            unread.removeAll(PLATFORM_VARIABLES);
            assertEquals(Set.of(), unread, service.file() + " sets variables " + module + " never reads");
            Set<String> missing = new TreeSet<>(required);
            missing.removeAll(set);
            assertEquals(Set.of(), missing, service.file() + " leaves required variables of " + module + " unset");
            assertTrue(read.contains("PORT"), module + " must listen on Knative's PORT");
        }
    }

    @Test
    void credentialsComeFromSecretsNeverFromTheManifest() {
        List<String> credentials = new ArrayList<>();
        for (Manifests.Doc service : docs.stream().filter(d -> d.kind().equals("Service")).toList()) {
            List<Map<String, Object>> env = Manifests.at(service.yaml(), "spec", "template", "spec", "containers", "0", "env");
            for (Map<String, Object> variable : env) {
                String name = String.valueOf(variable.get("name"));
                if (name.matches(".*(TOKEN|PASSWORD|SECRET|_KEY)$")) {
                    credentials.add(name);
                    assertFalse(variable.containsKey("value"), service.file() + " writes " + name + " into the manifest");
                    assertTrue(variable.get("valueFrom") instanceof Map<?, ?> from && from.containsKey("secretKeyRef"),
                            service.file() + ": " + name + " must come from a Secret");
                }
            }
        }
        assertEquals(List.of("MEDIA_SIGNING_KEY", "GATEWAY_ADMIN_TOKEN", "IDENTITY_BOOTSTRAP_ADMIN_PASSWORD", "SMTP_PASSWORD",
                "NOTIFICATIONS_UNSUBSCRIBE_SECRET", "VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "SMS_PROVIDER_API_KEY", "PAYMENTS_PROVIDER_API_KEY",
                "PAYMENTS_PROVIDER_WEBHOOK_SECRET"), credentials);
    }

    @Test
    void subscriptionsAndSinksNameResourcesThatExist() {
        Set<String> services = names("Service");
        Set<String> sinks = names("KafkaSink");
        for (Manifests.Doc source : docs.stream().filter(d -> d.kind().equals("KafkaSource")).toList()) {
            assertTrue(services.contains(Manifests.<String>at(source.yaml(), "spec", "sink", "ref", "name")), source.file());
            assertTrue(sinks.contains(Manifests.<String>at(source.yaml(), "spec", "delivery", "deadLetterSink", "ref", "name")), source.file());
            String path = Manifests.at(source.yaml(), "spec", "sink", "uri");
            assertTrue(path.startsWith("/internal/events/"), source.file() + ": event routes live under /internal/events/");
            assertEquals(source.name(), Manifests.at(source.yaml(), "spec", "ceOverrides", "extensions", "deadlettersub"),
                    source.file() + ": its letters name their subscription, as the local bridge's do");
        }
    }

    /** A PingSource delivers to a Service that exists, on its /internal/schedules/<name> route, at a cron schedule. */
    @Test
    void schedulesNameAServiceAndTheirOwnRoute() {
        Set<String> services = names("Service");
        List<Manifests.Doc> pings = docs.stream().filter(d -> d.kind().equals("PingSource")).toList();
        assertEquals(List.of("renewals"), pings.stream().map(Manifests.Doc::name).toList());
        for (Manifests.Doc ping : pings) {
            assertTrue(services.contains(Manifests.<String>at(ping.yaml(), "spec", "sink", "ref", "name")), ping.file());
            assertEquals("/internal/schedules/" + ping.name(), Manifests.at(ping.yaml(), "spec", "sink", "uri"), ping.file());
            String schedule = Manifests.at(ping.yaml(), "spec", "schedule");
            assertEquals(5, schedule.trim().split("\\s+").length, ping.file() + ": standard 5-field cron, got " + schedule);
        }
        Map<String, String> wrongPath = Map.of("schedules[0].name", "renewals", "schedules[0].schedule", "*/5 * * * *",
                "schedules[0].function", "subscriptions", "schedules[0].description", "x", "schedules[0].path", "/internal/events/renewals");
        RuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> ChartRenderer.render(Manifests.CHART, wrongPath));
        assertTrue(String.valueOf(refused.getMessage()).contains("must be /internal/schedules/renewals"), refused.getMessage());
    }

    @Test
    void theTopicsSubscribedToAreTopicsTheClusterCreates() {
        Set<String> topics = new HashSet<>();
        docs.stream().filter(d -> d.kind().equals("KafkaTopic")).forEach(d -> topics.add(d.name()));
        for (Manifests.Doc source : docs.stream().filter(d -> d.kind().equals("KafkaSource")).toList()) {
            List<String> subscribed = Manifests.at(source.yaml(), "spec", "topics");
            assertTrue(topics.containsAll(subscribed), source.file() + " subscribes to " + subscribed + ", created: " + topics);
        }
        for (Manifests.Doc sink : docs.stream().filter(d -> d.kind().equals("KafkaSink")).toList()) {
            assertTrue(topics.contains(Manifests.<String>at(sink.yaml(), "spec", "topic")), sink.file());
        }
    }

    private Set<String> names(String kind) {
        return docs.stream().filter(d -> d.kind().equals(kind)).map(Manifests.Doc::name).collect(Collectors.toSet());
    }

}

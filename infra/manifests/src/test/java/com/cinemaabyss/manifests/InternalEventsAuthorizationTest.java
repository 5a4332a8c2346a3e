package com.cinemaabyss.manifests;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The /internal/events/* routes the KafkaSources deliver to take requests from the Knative data plane only, and from
 * the dead-letter replayer (the events service, by the principal of its own service account): each sink function's
 * pods carry an Istio DENY policy for /internal/* from every other namespace and identity. DENY, not ALLOW: an ALLOW
 * policy would shut out the function's other traffic, and a later ALLOW could not reopen a DENY.
 */
class InternalEventsAuthorizationTest {

    /** The namespaces that may carry a delivery to a sink: the KafkaSource dispatcher, and Knative's activator forwarding it. */
    private static final Set<String> KNATIVE_DATA_PLANE = Set.of("knative-eventing", "knative-serving");
    /** The events service's workload identity: it replays dead letters to the sinks from the chart's own namespace. */
    static final String REPLAYER_ACCOUNT = "cinemaabyss-events";
    static final String REPLAYER = "cluster.local/ns/cinemaabyss/sa/" + REPLAYER_ACCOUNT;

    private final List<Manifests.Doc> docs = Manifests.docs(Manifests.knativeFiles());

    @Test
    void everyKafkaSourceSinkIsGuardedByAPolicyCoveringItsPath() {
        List<Manifests.Doc> sources = ofKind(docs, "KafkaSource");
        assertEquals(28, sources.size());
        for (Manifests.Doc source : sources) {
            String service = Manifests.at(source.yaml(), "spec", "sink", "ref", "name");
            String path = Manifests.at(source.yaml(), "spec", "sink", "uri");
            String namespace = Manifests.at(source.yaml(), "metadata", "namespace");
            List<Manifests.Doc> guards = ofKind(docs, "AuthorizationPolicy").stream()
                    .filter(policy -> guards(policy, namespace, service, path)).toList();
            assertFalse(guards.isEmpty(), source.file() + ": nothing keeps callers outside the eventing layer away from "
                    + service + " " + path);
        }
    }

    /** The PingSource adapter runs in knative-eventing too: its sinks get the same guard as the KafkaSources'. */
    @Test
    void everyPingSourceSinkIsGuardedByAPolicyCoveringItsPath() {
        List<Manifests.Doc> pings = ofKind(docs, "PingSource");
        assertEquals(1, pings.size());
        for (Manifests.Doc ping : pings) {
            String service = Manifests.at(ping.yaml(), "spec", "sink", "ref", "name");
            String path = Manifests.at(ping.yaml(), "spec", "sink", "uri");
            String namespace = Manifests.at(ping.yaml(), "metadata", "namespace");
            assertTrue(ofKind(docs, "AuthorizationPolicy").stream().anyMatch(policy -> guards(policy, namespace, service, path)),
                    ping.file() + ": nothing keeps callers outside the eventing layer away from " + service + " " + path);
        }
    }

    @Test
    void thePoliciesLetOnlyTheKnativeDataPlaneThrough() {
        List<Manifests.Doc> policies = ofKind(docs, "AuthorizationPolicy").stream()
                .filter(policy -> policy.file().startsWith("istio/internal-events-")).toList();
        assertEquals(10, policies.size(), "one per sink function: events, monolith, catalog, discounts, payments, subscriptions, content, profile, recommendations, notifications");
        for (Manifests.Doc policy : policies) {
            for (Map<String, Object> rule : Manifests.<List<Map<String, Object>>>at(policy.yaml(), "spec", "rules")) {
                List<String> allowed = Manifests.at(rule, "from", "0", "source", "notNamespaces");
                assertTrue(allowed.contains("knative-eventing"), policy.file() + " must let the KafkaSource dispatcher through");
                assertTrue(KNATIVE_DATA_PLANE.containsAll(allowed), policy.file() + " lets " + allowed + " call /internal/*");
                assertEquals(List.of(REPLAYER), Manifests.at(rule, "from", "0", "source", "notPrincipals"),
                        policy.file() + " must let the dead-letter replayer through, and no one else of its namespace");
            }
        }
    }

    /** Replays reach the sinks only if the events service runs as the account the policies name, and nothing else does. */
    @Test
    void theDeadLetterReplayerRunsAsTheOneAccountThePoliciesLetThrough() {
        List<Manifests.Doc> services = ofKind(docs, "Service").stream()
                .filter(doc -> String.valueOf(doc.yaml().get("apiVersion")).startsWith("serving.knative.dev/")).toList();
        assertEquals(14, services.size());
        for (Manifests.Doc service : services) {
            String name = Manifests.at(service.yaml(), "metadata", "name");
            Object account = Manifests.at(service.yaml(), "spec", "template", "spec", "serviceAccountName");
            assertEquals(name.equals("events") ? REPLAYER_ACCOUNT : null, account, service.file());
        }
        List<Manifests.Doc> accounts = ofKind(docs, "ServiceAccount");
        assertEquals(1, accounts.size());
        assertEquals(REPLAYER_ACCOUNT, Manifests.at(accounts.getFirst().yaml(), "metadata", "name"));
        assertEquals("cinemaabyss", Manifests.at(accounts.getFirst().yaml(), "metadata", "namespace"));
    }

    @Test
    void aDisabledFunctionGetsNoPolicyAndIstioOffRendersNone() {
        Map<String, String> withoutEvents = ChartRenderer.render(Manifests.CHART, Map.of("functions.events.enabled", "false"));
        assertEquals(Set.of("istio/internal-events-monolith.yaml", "istio/internal-events-catalog.yaml", "istio/internal-events-discounts.yaml",
                        "istio/internal-events-payments.yaml", "istio/internal-events-subscriptions.yaml", "istio/internal-events-content.yaml",
                        "istio/internal-events-profile.yaml", "istio/internal-events-recommendations.yaml",
                        "istio/internal-events-notifications.yaml"),
                Set.copyOf(withoutEvents.keySet().stream().filter(f -> f.contains("internal-events")).toList()));
        Map<String, String> noIstio = ChartRenderer.render(Manifests.CHART, Map.of("istio.enabled", "false"));
        assertTrue(ofKind(Manifests.docs(noIstio), "AuthorizationPolicy").isEmpty());
    }

    @Test
    void theCheckFailsForAPolicyThatMissesThePathOrTheWorkloadOrAllows() {
        String policy = """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata: {name: p, namespace: cinemaabyss}
                spec:
                  selector: {matchLabels: {serving.knative.dev/service: events}}
                  action: %s
                  rules:
                    - from: [{source: {notNamespaces: [knative-eventing]%s}}]
                      to: [{operation: {paths: ["%s"]%s}}]
                """;
        assertTrue(guards(doc(policy.formatted("DENY", "", "/internal/*", "")), "cinemaabyss", "events", "/internal/events/user-events"));
        assertTrue(guards(doc(policy.formatted("DENY", ", notPrincipals: [" + REPLAYER + "]", "/internal/*", "")), "cinemaabyss", "events",
                "/internal/events/user-events"), "the replayer is the one identity let through");
        assertFalse(guards(doc(policy.formatted("DENY", ", notPrincipals: [cluster.local/ns/cinemaabyss/sa/default]", "/internal/*", "")),
                "cinemaabyss", "events", "/internal/events/user-events"), "the namespace's default account is every function's");
        assertTrue(guards(doc(policy.formatted("DENY", "", "/internal/events/user-events", "")), "cinemaabyss", "events", "/internal/events/user-events"));
        assertFalse(guards(doc(policy.formatted("DENY", "", "/internal/other/*", "")), "cinemaabyss", "events", "/internal/events/user-events"));
        assertFalse(guards(doc(policy.formatted("DENY", "", "/internal/*", "")), "cinemaabyss", "catalog", "/internal/events/movie-changes"));
        assertFalse(guards(doc(policy.formatted("DENY", "", "/internal/*", "")), "other", "events", "/internal/events/user-events"));
        assertFalse(guards(doc(policy.formatted("ALLOW", "", "/internal/*", "")), "cinemaabyss", "events", "/internal/events/user-events"));
        assertFalse(guards(doc(policy.formatted("DENY", "", "/internal/*", ", methods: [GET]")), "cinemaabyss", "events", "/internal/events/user-events"));
    }

    /**
     * Whether the policy denies every request for {@code path} on the service's pods from outside the Knative data
     * plane: a DENY on the service's pods (Knative's serving.knative.dev/service label) in its namespace, with a rule
     * on the path that names the caller by namespace only and narrows the request by nothing else.
     */
    static boolean guards(Manifests.Doc policy, String namespace, String service, String path) {
        Map<String, Object> labels = Manifests.at(policy.yaml(), "spec", "selector", "matchLabels");
        if (!namespace.equals(Manifests.at(policy.yaml(), "metadata", "namespace"))
                || !"DENY".equals(Manifests.at(policy.yaml(), "spec", "action"))
                || labels == null || !labels.equals(Map.of("serving.knative.dev/service", service))) {
            return false;
        }
        List<Map<String, Object>> rules = Manifests.at(policy.yaml(), "spec", "rules");
        return rules != null && rules.stream().anyMatch(rule -> ruleDenies(rule, path));
    }

    private static boolean ruleDenies(Map<String, Object> rule, String path) {
        if (rule.containsKey("when") || !Set.of("from", "to").containsAll(rule.keySet())) {
            return false;
        }
        List<Map<String, Object>> from = Manifests.at(rule, "from");
        List<Map<String, Object>> to = Manifests.at(rule, "to");
        boolean callersByNamespaceOnly = from != null && !from.isEmpty() && from.stream().allMatch(f ->
                f.get("source") instanceof Map<?, ?> source
                        && (source.keySet().equals(Set.of("notNamespaces"))
                        || source.keySet().equals(Set.of("notNamespaces", "notPrincipals")) && List.of(REPLAYER).equals(source.get("notPrincipals")))
                        && source.get("notNamespaces") instanceof List<?> names && names.contains("knative-eventing"));
        boolean onThePath = to != null && !to.isEmpty() && to.stream().allMatch(t ->
                t.get("operation") instanceof Map<?, ?> operation && operation.keySet().equals(Set.of("paths"))
                        && operation.get("paths") instanceof List<?> paths
                        && paths.stream().anyMatch(p -> istioPathMatches(String.valueOf(p), path)));
        return callersByNamespaceOnly && onThePath;
    }

    /** Istio's path rule: exact, a prefix ending in *, a suffix starting with *, or * for any path. */
    static boolean istioPathMatches(String rule, String path) {
        if (rule.equals("*")) {
            return true;
        }
        if (rule.endsWith("*")) {
            return path.startsWith(rule.substring(0, rule.length() - 1));
        }
        if (rule.startsWith("*")) {
            return path.endsWith(rule.substring(1));
        }
        return path.equals(rule);
    }

    private static Manifests.Doc doc(String yaml) {
        return Manifests.docs(Map.of("policy.yaml", yaml)).getFirst();
    }

    private static List<Manifests.Doc> ofKind(List<Manifests.Doc> docs, String kind) {
        return docs.stream().filter(d -> d.kind().equals(kind)).toList();
    }
}

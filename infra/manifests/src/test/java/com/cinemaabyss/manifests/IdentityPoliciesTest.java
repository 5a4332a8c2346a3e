package com.cinemaabyss.manifests;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behind the gateway no function believes a bare identity header: the sidecar of every cluster-local function
 * verifies bearer tokens against the identity function's keys and refuses X-User-Id / X-User-Roles that no
 * verified token stands behind. The gateway, the public entry point, verifies tokens itself.
 */
class IdentityPoliciesTest {

    private static final String SELECTOR = "serving.knative.dev/service";

    private final List<Manifests.Doc> docs = Manifests.docs(Manifests.knativeFiles());
    private final Map<String, Object> values = Manifests.values();

    @Test
    void everyClusterLocalFunctionVerifiesTokensWithTheIdentityKeys() {
        List<String> guarded = clusterLocalServices();
        assertFalse(guarded.isEmpty());
        String issuer = Manifests.at(values, "auth", "issuer");
        String audience = Manifests.at(values, "auth", "audience");
        String jwks = "http://" + Manifests.at(values, "auth", "jwksFunction") + "." + values.get("namespace")
                + ".svc.cluster.local/.well-known/jwks.json";
        for (String service : guarded) {
            List<Manifests.Doc> rules = selecting(ofKind("RequestAuthentication"), service);
            assertEquals(1, rules.size(), service + " needs exactly one RequestAuthentication");
            Map<String, Object> rule = Manifests.at(rules.getFirst().yaml(), "spec", "jwtRules", "0");
            assertEquals(issuer, rule.get("issuer"), service);
            assertEquals(List.of(audience), rule.get("audiences"), service);
            assertEquals(jwks, rule.get("jwksUri"), service);
            assertEquals(true, rule.get("forwardOriginalToken"), service + ": the function may verify the token again");
            assertEquals(List.of(Map.of("header", "x-user-id", "claim", "sub")), rule.get("outputClaimToHeaders"),
                    service + ": the user id must come from the verified token's subject");
        }
    }

    @Test
    void everyClusterLocalFunctionRefusesIdentityHeadersWithoutAVerifiedToken() {
        for (String service : clusterLocalServices()) {
            Set<String> refused = selecting(ofKind("AuthorizationPolicy"), service).stream()
                    .filter(policy -> "DENY".equals(Manifests.at(policy.yaml(), "spec", "action")))
                    .flatMap(policy -> Manifests.<List<Map<String, Object>>>at(policy.yaml(), "spec", "rules").stream())
                    .filter(IdentityPoliciesTest::onlyWithoutAVerifiedToken)
                    .map(IdentityPoliciesTest::headerPresent)
                    .filter(header -> header != null)
                    .collect(java.util.stream.Collectors.toSet());
            assertEquals(Set.of("x-user-id", "x-user-roles"), refused, service);
        }
    }

    @Test
    void whoSignsAndWhoChecksAgreeOnIssuerAndAudienceWhenRunOutsideTheChart() throws java.io.IOException {
        for (String module : List.of("functions/identity", "bff/gateway")) {
            String yaml = java.nio.file.Files.readString(Manifests.ROOT.resolve(module + "/src/main/resources/application.yaml"));
            assertTrue(yaml.contains("${JWT_ISSUER:" + Manifests.at(values, "auth", "issuer") + "}"), module);
            assertTrue(yaml.contains("${JWT_AUDIENCE:" + Manifests.at(values, "auth", "audience") + "}"), module);
        }
    }

    @Test
    void theGatewayChecksTokensItselfAndCarriesNoSidecarRules() {
        assertTrue(selecting(ofKind("RequestAuthentication"), "gateway").isEmpty());
        assertTrue(selecting(ofKind("AuthorizationPolicy"), "gateway").isEmpty());
    }

    @Test
    void theRuleCheckRejectsARuleThatAlsoCatchesVerifiedCallersOrMatchesAValue() {
        Map<String, Object> everyone = Map.of("when", List.of(Map.of("key", "request.headers[x-user-id]", "values", List.of("*"))));
        assertFalse(onlyWithoutAVerifiedToken(everyone));
        Map<String, Object> oneValue = Map.of("from", List.of(Map.of("source", Map.of("notRequestPrincipals", List.of("*")))),
                "when", List.of(Map.of("key", "request.headers[x-user-id]", "values", List.of("42"))));
        assertTrue(onlyWithoutAVerifiedToken(oneValue));
        assertEquals(null, headerPresent(oneValue));
    }

    private List<String> clusterLocalServices() {
        return ofKind("Service").stream()
                .filter(s -> "cluster-local".equals(Manifests.at(s.yaml(), "metadata", "labels", "networking.knative.dev/visibility")))
                .map(s -> Manifests.<String>at(s.yaml(), "metadata", "name"))
                .toList();
    }

    private static boolean onlyWithoutAVerifiedToken(Map<String, Object> rule) {
        List<Map<String, Object>> from = Manifests.at(rule, "from");
        return from != null && from.size() == 1
                && Map.of("source", Map.of("notRequestPrincipals", List.of("*"))).equals(from.getFirst());
    }

    /** The header a rule matches on mere presence ({@code values: ["*"]}), or null. */
    private static String headerPresent(Map<String, Object> rule) {
        List<Map<String, Object>> when = Manifests.at(rule, "when");
        if (when == null || when.size() != 1 || !List.of("*").equals(when.getFirst().get("values"))) {
            return null;
        }
        String key = String.valueOf(when.getFirst().get("key"));
        return key.startsWith("request.headers[") && key.endsWith("]") ? key.substring(16, key.length() - 1) : null;
    }

    private static List<Manifests.Doc> selecting(List<Manifests.Doc> policies, String service) {
        return policies.stream()
                .filter(p -> Map.of(SELECTOR, service).equals(Manifests.at(p.yaml(), "spec", "selector", "matchLabels")))
                .toList();
    }

    private List<Manifests.Doc> ofKind(String kind) {
        return docs.stream().filter(d -> d.kind().equals(kind)).toList();
    }
}

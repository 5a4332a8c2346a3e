package com.cinemaabyss.manifests;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the outside world can reach: only the gateway has a public address, the public host speaks HTTPS and routes
 * only the public API (never /admin or /actuator), and the gateway does not start without its admin token.
 */
class PublicEdgeTest {

    private static final String VISIBILITY = "networking.knative.dev/visibility";

    private final List<Manifests.Doc> docs = Manifests.docs(Manifests.knativeFiles());

    @Test
    void onlyTheGatewayIsPublicEveryOtherFunctionIsClusterLocal() {
        List<Manifests.Doc> services = ofKind("Service");
        assertEquals(13, services.size());
        assertTrue(services.stream().anyMatch(s -> s.name().equals("gateway")));
        for (Manifests.Doc service : services) {
            Map<String, Object> labels = Manifests.at(service.yaml(), "metadata", "labels");
            Object visibility = labels == null ? null : labels.get(VISIBILITY);
            if (service.name().equals("gateway")) {
                assertEquals(null, visibility, "the gateway is the public entry point: it must not be cluster-local");
            } else {
                assertEquals("cluster-local", visibility, service.file() + " must carry " + VISIBILITY + ": cluster-local");
            }
        }
    }

    @Test
    void theGatewayDoesNotStartWithoutItsAdminTokenSecret() {
        Manifests.Doc gateway = ofKind("Service").stream().filter(s -> s.name().equals("gateway")).findFirst().orElseThrow();
        List<Map<String, Object>> env = Manifests.at(gateway.yaml(), "spec", "template", "spec", "containers", "0", "env");
        Map<String, Object> token = env.stream().filter(e -> "GATEWAY_ADMIN_TOKEN".equals(e.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("the gateway gets no GATEWAY_ADMIN_TOKEN"));
        Map<String, Object> ref = Manifests.at(token, "valueFrom", "secretKeyRef");
        assertEquals("gateway-admin-token", ref.get("name"));
        assertEquals("token", ref.get("key"));
        // Absent means required too; true would start the gateway with /admin open when the Secret is missing.
        assertTrue(!ref.containsKey("optional") || Boolean.FALSE.equals(ref.get("optional")),
                "the admin token Secret must not be optional, found optional: " + ref.get("optional"));
    }

    @Test
    void thePublicHostServesHttpsAndRedirectsPlainHttp() {
        checkGateway(ofKind("Gateway"), "cinemaabyss-tls");
        List<Manifests.Doc> other = Manifests.docs(ChartRenderer.render(Manifests.CHART, Map.of("istio.tls.credentialName", "prod-cert")))
                .stream().filter(d -> d.kind().equals("Gateway")).toList();
        checkGateway(other, "prod-cert");
    }

    private static void checkGateway(List<Manifests.Doc> gateways, String credentialName) {
        assertEquals(1, gateways.size());
        List<Map<String, Object>> servers = Manifests.at(gateways.getFirst().yaml(), "spec", "servers");
        List<Map<String, Object>> https = servers.stream().filter(s -> "HTTPS".equals(Manifests.at(s, "port", "protocol"))).toList();
        assertEquals(1, https.size(), "one HTTPS server");
        Map<String, Object> server = https.getFirst();
        assertEquals(443, (Integer) Manifests.at(server, "port", "number"));
        assertEquals("SIMPLE", Manifests.at(server, "tls", "mode"));
        assertEquals(credentialName, Manifests.at(server, "tls", "credentialName"));
        assertEquals(List.of("cinemaabyss.example.com"), server.get("hosts"));
        List<Map<String, Object>> plain = servers.stream().filter(s -> !"HTTPS".equals(Manifests.at(s, "port", "protocol"))).toList();
        assertFalse(plain.isEmpty(), "port 80 stays open, to redirect");
        for (Map<String, Object> http : plain) {
            assertEquals("HTTP", Manifests.at(http, "port", "protocol"));
            assertEquals(80, (Integer) Manifests.at(http, "port", "number"));
            assertEquals(Boolean.TRUE, Manifests.at(http, "tls", "httpsRedirect"), "plain HTTP must only redirect to HTTPS");
        }
    }

    @Test
    void thePublicHostRoutesOnlyThePublicApi() {
        List<Manifests.Doc> routes = ofKind("VirtualService");
        assertEquals(1, routes.size());
        Manifests.Doc route = routes.getFirst();
        assertEquals(List.of("cinemaabyss.example.com"), Manifests.at(route.yaml(), "spec", "hosts"));
        for (String path : List.of("/admin/migration", "/admin", "/actuator/prometheus", "/actuator/health", "/actuator",
                "/internal/events/movie-events", "/", "/admin/migration?x=/api/")) {
            assertEquals(Optional.empty(), destination(route, path), "the public host must not route " + path);
        }
        for (String path : List.of("/api/movies", "/api/movies?id=1", "/api/users/7", "/api/events/asyncapi.yaml", "/health")) {
            assertEquals(Optional.of("knative-local-gateway.istio-system.svc.cluster.local"), destination(route, path),
                    "the public host must route " + path + " to the gateway");
        }
        Map<String, Object> rewrite = Manifests.at(route.yaml(), "spec", "http", "0", "rewrite");
        assertEquals("gateway.cinemaabyss.svc.cluster.local", rewrite.get("authority"), "public requests reach the gateway function only");
    }

    @Test
    void theRouteEvaluationSeesWhatACatchAllWouldExpose() {
        Manifests.Doc catchAll = Manifests.docs(Map.of("vs.yaml", """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: x}
                spec:
                  hosts: [h]
                  http:
                    - match: [{uri: {exact: /admin/secret}}]
                      directResponse: {status: 404}
                    - match: [{uri: {regex: "/act.*"}}]
                      route: [{destination: {host: b}}]
                    - match: [{uri: {prefix: /}}]
                      route: [{destination: {host: a}}]
                """)).getFirst();
        assertEquals(Optional.of("a"), destination(catchAll, "/admin/migration"));
        assertEquals(Optional.empty(), destination(catchAll, "/admin/secret"));
        assertEquals(Optional.of("b"), destination(catchAll, "/actuator/prometheus"));
    }

    /**
     * Where Istio would send a request for {@code path} on the route's host: the first HTTP route with a match whose
     * URI condition holds (conditions on headers, methods and the like are assumed to hold, so an exposure is never
     * missed), and its first destination; empty when no route matches (404) or the route answers by itself.
     */
    static Optional<String> destination(Manifests.Doc virtualService, String path) {
        String uri = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        List<Map<String, Object>> http = Manifests.at(virtualService.yaml(), "spec", "http");
        for (Map<String, Object> route : http) {
            List<Map<String, Object>> matches = Manifests.at(route, "match");
            boolean matched = matches == null || matches.isEmpty() || matches.stream().anyMatch(m -> uriMatches(m, uri));
            if (matched) {
                if (route.containsKey("directResponse") || route.containsKey("redirect")) {
                    return Optional.empty();
                }
                return Optional.of(Objects.requireNonNull(Manifests.<String>at(route, "route", "0", "destination", "host"),
                        "a matched route without a destination: " + route));
            }
        }
        return Optional.empty();
    }

    private static boolean uriMatches(Map<String, Object> match, String uri) {
        Map<String, Object> condition = Manifests.at(match, "uri");
        if (condition == null) {
            return true;
        }
        boolean ignoreCase = Boolean.TRUE.equals(match.get("ignoreUriCase"));
        String path = ignoreCase ? uri.toLowerCase() : uri;
        for (Map.Entry<String, Object> test : condition.entrySet()) {
            String value = ignoreCase ? String.valueOf(test.getValue()).toLowerCase() : String.valueOf(test.getValue());
            boolean holds = switch (test.getKey()) {
                case "exact" -> path.equals(value);
                case "prefix" -> path.startsWith(value);
                case "regex" -> Pattern.compile(value, ignoreCase ? Pattern.CASE_INSENSITIVE : 0).matcher(path).matches();
                default -> throw new AssertionError("unknown URI match " + test.getKey());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private List<Manifests.Doc> ofKind(String kind) {
        return docs.stream().filter(d -> d.kind().equals(kind)).toList();
    }
}

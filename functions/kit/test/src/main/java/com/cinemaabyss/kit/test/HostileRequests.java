package com.cinemaabyss.kit.test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests a hostile client would send to a function app, for property-based tests: any method on the app's routes
 * (and beside them), query parameters and JSON fields with numbers that expand, overflow or are not numbers at all,
 * long, non-ASCII and control-character strings, deep nesting, and headers that become keys or are echoed. A
 * property then holds for every one of them: the app answers below 500 with a JSON error when it refuses.
 */
public final class HostileRequests {

    /** One request: method, path and query, headers, and a body (empty for none). */
    public record Request(String method, String pathAndQuery, Map<String, String> headers, String body) {

        public HttpRequest.Builder on(TestHttp http) {
            HttpRequest.Builder builder = http.request(pathAndQuery);
            headers.forEach(builder::header);
            return builder.method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        }
    }

    private static final List<String> NUMBERS = List.of("1", "0", "-1", "1e400", "-1e999999999", "1e999999999",
            "9".repeat(40), "-" + "9".repeat(40), "0." + "1".repeat(60), "9007199254740993", "1.5", "NaN", "Infinity", "1E-400");
    private static final List<String> TEXTS = List.of("", " ", "a", "просмотр", "a\u0001b", "\u0000", "line\nbreak",
            "\"quoted\"", "<script>", "x".repeat(2_000), "%zz", "../../etc/passwd", "\uD83C\uDFAC");

    private HostileRequests() {
    }

    /** Requests on {@code paths} (templates: {@code {id}} becomes a hostile id) with JSON bodies over {@code fields}. */
    public static Arbitrary<Request> on(List<String> paths, List<String> fields) {
        Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH");
        Arbitrary<String> path = Arbitraries.of(paths).flatMap(template -> template.contains("{id}")
                ? Arbitraries.of(NUMBERS).map(id -> template.replace("{id}", encode(id)))
                : Arbitraries.just(template));
        Arbitrary<String> query = Arbitraries.of(fields).flatMap(name -> atom().map(value -> name + "=" + encode(value)))
                .list().ofMaxSize(3).map(params -> params.isEmpty() ? "" : "?" + String.join("&", params));
        Arbitrary<Map<String, String>> headers = Combinators.combine(
                        Arbitraries.of("application/json", "text/plain", "application/cloudevents+json", "application/x-www-form-urlencoded"),
                        Arbitraries.of(TEXTS).map(HostileRequests::headerSafe),
                        Arbitraries.of(true, false))
                .as((type, key, withKey) -> withKey ? Map.of("Content-Type", type, "Idempotency-Key", key) : Map.of("Content-Type", type));
        Arbitrary<String> body = Arbitraries.oneOf(json(fields), Arbitraries.of("", "{", "[]", "null", "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}"));
        return Combinators.combine(method, path, query, headers, body)
                .as((m, p, q, h, b) -> new Request(m, p + q, h, b));
    }

    /** The property: nothing the app is sent makes it fail with 5xx, and a refusal says why in JSON. */
    public static void assertHandled(Request request, HttpResponse<String> response) {
        assertTrue(response.statusCode() < 500, () -> request + " answered " + response.statusCode() + ": " + response.body());
        if (response.statusCode() >= 400) {
            assertTrue(response.body().startsWith("{\"error\":"), () -> request + " answered " + response.statusCode() + " without a JSON error: " + response.body());
        }
    }

    private static Arbitrary<String> json(List<String> fields) {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of(NUMBERS),
                Arbitraries.of(TEXTS).map(HostileRequests::jsonString),
                Arbitraries.of("true", "null", "[]", "{}", "[\"Drama\"]", "[" + "\"x\",".repeat(60) + "\"x\"]"));
        return Arbitraries.of(fields).flatMap(name -> value.map(v -> "\"" + name + "\":" + v))
                .list().ofMaxSize(6).map(pairs -> "{" + String.join(",", pairs) + "}");
    }

    private static Arbitrary<String> atom() {
        return Arbitraries.oneOf(Arbitraries.of(NUMBERS), Arbitraries.of(TEXTS));
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    /** java.net.http refuses control characters and non-ASCII in header values; send what it lets through. */
    private static String headerSafe(String text) {
        String ascii = text.chars().filter(c -> c >= 0x20 && c < 0x7f).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return ascii.isBlank() ? "k" : ascii.strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

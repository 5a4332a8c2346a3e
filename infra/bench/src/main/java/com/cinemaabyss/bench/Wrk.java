package com.cinemaabyss.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs wrk (the Debian package) with one thread and a fixed number of connections; loopback only. */
final class Wrk {

    private final Path scripts;

    Wrk(Path workDir) {
        this.scripts = workDir.resolve("wrk");
    }

    /** GET {@code url} with {@code id} replaced per request by a random id from 1 to {@code maxId}. */
    String randomIdScript(String name, String pathWithId, long maxId) {
        return script(name, """
                math.randomseed(%d)
                request = function()
                  return wrk.format("GET", (string.gsub("%s", "{id}", tostring(math.random(1, %d)))))
                end
                """.formatted(System.nanoTime() % 1_000_000, pathWithId, maxId));
    }

    /**
     * As {@link #randomIdScript}, each request also carrying {@code Authorization: Bearer <token>} with a token drawn
     * at random from {@code tokens} (compact JWS: base64url and dots, nothing to escape in Lua).
     */
    String randomIdScript(String name, String pathWithId, long maxId, List<String> tokens) {
        checkTokens(tokens);
        return script(name, """
                math.randomseed(%d)
                local tokens = { %s }
                request = function()
                  local path = (string.gsub("%s", "{id}", tostring(math.random(1, %d))))
                  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. tokens[math.random(1, #tokens)] })
                end
                """.formatted(System.nanoTime() % 1_000_000, String.join(", ", tokens.stream().map(t -> '"' + t + '"').toList()),
                pathWithId, maxId));
    }

    /**
     * POST to {@code path} one of {@code bodies} (JSON), drawn at random per request, with
     * {@code Authorization: Bearer <token>} drawn at random from {@code tokens} when there are any (none: no header).
     */
    String randomPostScript(String name, String path, List<String> bodies, List<String> tokens) {
        if (bodies.isEmpty() || bodies.stream().anyMatch(body -> body.contains("]]") || body.contains("\n"))) {
            throw new IllegalArgumentException("bodies are one-line JSON, without ']]' (they become Lua long strings)");
        }
        if (!tokens.isEmpty()) {
            checkTokens(tokens);
        }
        return script(name, """
                math.randomseed(%d)
                local bodies = { %s }
                local tokens = { %s }
                request = function()
                  local headers = { ["Content-Type"] = "application/json" }
                  if #tokens > 0 then
                    headers["Authorization"] = "Bearer " .. tokens[math.random(1, #tokens)]
                  end
                  return wrk.format("POST", "%s", headers, bodies[math.random(1, #bodies)])
                end
                """.formatted(System.nanoTime() % 1_000_000, String.join(", ", bodies.stream().map(b -> "[[" + b + "]]").toList()),
                String.join(", ", tokens.stream().map(t -> '"' + t + '"').toList()), path));
    }

    private static void checkTokens(List<String> tokens) {
        if (tokens.isEmpty() || tokens.stream().anyMatch(token -> !token.matches("[A-Za-z0-9_.-]+"))) {
            throw new IllegalArgumentException("bearer tokens are compact JWS strings");
        }
    }

    /**
     * POST {@code json} to {@code path} with {@code headers} (plain ASCII, nothing to escape in Lua) and
     * {@code Authorization: Bearer <token>}, a token drawn at random from {@code tokens} per request.
     */
    String postScript(String name, String path, String json, Map<String, String> headers, List<String> tokens) {
        checkTokens(tokens);
        if (headers.entrySet().stream().anyMatch(h -> !(h.getKey() + h.getValue()).matches("[A-Za-z0-9 _./:-]*"))) {
            throw new IllegalArgumentException("headers are plain ASCII here");
        }
        StringBuilder fixed = new StringBuilder();
        headers.forEach((header, value) -> fixed.append("[\"").append(header).append("\"] = \"").append(value).append("\", "));
        return script(name, """
                math.randomseed(%d)
                local tokens = { %s }
                request = function()
                  local headers = { %s["Content-Type"] = "application/json" }
                  headers["Authorization"] = "Bearer " .. tokens[math.random(1, #tokens)]
                  return wrk.format("POST", "%s", headers, [[%s]])
                end
                """.formatted(System.nanoTime() % 1_000_000, String.join(", ", tokens.stream().map(t -> '"' + t + '"').toList()),
                fixed, path, json));
    }

    /**
     * One DynamoDB API call ({@code target}, e.g. {@code DynamoDB_20120810.GetItem}) with {@code json}, as the AWS SDK
     * sends it to DynamoDB Local: a SigV4-shaped Authorization naming the access key "local" and us-east-1 (the
     * functions' database there), which DynamoDB Local parses but does not verify.
     */
    String dynamoScript(String name, String target, String json) {
        return script(name, """
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
                wrk.headers["X-Amz-Target"] = "%s"
                wrk.headers["X-Amz-Date"] = "20260101T000000Z"
                wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000000000000000000000000000000000000000000000000000000000000000"
                wrk.body = [[%s]]
                """.formatted(target, json));
    }

    String postJsonScript(String name, String json) {
        return script(name, """
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                wrk.body = [[%s]]
                """.formatted(json));
    }

    WrkResult run(URI url, int connections, Duration duration, String script) {
        if (!url.getHost().equals("127.0.0.1")) {
            throw new IllegalArgumentException("benchmarks only send traffic to loopback, not " + url);
        }
        List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--timeout", "5s", "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script));
        }
        command.add(url.toString());
        try {
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!wrk.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
                throw new IllegalStateException("wrk failed on " + url + ":\n" + output);
            }
            return WrkResult.parse(output);
        } catch (IOException e) {
            throw new UncheckedIOException("wrk did not run (infra/bench/run installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String script(String name, String lua) {
        try {
            Files.createDirectories(scripts);
            Path file = scripts.resolve(name + ".lua");
            Files.writeString(file, lua);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

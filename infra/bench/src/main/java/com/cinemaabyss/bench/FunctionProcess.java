package com.cinemaabyss.bench;

import com.cinemaabyss.platform.Processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One function JVM started for measuring: the clock starts just before the process is spawned, so "time to the
 * first 200" includes the JVM's own start. Output goes to a log file, nothing is read while it runs.
 */
final class FunctionProcess implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(500)).build();

    /** How often a starting function is asked for its first 200. */
    static final long POLL_MILLIS = 10;

    private final String name;
    private final Process process;
    private final long startedAt;
    private final Path log;

    private FunctionProcess(String name, Process process, long startedAt, Path log) {
        this.name = name;
        this.process = process;
        this.startedAt = startedAt;
        this.log = log;
    }

    /** A program and its arguments: this JVM's own {@code java} for most, an image's runtime for an image's entrypoint. */
    record Command(String program, List<String> arguments) {

        static Command java(List<String> arguments) {
            return new Command(Path.of(System.getProperty("java.home"), "bin", "java").toString(), arguments);
        }
    }

    /** {@code javaArguments} come after the java launcher: flags, then -jar or -cp and what to run. */
    static FunctionProcess start(String name, List<String> javaArguments, Map<String, String> env, Path log) {
        return start(name, Command.java(javaArguments), env, log);
    }

    /** Starts {@code command} with this process's environment less JAVA_TOOL_OPTIONS, plus {@code env}. */
    static FunctionProcess start(String name, Command command, Map<String, String> env, Path log) {
        List<String> line = new ArrayList<>();
        line.add(command.program());
        line.addAll(command.arguments());
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(env);
        try {
            Files.createDirectories(log.getParent());
            long startedAt = System.nanoTime();
            return new FunctionProcess(name, builder.start(), startedAt, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code request} with {@link #HTTP} and reads the answer as text; a failure to send names the request. */
    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code url} every {@link #POLL_MILLIS} ms; returns the time from spawning the JVM to its first 200 answer. */
    Duration awaitFirst200(URI url, Duration timeout) {
        long deadline = startedAt + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedAt);
                }
            } catch (IOException notListeningYet) {
                // keep polling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(POLL_MILLIS);
        }
        throw new IllegalStateException(name + " gave no 200 on " + url + " within " + timeout.toSeconds() + " s; see " + log);
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size from /proc (Linux), in MiB. */
    double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for " + name);
    }

    /** SIGKILL, for a start that was only measured: nothing it holds needs a graceful stop, and that stop takes seconds. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM and wait, long enough for a JVM that writes its AOT cache on the way out. */
    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(90));
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package com.cinemaabyss.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** One function app running as a child JVM, its output prefixed on the console and kept in a log file. */
final class ServiceProcess implements AutoCloseable {

    // C1 only and a small serial heap: four Spring Boot JVMs start faster, and fit, on a two-core laptop.
    private static final List<String> JVM_FLAGS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final URI healthUrl;
    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private volatile boolean stopping;

    private ServiceProcess(String name, URI healthUrl, Process process) {
        this.name = name;
        this.healthUrl = healthUrl;
        this.process = process;
    }

    static ServiceProcess start(String name, Path jar, Map<String, String> env, URI healthUrl, Path logFile, PrintStream console) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-jar", jar.toString()));
        return run(name, command, env, healthUrl, logFile, console);
    }

    /** Any program (Prometheus, say) run and watched the same way; {@code healthUrl} answers 200 once it is ready. */
    static ServiceProcess run(String name, List<String> command, Map<String, String> env, URI healthUrl, Path logFile,
                              PrintStream console) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Files.createDirectories(logFile.getParent());
            ServiceProcess service = new ServiceProcess(name, healthUrl, builder.start());
            Thread.ofPlatform().daemon().name("out-" + name).start(() -> service.pump(logFile, console));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    Process process() {
        return process;
    }

    boolean stopping() {
        return stopping;
    }

    /** Waits until the health route answers 200; fails early, with the last lines it printed, if the process dies. */
    void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n" + lastLines());
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(healthUrl).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " did not answer " + healthUrl + " within " + timeout.toSeconds() + " s:\n" + lastLines());
    }

    @Override
    public void close() {
        stopping = true;
        Processes.stop(process, Duration.ofSeconds(20));
    }

    /** Ends the process at once (SIGKILL), as a crashed node would: no shutdown hooks, nothing flushed. */
    void kill() {
        stopping = true;
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pump(Path logFile, PrintStream console) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var log = Files.newBufferedWriter(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String prefix = String.format("%-9s| ", name);
            log.write("----- " + name + " started " + Instant.now() + " (pid " + process.pid() + ")");
            log.newLine();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (console != null) {
                    console.println(prefix + line);
                }
                log.write(line);
                log.newLine();
                log.flush();
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 40) {
                        lastLines.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process went away; its exit is reported elsewhere
        }
    }

    private String lastLines() {
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package com.cinemaabyss.platform;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local trace collector: Zipkin's own server (Maven Central's {@code io.zipkin:zipkin-server} exec jar, copied to
 * {@value #JAR} by the build) with in-memory storage on 127.0.0.1:9411. Every function the platform starts sends its
 * spans there; its UI and API answer on the same port.
 */
final class LocalZipkin {

    static final String NAME = "zipkin";
    static final int PORT = 9411;
    static final String JAR = "infra/platform/target/zipkin/zipkin-server.jar";
    /** Bounds the collector's memory (the oldest traces go first); a local run or a test suite makes far fewer. */
    static final int MAX_SPANS = 100_000;

    private LocalZipkin() {
    }

    static URI url(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Where the functions send spans (Zipkin's v2 JSON API). */
    static URI spansEndpoint(int port) {
        return url(port).resolve("/api/v2/spans");
    }

    /** The server's environment: in-memory storage, and its one port bound to loopback only (Armeria binds all addresses otherwise). */
    static Map<String, String> env(int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STORAGE_TYPE", "mem");
        env.put("MEM_MAX_SPANS", Integer.toString(MAX_SPANS));
        env.put("QUERY_PORT", Integer.toString(port));
        env.put("ARMERIA_PORTS_0_IP", "127.0.0.1");
        env.put("ARMERIA_PORTS_0_PORT", Integer.toString(port));
        env.put("ARMERIA_PORTS_0_PROTOCOLS_0", "http");
        return env;
    }

    /** What every function needs to send its spans to the Zipkin on {@code port}, each trace kept. */
    static Map<String, String> tracingEnv(int port) {
        return Map.of("ZIPKIN_ENDPOINT", spansEndpoint(port).toString(), "TRACING_SAMPLING_PROBABILITY", "1.0");
    }

    static ServiceProcess start(Path root, int port, Path logFile) {
        return ServiceProcess.start(NAME, root.resolve(JAR), env(port), url(port).resolve("/health"), logFile, null);
    }
}

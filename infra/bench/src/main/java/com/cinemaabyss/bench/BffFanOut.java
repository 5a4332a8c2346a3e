package com.cinemaabyss.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The BFF fan-out (issue 16): the web BFF's home screen under {@link #VIEWERS} concurrent viewers against its slowest
 * dependency called alone by as many, in the same rounds; then the home screen with one dependency stopped (the
 * degraded path). The domain functions are stood in by loopback HTTP servers answering their documented shapes after
 * a fixed service time each ({@link #SERVICE_TIMES}), so the figure is the BFF's own cost of fanning out, not the
 * functions' (benchmarked in their own sections).
 */
final class BffFanOut {

    static final int VIEWERS = 50;
    static final String HOME = "home screen (web BFF)";
    static final String SLOWEST = "recommendations alone (slowest dependency)";
    static final String DEGRADED = "home screen, profile stopped";
    /** How long each stand-in takes to answer: recommendations the slowest, as its engine call makes it. */
    static final Map<String, Duration> SERVICE_TIMES = new LinkedHashMap<>();

    static {
        SERVICE_TIMES.put("identity", Duration.ofMillis(2));
        SERVICE_TIMES.put("profile", Duration.ofMillis(4));
        SERVICE_TIMES.put("subscriptions", Duration.ofMillis(2));
        SERVICE_TIMES.put("recommendations", Duration.ofMillis(8));
        SERVICE_TIMES.put("catalog", Duration.ofMillis(1));
    }

    private final Rig rig;
    private final Settings settings;
    private final Wrk wrk;

    BffFanOut(Rig rig, Settings settings, Wrk wrk) {
        this.rig = rig;
        this.settings = new Settings(settings.rounds(), settings.round(), settings.warmup(), settings.proxyWarmup(), VIEWERS,
                settings.coldStarts(), settings.scaleMovies());
        this.wrk = wrk;
    }

    Section run() {
        try (StandIns standIns = StandIns.start()) {
            rig.startWarmAs("web-bff", "web-bff", standIns.env());
            URI bff = rig.warmUrlOf("web-bff");
            URI recommendations = standIns.url("recommendations");
            String script = homeScript(wrk, "bff-home", "/api/web/home");
            Map<String, URI> targets = new LinkedHashMap<>();
            targets.put(HOME, bff);
            targets.put(SLOWEST, recommendations);
            Rounds.warmUp(wrk, targets, script, settings, settings.proxyWarmup());
            Rounds rounds = Rounds.measure(wrk, targets, script, settings);

            standIns.stop("profile");
            Rounds.warmUp(wrk, Map.of(DEGRADED, bff), script, settings, settings.warmup());
            rounds.addAll(Rounds.measure(wrk, Map.of(DEGRADED, bff), script, settings));
            return section(settings, rounds);
        }
    }

    /** A home screen ({@code path}) per request, a distinct query each so nothing on the way can cache it; a viewer's bearer token. */
    static String homeScript(Wrk wrk, String name, String path) {
        return wrk.randomIdScript(name, path + "?n={id}", 1_000_000, List.of("bench-viewer-token"));
    }

    /**
     * The domain functions a BFF calls, stood in per {@link #SERVICE_TIMES}, and the BFF's environment pointing at them
     * (the functions not stood in at a loopback port where nothing listens).
     */
    static final class StandIns implements AutoCloseable {

        private final Map<String, HttpServer> servers = new LinkedHashMap<>();

        static StandIns start() {
            StandIns standIns = new StandIns();
            try {
                SERVICE_TIMES.forEach((name, time) -> standIns.servers.put(name, standIn(name, time)));
                return standIns;
            } catch (RuntimeException e) {
                standIns.close();
                throw e;
            }
        }

        Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            servers.forEach((name, server) -> env.put(name.toUpperCase() + "_URL", url(name).toString()));
            for (String absent : List.of("CONTENT_URL", "DISCOUNTS_URL", "PAYMENTS_URL", "NOTIFICATIONS_URL")) {
                env.put(absent, "http://127.0.0.1:1");
            }
            return env;
        }

        URI url(String name) {
            return URI.create("http://127.0.0.1:" + servers.get(name).getAddress().getPort());
        }

        /** Stops one stand-in: its function is then down (connections refused). */
        void stop(String name) {
            servers.remove(name).stop(0);
        }

        @Override
        public void close() {
            servers.values().forEach(server -> server.stop(0));
        }
    }

    static Section section(Settings settings, Rounds rounds) {
        Samples home = rounds.of(HOME, WrkResult::p99Millis);
        Samples slowest = rounds.of(SLOWEST, WrkResult::p99Millis);
        Samples slowestPlus2 = new Samples(slowest.values().stream().map(p99 -> p99 + 2.0).toList());
        List<Figure> figures = List.of(
                Figure.atMost("BFF home p99 / (slowest dependency's p99 + 2 ms), 50 viewers", home.over(slowestPlus2), 1.0),
                Figure.informative("BFF home p99, one dependency stopped / all up", rounds.of(DEGRADED, WrkResult::p99Millis).over(home)));
        String times = String.join(", ", SERVICE_TIMES.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().toMillis() + " ms").toList());
        String markdown = """
                The web BFF's `GET /api/web/home` (a signed-in viewer: identity, profile's profiles and continue watching,
                subscriptions' entitlement, recommendations, the catalog's new releases, then the catalog's titles of the
                continue-watching and recommended items) under %d concurrent viewers, against the slowest dependency,
                recommendations, called alone by %d connections in the same interleaved rounds (`wrk -t1 -c%d`, %d rounds of
                %d s). The functions are loopback stand-ins answering their documented shapes after a fixed service time
                (%s), so what is measured is the BFF's fan-out: the home screen's critical path is recommendations and then
                one catalog read (8 + 1 ms of service time). Then profile's stand-in is stopped (connections refused) and the
                home screen measured again: it answers with `degraded: ["viewer", "continue_watching"]`.

                %s
                """.formatted(VIEWERS, VIEWERS, VIEWERS, settings.rounds(), settings.round().toSeconds(), times, rounds.table());
        return new Section("BFF fan-out: the home screen against its slowest dependency", markdown, figures, List.of());
    }

    /** One function's stand-in: its documented answers, after {@code serviceTime}. */
    private static HttpServer standIn(String name, Duration serviceTime) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", exchange -> {
                try (exchange) {
                    Thread.sleep(serviceTime);
                    byte[] body = answer(name, exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    // the caller went away
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String answer(String name, String path) {
        return switch (name) {
            case "identity" -> "{\"user_id\":2,\"email\":\"viewer@bench.local\",\"username\":\"viewer\",\"roles\":[\"viewer\"],\"email_verified\":true}";
            case "subscriptions" -> "{\"active\":true,\"plan_id\":\"premium-year\",\"until\":\"2027-11-26T00:00:00Z\",\"max_profiles\":5}";
            case "recommendations" -> "{\"profile_id\":4,\"source\":\"engine\",\"items\":[{\"title_id\":12,\"title\":\"Stalker\","
                    + "\"genres\":[\"Drama\"],\"reason\":\"because you watched Solaris\"}]}";
            case "profile" -> path.endsWith("/profiles")
                    ? "[{\"id\":4,\"name\":\"Main\",\"language\":\"en\",\"max_age_rating\":18,\"kids\":false,\"created_at\":\"2026-11-01T00:00:00Z\"}]"
                    : "[{\"title_id\":42,\"episode_id\":1002,\"season\":1,\"episode\":2,\"position_s\":2700,\"duration_s\":2800,\"finished\":false}]";
            case "catalog" -> path.equals("/api/v1/titles") ? catalogPage() : title(path.substring(path.lastIndexOf('/') + 1));
            default -> "{}";
        };
    }

    private static String catalogPage() {
        List<String> items = new ArrayList<>();
        for (int id = 100; id < 120; id++) {
            items.add("{\"id\":" + id + ",\"kind\":\"movie\",\"title\":\"Title " + id + "\",\"release_year\":2026,\"genres\":[\"Drama\"],"
                    + "\"countries\":[\"RU\"],\"age_rating\":12,\"rating\":{\"average\":7.5,\"votes\":10},\"poster\":\"https://img.example/" + id + ".jpg\"}");
        }
        return "{\"items\":[" + String.join(",", items) + "],\"total\":20,\"facets\":{\"genres\":[],\"countries\":[],\"decades\":[]},\"next_cursor\":null}";
    }

    private static String title(String id) {
        return "{\"id\":" + id + ",\"kind\":\"movie\",\"status\":\"published\",\"title\":\"Title " + id + "\",\"genres\":[\"Drama\"],"
                + "\"release_year\":1979,\"age_rating\":12,\"images\":{\"poster\":\"https://img.example/" + id + ".jpg\"},\"seasons\":[],"
                + "\"rating\":{\"average\":8.0,\"votes\":3},\"version\":1}";
    }
}

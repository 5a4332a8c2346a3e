package com.cinemaabyss.bench;

import com.cinemaabyss.engine.EngineSettings;
import com.cinemaabyss.engine.RecommendationEngine;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark 5: {@code GET /api/v1/me/recommendations} with the recommendation engine up against with it down, in the
 * same rounds: two processes of the recommendations function on the same tables, one pointed at the reference engine
 * (in-process here), one at a loopback port where nothing listens (its breaker opens after the first failures, then
 * every answer is the fallback). The fallback must not be slower than the engine's path.
 */
final class RecommendationsLatency {

    static final String UP = "engine up";
    static final String DOWN = "engine down (fallback)";
    static final String PATH = "/api/v1/me/recommendations?limit=20";
    static final int TITLES = 300;
    static final int USERS = 100;
    static final int VIEWS_PER_USER = 6;
    static final List<String> GENRES = List.of("Drama", "Comedy", "Thriller", "Sci-Fi", "Horror", "Romance", "Documentary",
            "Animation", "Crime", "War");
    private static final String DELIVERY_TOKEN = "bench-delivery-" + UUID.randomUUID();

    private final Rig rig;
    private final Settings settings;
    private final Wrk wrk;

    RecommendationsLatency(Rig rig, Settings settings, Wrk wrk) {
        this.rig = rig;
        this.settings = settings;
        this.wrk = wrk;
    }

    Section run() {
        try (BenchIdentity identity = BenchIdentity.start();
             RecommendationEngine engine = RecommendationEngine.start(EngineSettings.onPort(0))) {
            Map<String, String> up = env(identity, engine.url().toString());
            rig.startWarmAs("recommendations", "recommendations", up);
            rig.startWarmAs("recommendations-down", "recommendations", env(identity, "http://127.0.0.1:1"));
            URI upUrl = rig.warmUrlOf("recommendations");
            seed(upUrl);
            List<String> tokens = identity.tokens(1, USERS);
            String sourceUp = awaitEngine(upUrl, tokens.getFirst());
            String sourceDown = source(rig.warmUrlOf("recommendations-down"), tokens.getFirst());
            String script = wrk.randomIdScript("recommendations", PATH + "&n={id}", 1, tokens);
            Map<String, URI> targets = new LinkedHashMap<>();
            targets.put(UP, upUrl.resolve("/api/v1/me/recommendations"));
            targets.put(DOWN, rig.warmUrlOf("recommendations-down").resolve("/api/v1/me/recommendations"));
            Rounds.warmUp(wrk, targets, script, settings, settings.warmup());
            Rounds rounds = Rounds.measure(wrk, targets, script, settings);
            return section(settings, rounds, sourceUp, sourceDown);
        }
    }

    static Section section(Settings settings, Rounds rounds, String sourceUp, String sourceDown) {
        Samples upP99 = rounds.of(UP, WrkResult::p99Millis);
        Samples downP99 = rounds.of(DOWN, WrkResult::p99Millis);
        List<Figure> figures = List.of(
                Figure.atMost("recommendations p99, engine down / engine up", downP99.over(upP99), 1.0),
                Figure.informative("recommendations req/s, engine down / engine up",
                        rounds.of(DOWN, WrkResult::requestsPerSecond).over(rounds.of(UP, WrkResult::requestsPerSecond))));
        List<String> warnings = new ArrayList<>();
        if (!"engine".equals(sourceUp)) {
            warnings.add("recommendations: the process with the engine up answered from '" + sourceUp + "' before the rounds");
        }
        if (!"fallback".equals(sourceDown)) {
            warnings.add("recommendations: the process with the engine down answered from '" + sourceDown + "' before the rounds");
        }
        String markdown = """
                Two processes of the recommendations function on the same tables: one asks the reference engine
                (in-process, item-to-item co-occurrence), one is pointed at a loopback port where nothing listens (its circuit
                breaker opens after the first failed calls; every answer is then the fallback: popular in the profile's
                favourite genres). Seeded through the event routes: %d titles in %d genres, %d profiles with %d playback starts, a
                favourite and a finished title each. `GET %s` with a random one of the %d viewers' tokens, `wrk -t1 -c%d`,
                %d interleaved rounds of %d s. Before the rounds the first process answered from `%s`, the second from `%s`.

                %s
                """.formatted(TITLES, GENRES.size(), USERS, VIEWS_PER_USER, PATH, USERS, settings.connections(), settings.rounds(),
                settings.round().toSeconds(), sourceUp, sourceDown, rounds.table());
        return new Section("Recommendations: engine down against up", markdown, figures, warnings);
    }

    static Map<String, String> env(BenchIdentity identity, String engine) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("IDENTITY_URL", identity.url().toString());
        env.put("RECOMMENDATION_ENGINE_URL", engine);
        env.put("CINEMAABYSS_EVENTING_DELIVERYTOKEN", DELIVERY_TOKEN);
        return env;
    }

    /** Titles, then each profile's views (skewed towards a few titles, mostly in two genres), a favourite and a finish. */
    static void seed(URI url) {
        Random random = new Random(42);
        for (int t = 1; t <= TITLES; t++) {
            String genres = "\"" + GENRES.get(t % GENRES.size()) + "\"" + (t % 3 == 0 ? ",\"" + GENRES.get((t / 3) % GENRES.size()) + "\"" : "");
            deliver(url, "title-changes", "com.cinemaabyss.catalog.title.upserted.v1", "{\"id\":" + t
                    + ",\"kind\":\"movie\",\"status\":\"published\",\"title\":\"Title " + t + "\",\"description\":\"\",\"genres\":[" + genres
                    + "],\"countries\":[\"RU\"],\"original_language\":\"ru\",\"release_year\":2000,\"age_rating\":12,\"runtime_min\":100,"
                    + "\"people\":[],\"offered_licences\":[],\"seasons\":[],\"rating\":{\"average\":0,\"votes\":0},\"version\":1,"
                    + "\"updated_at\":\"2026-11-25T10:00:00Z\"}");
        }
        String now = Instant.now().toString();
        List<Callable<Void>> users = new ArrayList<>();
        for (int user = 1; user <= USERS; user++) {
            long u = user;
            long profile = 10_000 + user;
            int taste = random.nextInt(GENRES.size());
            long[] picks = new long[VIEWS_PER_USER + 2];
            for (int i = 0; i < picks.length; i++) {
                // Titles t with t % 10 == taste are in the user's genre; the smaller ids are picked more often.
                long base = (long) Math.floor(Math.pow(random.nextDouble(), 2) * (TITLES / GENRES.size() - 1));
                picks[i] = i % 3 == 2 ? 1 + random.nextInt(TITLES) : base * GENRES.size() + (taste == 0 ? GENRES.size() : taste);
            }
            users.add(() -> {
                for (int i = 0; i < VIEWS_PER_USER; i++) {
                    deliver(url, "playback-events", "com.cinemaabyss.content.playback.started.v1", "{\"session_id\":\"" + UUID.randomUUID()
                            + "\",\"user_id\":" + u + ",\"profile_id\":" + profile + ",\"title_id\":" + picks[i] + ",\"region\":\"RU\",\"started_at\":\""
                            + now + "\",\"expires_at\":\"" + now + "\"}");
                }
                deliver(url, "profile-events", "com.cinemaabyss.profile.favorite.added.v1", "{\"profile_id\":" + profile + ",\"user_id\":" + u
                        + ",\"title_id\":" + picks[VIEWS_PER_USER] + ",\"at\":\"" + now + "\"}");
                deliver(url, "profile-events", "com.cinemaabyss.profile.progress.recorded.v1", "{\"profile_id\":" + profile + ",\"user_id\":" + u
                        + ",\"title_id\":" + picks[VIEWS_PER_USER + 1] + ",\"position_s\":5900,\"duration_s\":6000,\"finished\":true,\"at\":\"" + now + "\"}");
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<Void> done : pool.invokeAll(users)) {
                done.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("seeding recommendations failed", e);
        }
    }

    private static void deliver(URI url, String topic, String type, String data) {
        HttpRequest request = HttpRequest.newBuilder(url.resolve("/internal/events/" + topic)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + DELIVERY_TOKEN).header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString())
                .header("ce-source", "/bench").header("ce-type", type).POST(HttpRequest.BodyPublishers.ofString(data)).build();
        HttpResponse<String> response = FunctionProcess.send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(topic + " event refused: " + response.statusCode() + " " + response.body());
        }
    }

    /** The engine learns from the forwarded interactions a moment after the events: wait (a few seconds at most) until it answers. */
    static String awaitEngine(URI url, String token) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        String source;
        do {
            source = source(url, token);
            if ("engine".equals(source)) {
                return source;
            }
            FunctionProcess.pause(200);
        } while (System.nanoTime() < deadline);
        return source;
    }

    private static String source(URI url, String token) {
        HttpResponse<String> response = FunctionProcess.send(HttpRequest.newBuilder(url.resolve(PATH)).header("Authorization", "Bearer " + token).GET().build());
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        return response.body().contains("\"source\":\"engine\"") ? "engine" : response.body().contains("\"source\":\"fallback\"") ? "fallback" : "?";
    }

}

package com.cinemaabyss.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * Benchmark 5: content's playback decision, {@code POST /api/v1/playback} (the caller's token verified, entitlement
 * and profile read over HTTP, the title and its licences read from DynamoDB, the rules applied, the URL signed, the
 * session and its playback.started written in one transaction), against what a single DynamoDB {@code GetItem} costs
 * on the same DynamoDB Local in the same run, both driven by wrk in interleaved rounds at the same concurrency.
 * subscriptions and profile are stubs in this process that answer at once, so the figure is content's own cost.
 */
final class PlaybackDecision {

    static final String PLAYBACK = "POST /api/v1/playback";
    static final String GET_ITEM = "DynamoDB GetItem";
    /** The movie the benchmark plays, licensed in {@link #COUNTRY}; the profile the viewers watch as. */
    static final long TITLE = 1;
    static final long PROFILE = 7;
    static final String COUNTRY = "RU";
    /** Viewers drawn at random per request (numeric subjects: content reads the user id from the token). */
    static final int VIEWERS = 20;

    record Measured(Samples playback50, Samples playback99, Samples playbackRate, Samples getItem50, Samples getItem99,
                    Samples getItemRate) {
    }

    private final Rig rig;
    private final Settings settings;
    private final Wrk wrk;

    PlaybackDecision(Rig rig, Settings settings, Wrk wrk) {
        this.rig = rig;
        this.settings = settings;
        this.wrk = wrk;
    }

    Section run() {
        try (BenchIdentity identity = BenchIdentity.start(); Upstreams upstreams = Upstreams.start()) {
            URI content = startContent(rig, "content", identity, upstreams);
            String playback = playbackScript(wrk, identity);
            // DynamoDB Local checks that a request is signed, not the signature; the access key and region name the
            // database the functions use ("local", us-east-1), so this reads the title content reads.
            String getItem = wrk.dynamoScript("get-item", "DynamoDB_20120810.GetItem",
                    "{\"TableName\":\"content-titles\",\"Key\":{\"id\":{\"N\":\"" + TITLE + "\"}},\"ConsistentRead\":false}");
            Map<String, URI> targets = new LinkedHashMap<>();
            targets.put(PLAYBACK, content);
            targets.put(GET_ITEM, rig.dynamo.endpoint());
            wrk.run(content, settings.connections(), settings.warmup(), playback);
            wrk.run(rig.dynamo.endpoint(), settings.connections(), settings.warmup(), getItem);
            Rounds rounds = new Rounds();
            for (int round = 0; round < settings.rounds(); round++) {
                rounds.add(PLAYBACK, wrk.run(content, settings.connections(), settings.round(), playback));
                rounds.add(GET_ITEM, wrk.run(rig.dynamo.endpoint(), settings.connections(), settings.round(), getItem));
            }
            return section(settings, new Measured(rounds.of(PLAYBACK, WrkResult::p50Millis), rounds.of(PLAYBACK, WrkResult::p99Millis),
                    rounds.of(PLAYBACK, WrkResult::requestsPerSecond), rounds.of(GET_ITEM, WrkResult::p50Millis),
                    rounds.of(GET_ITEM, WrkResult::p99Millis), rounds.of(GET_ITEM, WrkResult::requestsPerSecond)), upstreams.calls());
        }
    }

    /**
     * Starts content under {@code name} against the benchmark's identity (JWKS) and upstream stubs, with movie
     * {@link #TITLE} published and licensed in {@link #COUNTRY}; its address.
     */
    static URI startContent(Rig rig, String name, BenchIdentity identity, Upstreams upstreams) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("IDENTITY_URL", identity.url().toString());
        env.put("SUBSCRIPTIONS_URL", upstreams.url().toString());
        env.put("PROFILE_URL", upstreams.url().toString());
        // Only signed here, never fetched: the origin need not run.
        env.put("ORIGIN_URL", "http://127.0.0.1:8091");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        env.put("MEDIA_SIGNING_KEY", HexFormat.of().formatHex(key));
        rig.startWarmAs(name, "content", env);
        URI content = rig.warmUrlOf(name);
        publishTitle(content);
        return content;
    }

    /** The wrk script of the playback decision: the title as one of {@link #VIEWERS} viewers drawn per request. */
    static String playbackScript(Wrk wrk, BenchIdentity identity) {
        List<String> tokens = identity.tokens(1001, VIEWERS);
        return wrk.postScript("playback", "/api/v1/playback", "{\"title_id\":" + TITLE + ",\"profile_id\":" + PROFILE + "}",
                Map.of("X-Client-Country", COUNTRY), tokens);
    }

    /** The section from what was measured: no figure in it comes from anywhere else. */
    static Section section(Settings settings, Measured m, long upstreamCalls) {
        Table table = new Table("target", "requests/s", "p50 ms", "p99 ms");
        table.row(PLAYBACK, m.playbackRate().format("%.0f"), m.playback50().format("%.2f"), m.playback99().format("%.2f"));
        table.row(GET_ITEM, m.getItemRate().format("%.0f"), m.getItem50().format("%.2f"), m.getItem99().format("%.2f"));
        List<Figure> figures = List.of(
                Figure.informative("playback decision p99 / DynamoDB GetItem p99", m.playback99().over(m.getItem99())),
                Figure.informative("playback decision p50 / DynamoDB GetItem p50", m.playback50().over(m.getItem50())));
        String markdown = """
                One warm content; movie %d is published and licensed in %s through title-changes, as the catalog would
                send it. `wrk -t1 -c%d`, %d rounds of %d s, interleaved with the baseline: `POST /api/v1/playback`
                `{"title_id":%d,"profile_id":%d}` with `X-Client-Country: %s` and a bearer token of one of %d viewers
                drawn per request (RS256, verified by content against a JWKS in the benchmark), and a raw `GetItem` of
                that title's item sent by wrk to the same DynamoDB Local. subscriptions and profile are stubs in the
                benchmark process that answer at once (%,d calls); no Idempotency-Key is sent.

                %s
                What one decision costs: the token's signature check; three reads at once, each on its own virtual
                thread (the entitlement and the profile over HTTP, the title by `GetItem`, its licences by one `Query`),
                so they cost the slowest of them; then an HMAC for the URL and one `TransactWriteItems` (the session
                and its playback.started in the outbox), which the outbox relay then publishes to Kafka. The ratio is
                that against a single `GetItem`: on DynamoDB Local a write transaction costs several reads, so the
                ratio says little about DynamoDB in AWS, where both are single-digit milliseconds.
                """.formatted(TITLE, COUNTRY, settings.connections(), settings.rounds(), settings.round().toSeconds(), TITLE, PROFILE,
                COUNTRY, VIEWERS, upstreamCalls, table);
        return new Section("Playback decision", markdown, figures);
    }

    /** title.upserted of the movie, delivered to content's sink as the eventing layer delivers it. */
    private static void publishTitle(URI content) {
        String data = "{\"id\":" + TITLE + ",\"kind\":\"movie\",\"status\":\"published\",\"title\":\"Benchmark\",\"description\":\"\","
                + "\"genres\":[],\"countries\":[\"RU\"],\"original_language\":\"ru\",\"release_year\":2020,\"age_rating\":16,"
                + "\"runtime_min\":90,\"people\":[],\"seasons\":[],\"rating\":{\"average\":0,\"votes\":0},"
                + "\"offered_licences\":[{\"region\":\"" + COUNTRY + "\",\"from\":\"2000-01-01T00:00:00Z\",\"to\":\"2100-01-01T00:00:00Z\"}],"
                + "\"version\":1,\"updated_at\":\"2030-01-01T00:00:00Z\"}";
        HttpRequest request = HttpRequest.newBuilder(content.resolve("/internal/events/title-changes")).timeout(Duration.ofSeconds(30))
                .header("ce-specversion", "1.0").header("ce-id", UUID.randomUUID().toString()).header("ce-source", "/cinemaabyss/catalog")
                .header("ce-type", "com.cinemaabyss.catalog.title.upserted.v1").header("ce-subject", Long.toString(TITLE))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(data)).build();
        HttpResponse<String> answer = FunctionProcess.send(request);
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("content refused the benchmark's title: " + answer.statusCode() + " " + answer.body());
        }
    }

    /** subscriptions' entitlement (active) and profile's profile (18+, no limit) for any token, at once; counts calls. */
    static final class Upstreams implements AutoCloseable {

        private static final byte[] ENTITLED = "{\"active\":true,\"plan_id\":\"bench\",\"until\":\"2099-01-01T00:00:00Z\",\"max_profiles\":4}"
                .getBytes(StandardCharsets.UTF_8);
        private final HttpServer server;
        private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();

        private Upstreams(HttpServer server) {
            this.server = server;
        }

        static Upstreams start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
                server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
                Upstreams upstreams = new Upstreams(server);
                server.createContext("/api/v1/entitlements/me", exchange -> upstreams.answer(exchange, ENTITLED));
                server.createContext("/api/v1/me/profiles/", exchange -> upstreams.answer(exchange, ("{\"id\":" + PROFILE
                        + ",\"name\":\"Bench\",\"language\":\"ru\",\"max_age_rating\":18,\"kids\":false,\"created_at\":\"2030-01-01T00:00:00Z\"}")
                        .getBytes(StandardCharsets.UTF_8)));
                server.start();
                return upstreams;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        long calls() {
            return calls.get();
        }

        private void answer(HttpExchange exchange, byte[] body) throws IOException {
            calls.incrementAndGet();
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}

package com.cinemaabyss.bench;

import com.cinemaabyss.engine.EngineSettings;
import com.cinemaabyss.engine.RecommendationEngine;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The knee probes of the functions that do not run on the split (content and the nine others): each function is
 * started for its probe, on its hot route, with what that route needs to answer 2xx set up on loopback (the
 * benchmark's JWKS and RS256 tokens as identity issues them, stand-ins for the functions it calls, rows written
 * through its own routes), and stopped after it, so that only it, its stand-ins and wrk share the CPUs while it is
 * measured. The split's four (catalog, monolith, events, gateway) stay up for the whole run and are measured first.
 */
final class KneeProbes {

    /** The functions measured here, in the order they run: content (as the playback section sets it up), then the nine. */
    static final List<String> FUNCTIONS = List.of("content", "identity", "discounts", "payments", "subscriptions", "profile",
            "recommendations", "notifications", "web-bff", "mobile-bff");
    /** Viewers whose tokens (or, for identity, whose accounts) are drawn at random per request; numeric subjects as identity's. */
    static final int VIEWERS = 20;
    static final long FIRST_VIEWER = 1001;
    /** A password the benchmark's accounts share: long enough for identity's policy, in no common-password list. */
    static final String PASSWORD = "knee-bench-" + UUID.randomUUID();
    static final String QUOTE = "{\"plan_id\":\"premium-year\",\"promo_code\":\"WELCOME10\"}";
    static final String PROFILE = "{\"name\":\"Main\",\"language\":\"ru\",\"max_age_rating\":18,\"kids\":false}";
    static final String KIDS_PROFILE = "{\"name\":\"Kids\",\"language\":\"ru\",\"max_age_rating\":6,\"kids\":true}";
    static final String PREFERENCES = "{\"language\":\"ru\",\"email\":{\"marketing\":true}}";

    /**
     * The mail server and SMS provider at a loopback port where nothing listens (the route measured sends nothing). The
     * SMS key and the unsubscribe links' secret the manifest takes from Secrets come from the module's training.env
     * ({@link Rig#env}).
     */
    static final Map<String, String> NOTIFICATIONS_ENV = Map.of("SMTP_HOST", "127.0.0.1", "SMTP_PORT", "1", "SMTP_AUTH", "false",
            "SMTP_STARTTLS", "false", "SMS_PROVIDER_URL", "http://127.0.0.1:1");

    private final Rig rig;
    private final Wrk wrk;
    private final BenchIdentity identity;

    KneeProbes(Rig rig, Wrk wrk, BenchIdentity identity) {
        this.rig = rig;
        this.wrk = wrk;
        this.identity = identity;
    }

    /** One entry per {@link #FUNCTIONS}, in that order; nothing starts until the knee section reaches it. */
    List<ConcurrencyKnee.Entry> entries() {
        List<ConcurrencyKnee.Entry> entries = new ArrayList<>();
        for (String function : FUNCTIONS) {
            entries.add(new ConcurrencyKnee.Entry(function, () -> stage(function)));
        }
        return entries;
    }

    private ConcurrencyKnee.Staged stage(String function) {
        return switch (function) {
            case "content" -> content();
            case "identity" -> identity();
            case "discounts" -> tokenChecking("discounts", Map.of("DISCOUNTS_SEED_DEMO", "true"), url -> { },
                    "POST /api/v1/quotes (premium-year, WELCOME10; demo plans seeded)", "/api/v1/quotes", QUOTE,
                    tokens -> wrk.postScript("knee-discounts", "/api/v1/quotes", QUOTE, Map.of(), tokens));
            case "payments" -> tokenChecking("payments", paymentsEnv(), url -> { },
                    "GET /api/v1/me/payments (viewers without payments: one query of the user's payments)", "/api/v1/me/payments", null,
                    tokens -> wrk.randomIdScript("knee-payments", "/api/v1/me/payments", 1, tokens));
            case "subscriptions" -> tokenChecking("subscriptions", Map.of(), url -> { },
                    "GET /api/v1/entitlements/me (viewers without a subscription: the same one key read)", "/api/v1/entitlements/me", null,
                    tokens -> wrk.randomIdScript("knee-subscriptions", "/api/v1/entitlements/me", 1, tokens));
            case "profile" -> profile();
            case "recommendations" -> recommendations();
            case "notifications" -> tokenChecking("notifications", NOTIFICATIONS_ENV,
                    url -> viewers().forEach(token -> expect2xx(send(url, "PUT", "/api/v1/me/notification-preferences", PREFERENCES, token))),
                    "GET /api/v1/me/notification-preferences (each viewer's preferences stored)", "/api/v1/me/notification-preferences", null,
                    tokens -> wrk.randomIdScript("knee-notifications", "/api/v1/me/notification-preferences", 1, tokens));
            case "web-bff" -> bff("web-bff", "/api/web/home");
            case "mobile-bff" -> bff("mobile-bff", "/api/mobile/home");
            default -> throw new IllegalArgumentException("no knee probe for " + function);
        };
    }

    /** Content's playback decision as the playback section sets it up (subscriptions and profile stubbed). */
    private ConcurrencyKnee.Staged content() {
        PlaybackDecision.Upstreams upstreams = PlaybackDecision.Upstreams.start();
        return started("content", upstreams, () -> {
            URI url = PlaybackDecision.startContent(rig, name("content"), identity, upstreams);
            return new ConcurrencyKnee.Probe("content", PlaybackDecision.PLAYBACK + " (upstreams stubbed)", url,
                    PlaybackDecision.playbackScript(wrk, identity));
        });
    }

    /**
     * identity's login: {@link #VIEWERS} accounts registered at set-up, each login one of them drawn per request, its
     * Argon2id check at the cost identity ships with (the manifest sets none, so application.yaml's), then a session
     * and a signed access token. Logins rather than refreshes: a refresh token is single-use (its reuse revokes the
     * session), so wrk's repeated requests cannot replay one; and the login is what holds a pod's CPU.
     */
    private ConcurrencyKnee.Staged identity() {
        return started("identity", () -> { }, () -> {
            rig.startWarmAs(name("identity"), "identity", Map.of());
            URI url = rig.warmUrlOf(name("identity"));
            List<String> logins = new ArrayList<>();
            for (int viewer = 0; viewer < VIEWERS; viewer++) {
                String email = "knee-viewer-" + viewer + "@bench.local";
                expect2xx(send(url, "POST", "/api/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                        + "\",\"username\":\"knee-viewer-" + viewer + "\"}", null));
                logins.add("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
            }
            expect2xx(send(url, "POST", "/api/auth/login", logins.getFirst(), null));
            return new ConcurrencyKnee.Probe("identity", "POST /api/auth/login (" + VIEWERS + " accounts, Argon2id at the shipped cost)",
                    url.resolve("/api/auth/login"), wrk.randomPostScript("knee-identity", "/api/auth/login", logins, List.of()));
        });
    }

    /** profile's own profiles: each viewer has a main and a kids profile, created through its POST (subscriptions stubbed: entitled, 4 profiles). */
    private ConcurrencyKnee.Staged profile() {
        PlaybackDecision.Upstreams upstreams = PlaybackDecision.Upstreams.start();
        Map<String, String> env = Map.of("SUBSCRIPTIONS_URL", upstreams.url().toString());
        return started("profile", upstreams, () -> tokenCheckingProbe("profile", env, url -> viewers().forEach(token -> {
                    expect2xx(send(url, "POST", "/api/v1/me/profiles", PROFILE, token));
                    expect2xx(send(url, "POST", "/api/v1/me/profiles", KIDS_PROFILE, token));
                }), "GET /api/v1/me/profiles (2 profiles each; subscriptions stubbed)", "/api/v1/me/profiles", null,
                tokens -> wrk.randomIdScript("knee-profile", "/api/v1/me/profiles", 1, tokens)));
    }

    /** recommendations with the reference engine up, seeded as the recommendations section seeds it. */
    private ConcurrencyKnee.Staged recommendations() {
        RecommendationEngine engine = RecommendationEngine.start(EngineSettings.onPort(0));
        return started("recommendations", engine, () -> {
            rig.startWarmAs(name("recommendations"), "recommendations", RecommendationsLatency.env(identity, engine.url().toString()));
            URI url = rig.warmUrlOf(name("recommendations"));
            RecommendationsLatency.seed(url);
            List<String> tokens = identity.tokens(1, RecommendationsLatency.USERS);
            String source = RecommendationsLatency.awaitEngine(url, tokens.getFirst());
            if (!"engine".equals(source)) {
                throw new IllegalStateException("recommendations answered from '" + source + "', not the engine, after seeding");
            }
            return new ConcurrencyKnee.Probe("recommendations", "GET " + RecommendationsLatency.PATH + " (engine up, seeded)",
                    url.resolve("/api/v1/me/recommendations"),
                    wrk.randomIdScript("knee-recommendations", RecommendationsLatency.PATH + "&n={id}", 1, tokens));
        });
    }

    /** A BFF's home screen, its functions stood in as the BFF section stands them in. */
    private ConcurrencyKnee.Staged bff(String function, String path) {
        BffFanOut.StandIns standIns = BffFanOut.StandIns.start();
        return started(function, standIns, () -> {
            rig.startWarmAs(name(function), function, standIns.env());
            return new ConcurrencyKnee.Probe(function, "GET " + path + " (functions stood in, as in the BFF section)",
                    rig.warmUrlOf(name(function)), BffFanOut.homeScript(wrk, "knee-" + function, path));
        });
    }

    private interface Seed {
        void into(URI url);
    }

    private interface Script {
        String of(List<String> tokens);
    }

    private interface ProbeStart {
        ConcurrencyKnee.Probe start();
    }

    /** A function that checks the viewers' tokens against the benchmark's JWKS: started, seeded, its route tried once. */
    private ConcurrencyKnee.Staged tokenChecking(String function, Map<String, String> env, Seed seed, String route, String path,
                                                 String body, Script script) {
        return started(function, () -> { }, () -> tokenCheckingProbe(function, env, seed, route, path, body, script));
    }

    /** {@code body}: the JSON the route is sent (a POST), or null (a GET). */
    private ConcurrencyKnee.Probe tokenCheckingProbe(String function, Map<String, String> env, Seed seed, String route, String path,
                                                     String body, Script script) {
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("IDENTITY_URL", identity.url().toString());
        rig.startWarmAs(name(function), function, all);
        URI url = rig.warmUrlOf(name(function));
        seed.into(url);
        List<String> tokens = viewers();
        expect2xx(send(url, body == null ? "GET" : "POST", path, body, tokens.getFirst()));
        return new ConcurrencyKnee.Probe(function, route, url.resolve(path), script.of(tokens));
    }

    /**
     * The probe {@code start} gives, and a stop that ends the function's process and then {@code helpers} (stubs,
     * stand-ins, the engine); if the start fails, both are stopped at once.
     */
    private ConcurrencyKnee.Staged started(String function, AutoCloseable helpers, ProbeStart start) {
        Runnable stop = () -> {
            try (helpers) {
                if (rig.isRunning(name(function))) {
                    rig.stop(name(function));
                }
            } catch (Exception e) {
                throw new IllegalStateException("stopping " + function + "'s stand-ins failed", e);
            }
        };
        try {
            return new ConcurrencyKnee.Staged(start.start(), stop);
        } catch (RuntimeException e) {
            stop.run();
            throw e;
        }
    }

    private List<String> viewers() {
        return identity.tokens(FIRST_VIEWER, VIEWERS);
    }

    /** The process name of a function started for its knee probe (its log is logs/NAME.log). */
    static String name(String function) {
        return function + "-knee";
    }

    static Map<String, String> paymentsEnv() {
        // The provider is never called by the route measured: a loopback port where nothing listens.
        return Map.of("PAYMENTS_PROVIDER_URL", "http://127.0.0.1:1", "PAYMENTS_PROVIDER_API_KEY", "sk_bench_" + randomHex(24),
                "PAYMENTS_PROVIDER_WEBHOOK_SECRET", "whsec_" + randomHex(24));
    }

    static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static HttpResponse<String> send(URI url, String method, String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return FunctionProcess.send(request.build());
    }

    private static void expect2xx(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }
}

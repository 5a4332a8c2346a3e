package com.cinemaabyss.bench;

import com.cinemaabyss.local.FreePorts;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark 1: {@code GET /api/movies?id=N} straight to the catalog and the monolith, through three of our gateways
 * (the plain one, one that requires and verifies a JWT, one with its rate limiter on) and through nginx doing the same
 * split, in interleaved rounds so that drift hits every target alike. Each gateway's own counters, read before and
 * after the measured rounds, show the split it achieved and its fallbacks.
 */
final class GatewayOverhead {

    static final int MOVIES_PERCENT = 50;
    /** Issue 18: a gateway that keeps up with nginx on the same backends. */
    static final double THROUGHPUT_AIM = 0.9;
    static final double ADDED_P99_AIM = 1.5;
    /**
     * The achieved catalog share may be this many percentage points off the configured one before the run is flagged;
     * more when the requests were too few for a random split to come that close (see {@link #tolerancePoints}).
     */
    static final double SPLIT_TOLERANCE_POINTS = 3;
    /** The rate-limited gateway's limit per client address and per user, per minute: far above what wrk can send. */
    static final long FAR_ABOVE_LOAD = 1_000_000_000L;
    /** Added latency below the timer's resolution reads as this in the ratios, so that they stay defined. */
    static final double MIN_ADDED_MILLIS = 0.1;

    static final String CATALOG = "catalog, direct";
    static final String MONOLITH = "monolith, direct";
    static final String GATEWAY = "our gateway";
    static final String GATEWAY_JWT = "our gateway, JWT required";
    static final String GATEWAY_LIMITED = "our gateway, rate limit on";
    static final String NGINX = "nginx split_clients";
    /** The gateways measured, each with the name of its process in the {@link Rig}. */
    static final Map<String, String> GATEWAY_PROCESSES = Map.of(GATEWAY, "gateway", GATEWAY_JWT, "gateway-jwt",
            GATEWAY_LIMITED, "gateway-rate-limited");
    static final List<String> GATEWAYS = List.of(GATEWAY, GATEWAY_JWT, GATEWAY_LIMITED);

    private final Rig rig;
    private final Settings settings;
    private final Wrk wrk;
    private final long movies;
    private final boolean untilJitSettles;

    /**
     * {@code untilJitSettles}: warm each JVM target until its JIT has settled ({@link Warmup}), as a run of this section
     * alone does; otherwise (the full run, which must end within its deadline) for {@code proxyWarmup} each.
     */
    GatewayOverhead(Rig rig, Settings settings, Wrk wrk, long movies, boolean untilJitSettles) {
        this.rig = rig;
        this.settings = settings;
        this.wrk = wrk;
        this.movies = movies;
        this.untilJitSettles = untilJitSettles;
    }

    /**
     * The environment of the gateway compared with nginx (laid over every function the suite starts): the split, no
     * rate limit (wrk sends everything from one loopback address, which the anonymous limit would refuse after a few
     * seconds, and nginx limits nothing either) and no token check on the legacy routes.
     */
    static Map<String, String> plainGateway() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GRADUAL_MIGRATION", "true");
        env.put("MOVIES_MIGRATION_PERCENT", Integer.toString(MOVIES_PERCENT));
        env.put("GATEWAY_RATE_LIMIT_ENABLED", "false");
        env.put("LEGACY_AUTH", "off");
        return env;
    }

    /** The same gateway requiring a token on the legacy routes, its keys fetched from {@code identity}. */
    static Map<String, String> jwtGateway(URI identity) {
        Map<String, String> env = plainGateway();
        env.put("LEGACY_AUTH", "required");
        env.put("IDENTITY_URL", identity.toString());
        return env;
    }

    /** The same gateway with its rate limiter on (buckets in the process) and limits far above the load. */
    static Map<String, String> limitedGateway() {
        Map<String, String> env = plainGateway();
        env.put("GATEWAY_RATE_LIMIT_ENABLED", "true");
        env.put("GATEWAY_RATE_LIMIT_STORE", "local");
        env.put("CINEMAABYSS_GATEWAY_RATELIMIT_ANONYMOUS_REQUESTS", Long.toString(FAR_ABOVE_LOAD));
        env.put("CINEMAABYSS_GATEWAY_RATELIMIT_USER_REQUESTS", Long.toString(FAR_ABOVE_LOAD));
        return env;
    }

    Section run() {
        try (BenchIdentity identity = BenchIdentity.start()) {
            rig.startWarmAs(GATEWAY_PROCESSES.get(GATEWAY_JWT), "gateway", jwtGateway(identity.url()));
            rig.startWarmAs(GATEWAY_PROCESSES.get(GATEWAY_LIMITED), "gateway", limitedGateway());
            // Valid for the whole run: the suite stops by itself at its deadline.
            List<String> tokens = BenchIdentity.oneUserPerSplitBucket().stream()
                    .map(user -> identity.token(user, BenchmarkSuite.LONGEST_RUN)).toList();
            String script = wrk.randomIdScript("movie-by-id", "/api/movies?id={id}", movies, tokens);
            Map<String, URI> gateways = new LinkedHashMap<>();
            GATEWAYS.forEach(gateway -> gateways.put(gateway, rig.warmUrlOf(GATEWAY_PROCESSES.get(gateway))));
            try (Nginx nginx = Nginx.start(rig.workDir.resolve("nginx"), FreePorts.pick(), rig.warmUrlOf("catalog"),
                    rig.warmUrlOf("monolith"), MOVIES_PERCENT)) {
                Map<String, URI> targets = new LinkedHashMap<>();
                targets.put(CATALOG, rig.warmUrlOf("catalog"));
                targets.put(MONOLITH, rig.warmUrlOf("monolith"));
                targets.putAll(gateways);
                targets.put(NGINX, nginx.url());
                List<Warmup.Warmed> warmed = new ArrayList<>();
                if (untilJitSettles) {
                    Map<String, FunctionProcess> jvms = new LinkedHashMap<>();
                    jvms.put(CATALOG, rig.warmProcess("catalog"));
                    jvms.put(MONOLITH, rig.warmProcess("monolith"));
                    GATEWAY_PROCESSES.forEach((gateway, process) -> jvms.put(gateway, rig.warmProcess(process)));
                    targets.forEach((name, url) -> {
                        if (jvms.containsKey(name)) {
                            warmed.add(Warmup.untilJitSettles(wrk, name, url, script, settings.connections(), jvms.get(name).pid()));
                        } else {
                            wrk.run(url, settings.connections(), settings.proxyWarmup(), script);
                        }
                    });
                } else {
                    Rounds.warmUp(wrk, targets, script, settings, settings.proxyWarmup());
                }
                Map<String, GatewayCounters> before = new LinkedHashMap<>();
                gateways.forEach((name, url) -> before.put(name, counters(url)));
                Rounds rounds = Rounds.measure(wrk, targets, script, settings);
                Map<String, GatewayCounters> counted = new LinkedHashMap<>();
                gateways.forEach((name, url) -> counted.put(name, counters(url).since(before.get(name))));
                return section(settings, movies, MOVIES_PERCENT, rig.manifestJvmOptions("gateway"), warmed, rounds, counted);
            }
        }
    }

    /** The section from what was measured: no figure in it comes from anywhere else. */
    static Section section(Settings settings, long movies, int percent, List<String> gatewayOptions, List<Warmup.Warmed> warmed,
                           Rounds rounds, Map<String, GatewayCounters> counted) {
        double share = percent / 100.0;
        Samples direct50 = rounds.weighted(CATALOG, share, MONOLITH, WrkResult::p50Millis);
        Samples direct99 = rounds.weighted(CATALOG, share, MONOLITH, WrkResult::p99Millis);
        Map<String, Samples> added50 = new LinkedHashMap<>();
        Map<String, Samples> added99 = new LinkedHashMap<>();
        for (String proxy : List.of(GATEWAY, GATEWAY_JWT, GATEWAY_LIMITED, NGINX)) {
            added50.put(proxy, rounds.of(proxy, WrkResult::p50Millis).minus(direct50));
            added99.put(proxy, rounds.of(proxy, WrkResult::p99Millis).minus(direct99));
        }
        Samples throughputRatio = throughput(rounds, GATEWAY, NGINX);
        Samples addedP99Ratio = positive(added99.get(GATEWAY)).over(positive(added99.get(NGINX)));
        Samples jwtThroughput = throughput(rounds, GATEWAY_JWT, GATEWAY);
        Samples jwtAdded50 = positive(added50.get(GATEWAY_JWT)).over(positive(added50.get(GATEWAY)));
        Samples jwtAdded99 = positive(added99.get(GATEWAY_JWT)).over(positive(added99.get(GATEWAY)));
        Samples limitedThroughput = throughput(rounds, GATEWAY_LIMITED, GATEWAY);
        Samples limitedAdded50 = positive(added50.get(GATEWAY_LIMITED)).over(positive(added50.get(GATEWAY)));
        Samples limitedAdded99 = positive(added99.get(GATEWAY_LIMITED)).over(positive(added99.get(GATEWAY)));

        Table added = new Table("added by the proxy, per round", "p50 ms", "p99 ms");
        added.row(GATEWAY, added50.get(GATEWAY).format("%.2f"), added99.get(GATEWAY).format("%.2f"));
        added.row(GATEWAY_JWT, added50.get(GATEWAY_JWT).format("%.2f"), added99.get(GATEWAY_JWT).format("%.2f"));
        added.row(GATEWAY_LIMITED, added50.get(GATEWAY_LIMITED).format("%.2f"), added99.get(GATEWAY_LIMITED).format("%.2f"));
        added.row("nginx", added50.get(NGINX).format("%.2f"), added99.get(NGINX).format("%.2f"));
        Table against = new Table("ratio, per round", "requests/s", "added p50", "added p99");
        against.row("our gateway / nginx", throughputRatio.format("%.2f") + "×",
                positive(added50.get(GATEWAY)).over(positive(added50.get(NGINX))).format("%.2f") + "×", addedP99Ratio.format("%.2f") + "×");
        against.row("**JWT required / the same gateway without**", jwtThroughput.format("%.2f") + "×", jwtAdded50.format("%.2f") + "×",
                jwtAdded99.format("%.2f") + "×");
        against.row("JWT required / nginx", throughput(rounds, GATEWAY_JWT, NGINX).format("%.2f") + "×",
                positive(added50.get(GATEWAY_JWT)).over(positive(added50.get(NGINX))).format("%.2f") + "×",
                positive(added99.get(GATEWAY_JWT)).over(positive(added99.get(NGINX))).format("%.2f") + "×");
        against.row("rate limit on / the same gateway without", limitedThroughput.format("%.2f") + "×",
                limitedAdded50.format("%.2f") + "×", limitedAdded99.format("%.2f") + "×");

        String markdown = """
                `wrk -t1 -c%d` for %d s per round, %d rounds after %s, against
                `GET /api/movies?id=N` with N drawn at random from the %d movies both sides hold. Every request to every
                target carries `Authorization: Bearer <token>`, an access token as identity issues them (RS256 with a
                %d-bit key generated for this run, header `kid` and `typ: at+jwt`, `roles: ["viewer"]`) for a user drawn at
                random per request from one per bucket of the gateway's sticky split, so all targets get the same bytes. Four proxies, each configured to send %d %%
                of the movie requests to the catalog and the rest to the monolith:

                - **%s**: the one compared with nginx, started with its rate limiter off (`GATEWAY_RATE_LIMIT_ENABLED=false`)
                  and `LEGACY_AUTH=off`, so it ignores the token and splits at random. nginx limits nothing and checks no
                  token either; and all of wrk's requests come from the one loopback address, which the gateway's anonymous
                  limit per address (`cinemaabyss.gateway.rate-limit.anonymous`) would start refusing within seconds.
                - **%s**: a second process of the same jar with `LEGACY_AUTH=required` and `IDENTITY_URL` pointing at a
                  JWKS the benchmark serves on loopback (the key's public half): it verifies each token (signature, issuer,
                  audience, expiry) before routing, a request without a valid one would be refused and fail the round, and
                  it splits by user, which with users from every bucket comes to the same share;
                  rate limiter off, so the difference to the first is the token check.
                - **%s**: one more process, as the first but with its limiter on (`local` store) at %,d requests a minute
                  per address and per user, far above the load: the limiter's own cost.
                - **nginx**: `split_clients "${request_id}"`.
                %s
                "Added" is computed round by round: the proxy's latency minus the direct latency in the same round, the
                direct one weighted by the configured split (catalog × %d %% + monolith × the rest); each cell is the
                median over the rounds with (min–max).

                %s
                %s
                Ratios of added latency are taken round by round too, an added latency below %.1f ms counted as %.1f ms so
                that they stay defined; when the baseline's added latency is near zero (or below: noise) such a ratio says
                little, read it with the added milliseconds above.

                %s
                %s

                Every process here shares this machine's CPUs (first line of the report), so what a gateway spends
                per request comes straight out of the backends' throughput, and the three gateways, idle while another
                target is measured, still hold memory. The gateways run with their manifest's JVM options (`%s`): Spring
                WebFlux on Reactor Netty, forwarding with Reactor Netty's HttpClient, bodies streamed.
                """.formatted(settings.connections(), settings.round().toSeconds(), settings.rounds(),
                warmupPhrase(settings, warmed), movies, BenchIdentity.KEY_BITS, percent,
                GATEWAY, GATEWAY_JWT, GATEWAY_LIMITED, FAR_ABOVE_LOAD, warmupDetails(settings, warmed), percent, rounds.table(), added,
                MIN_ADDED_MILLIS, MIN_ADDED_MILLIS, against, splitText(percent, counted, rounds),
                String.join(" ", gatewayOptions));
        return new Section("Gateway overhead", markdown, List.of(
                Figure.atLeast("gateway throughput / nginx throughput", throughputRatio, THROUGHPUT_AIM),
                Figure.atMost("gateway added p99 / nginx added p99", addedP99Ratio, ADDED_P99_AIM),
                Figure.informative("gateway throughput, JWT required / without", jwtThroughput),
                Figure.informative("gateway added p50, JWT required / without", jwtAdded50),
                Figure.informative("gateway added p99, JWT required / without", jwtAdded99),
                Figure.informative("gateway throughput, rate limit on / off", limitedThroughput),
                Figure.informative("gateway added p50, rate limit on / off", limitedAdded50)),
                warnings(percent, counted));
    }

    /** How the targets were warmed, in a phrase: a fixed time each, or each JVM until its JIT settled. */
    static String warmupPhrase(Settings settings, List<Warmup.Warmed> warmed) {
        return warmed.isEmpty()
                ? "a %d s warm-up of each target (a full run's; `--only gateway` warms each JVM until its JIT settles)"
                        .formatted(settings.proxyWarmup().toSeconds())
                : "each JVM target was warmed until its JIT had settled (below)";
    }

    /** For a warm-up until the JIT settled: the rule, and how each target's went; nothing for a fixed warm-up. */
    static String warmupDetails(Settings settings, List<Warmup.Warmed> warmed) {
        if (warmed.isEmpty()) {
            return "";
        }
        Table table = new Table("target", "seconds under load", "compiler threads' share of its CPU in the last step", "settled");
        warmed.forEach(target -> table.row(target.target(), target.underLoad().toSeconds(),
                String.format(Locale.ROOT, "%.1f %%", 100 * target.compilerShare()), target.settled() ? "yes" : "**no** (cap reached)"));
        return """

                Each JVM target was warmed under the same load until its JIT had settled: in steps of %d s until its C1
                and C2 compiler threads took at most %.0f %% of its CPU during a step (read per thread from /proc), at most
                %d s; nginx, which compiles nothing, %d s. A gateway pod serves for days: measured while C2 still compiles,
                it spends much of its CPU on compiling. Its start is the cold-start section's subject, not this one's.

                %s""".formatted(Warmup.STEP.toSeconds(), 100 * Warmup.SETTLED_SHARE, Warmup.CAP.toSeconds(),
                settings.proxyWarmup().toSeconds(), table);
    }

    private static Samples throughput(Rounds rounds, String target, String baseline) {
        return rounds.of(target, WrkResult::requestsPerSecond).over(rounds.of(baseline, WrkResult::requestsPerSecond));
    }

    /** One paragraph per gateway measured, in the order of {@link #GATEWAYS}. */
    static String splitText(int percent, Map<String, GatewayCounters> counted, Rounds rounds) {
        StringBuilder text = new StringBuilder("""
                Split each gateway achieved over the measured rounds, by its own counters (`gateway_requests_total`, \
                `gateway_fallbacks_total`, read before and after them):
                """);
        for (String gateway : GATEWAYS) {
            if (counted.containsKey(gateway)) {
                text.append("\n- ").append(gateway).append(": ").append(splitText(percent, counted.get(gateway), rounds.requests(gateway)));
            }
        }
        return text.append('\n').toString();
    }

    static String splitText(int percent, GatewayCounters counted, long wrkRequests) {
        return String.format(Locale.ROOT, """
                %.0f movie requests (wrk counted %d), %.0f to the catalog and %.0f to the monolith, so **%.1f %% to the \
                catalog against %d %% configured**; **%.0f fallbacks** to the monolith.""",
                counted.movies(), wrkRequests, counted.catalog(), counted.monolith(), counted.catalogPercent(), percent,
                counted.fallbacks());
    }

    /** {@link #warnings(int, GatewayCounters)} of every gateway, each but the first named. */
    static List<String> warnings(int percent, Map<String, GatewayCounters> counted) {
        List<String> warnings = new ArrayList<>();
        for (String gateway : GATEWAYS) {
            if (counted.containsKey(gateway)) {
                warnings(percent, counted.get(gateway)).forEach(warning ->
                        warnings.add(gateway.equals(GATEWAY) ? warning : gateway + ": " + warning));
            }
        }
        return warnings;
    }

    /** Flags a split off by more than the tolerance, any fallback, or no counted requests at all. */
    static List<String> warnings(int percent, GatewayCounters counted) {
        List<String> warnings = new ArrayList<>();
        if (counted.movies() == 0) {
            warnings.add("the gateway counted no movie requests while it was measured; its split is unknown");
        } else if (Math.abs(counted.catalogPercent() - percent) > tolerancePoints(percent, counted.movies())) {
            warnings.add(String.format(Locale.ROOT, "the gateway sent %.1f %% of movie requests to the catalog, configured %d %% "
                    + "(more than %.1f points off); the proxies did not do the same work", counted.catalogPercent(), percent,
                    tolerancePoints(percent, counted.movies())));
        }
        if (counted.fallbacks() > 0) {
            warnings.add(String.format(Locale.ROOT, "the gateway fell back to the monolith %.0f times while it was measured; "
                    + "its latency includes failed catalog calls", counted.fallbacks()));
        }
        return warnings;
    }

    /**
     * {@link #SPLIT_TOLERANCE_POINTS}, or three standard deviations of a random split of {@code requests} at
     * {@code percent} when that is wider: a short run's few requests miss the configured share by chance alone.
     */
    static double tolerancePoints(int percent, double requests) {
        double p = percent / 100.0;
        return Math.max(SPLIT_TOLERANCE_POINTS, 3 * 100 * Math.sqrt(p * (1 - p) / requests));
    }

    private static GatewayCounters counters(URI gateway) {
        URI url = gateway.resolve("/actuator/prometheus");
        HttpResponse<String> response = FunctionProcess.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return GatewayCounters.parse(response.body());
    }

    /** Added latency below the timer's resolution reads as {@link #MIN_ADDED_MILLIS}, so that a ratio stays defined. */
    private static Samples positive(Samples samples) {
        List<Double> values = new ArrayList<>();
        samples.values().forEach(value -> values.add(Math.max(MIN_ADDED_MILLIS, value)));
        return new Samples(values);
    }
}

package com.cinemaabyss.bench;

import com.cinemaabyss.local.FreePorts;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 1: {@code GET /api/movies?id=N} straight to the catalog and the monolith, through our gateway
 * and through nginx doing the same 50 % split, in interleaved rounds so that drift hits every target alike.
 */
final class GatewayOverhead {

    static final int MOVIES_PERCENT = 50;

    private final Rig rig;
    private final Settings settings;
    private final Wrk wrk;
    private final long movies;

    GatewayOverhead(Rig rig, Settings settings, Wrk wrk, long movies) {
        this.rig = rig;
        this.settings = settings;
        this.wrk = wrk;
        this.movies = movies;
    }

    Section run() {
        String script = wrk.randomIdScript("movie-by-id", "/api/movies?id={id}", movies);
        try (Nginx nginx = Nginx.start(rig.workDir.resolve("nginx"), FreePorts.pick(), rig.warmUrlOf("catalog"),
                rig.warmUrlOf("monolith"), MOVIES_PERCENT)) {
            Map<String, URI> targets = new LinkedHashMap<>();
            targets.put("catalog, direct", rig.warmUrlOf("catalog"));
            targets.put("monolith, direct", rig.warmUrlOf("monolith"));
            targets.put("our gateway", rig.warmUrlOf("gateway"));
            targets.put("nginx split_clients", nginx.url());
            Rounds rounds = Rounds.measure(wrk, targets, script, settings, settings.proxyWarmup());
            return report(rounds);
        }
    }

    private Section report(Rounds rounds) {
        Samples direct50 = rounds.mean("catalog, direct", "monolith, direct", WrkResult::p50Millis);
        Samples direct99 = rounds.mean("catalog, direct", "monolith, direct", WrkResult::p99Millis);
        Samples gatewayAdded50 = rounds.of("our gateway", WrkResult::p50Millis).minus(direct50);
        Samples nginxAdded50 = rounds.of("nginx split_clients", WrkResult::p50Millis).minus(direct50);
        Samples gatewayAdded99 = rounds.of("our gateway", WrkResult::p99Millis).minus(direct99);
        Samples nginxAdded99 = rounds.of("nginx split_clients", WrkResult::p99Millis).minus(direct99);
        Samples throughputRatio = rounds.of("our gateway", WrkResult::requestsPerSecond)
                .over(rounds.of("nginx split_clients", WrkResult::requestsPerSecond));
        Samples addedP99Ratio = positive(gatewayAdded99).over(positive(nginxAdded99));

        String markdown = """
                `wrk -t1 -c%d` for %d s per round, %d rounds after a %d s warm-up of each target, against
                `GET /api/movies?id=N` with N drawn at random from the %d movies both sides hold. Both proxies send
                %d %% of the (anonymous) requests to the catalog and the rest to the monolith; nginx does it
                with `split_clients "${request_id}"`, our gateway with its own random split. "Added" is the proxy's
                latency minus the mean of the two direct targets in the same round.

                %s
                | added by the proxy | p50 ms | p99 ms |
                | --- | --- | --- |
                | our gateway | %s | %s |
                | nginx | %s | %s |

                On two cores every process shares the same CPUs, so what the gateway spends per request comes
                straight out of the backends' throughput; nginx spends a small fraction of it. What was tried:
                a CPU profile (async-profiler, under this load) showed the JDK's HttpClient taking a third of the
                gateway's request-thread CPU, in hand-offs between its selector thread and the request's thread;
                forwarding with Apache HttpClient's classic client on the request's own virtual thread halved that
                share. The same profile showed the C2 compiler taking about half of all the gateway's CPU through
                its first minute, with no more throughput to show for it than C1 only, which the gateway's manifest
                now sets. Each of these left the ratio within its run-to-run spread (0.60–0.67×): platform threads
                instead of virtual threads, Jetty instead of Tomcat, and keep-alive connections that last 1,000
                requests (as nginx's do) instead of Tomcat's 100. What is left is Spring MVC's own per-request
                work and the socket I/O, paid on the same two cores as the backends.
                """.formatted(settings.connections(), settings.round().toSeconds(), settings.rounds(),
                settings.proxyWarmup().toSeconds(), movies, MOVIES_PERCENT, rounds.table(),
                gatewayAdded50.format("%.2f"), gatewayAdded99.format("%.2f"), nginxAdded50.format("%.2f"), nginxAdded99.format("%.2f"));
        return new Section("Gateway overhead", markdown, List.of(
                Figure.atLeast("gateway throughput / nginx throughput", throughputRatio, 0.8),
                Figure.atMost("gateway added p99 / nginx added p99", addedP99Ratio, 2.0)));
    }

    /** Added latency below the timer's resolution reads as 0.1 ms, so that a ratio stays defined. */
    private static Samples positive(Samples samples) {
        List<Double> values = new ArrayList<>();
        samples.values().forEach(value -> values.add(Math.max(0.1, value)));
        return new Samples(values);
    }
}

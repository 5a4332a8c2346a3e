package com.cinemaabyss.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KneeProbesTest {

    private static final List<ConcurrencyKnee.Probe> SPLIT = List.of("catalog", "monolith", "events", "gateway").stream()
            .map(function -> new ConcurrencyKnee.Probe(function, "GET /api/movies?id=N", URI.create("http://127.0.0.1:1"), null)).toList();

    @Test
    void onlyKneeMeasuresAllFourteenTheSplitFirst() {
        // The entries set nothing up until the section reaches them: no rig is needed to list them.
        List<ConcurrencyKnee.Entry> entries = BenchmarkSuite.kneeEntries(List.of("knee"), SPLIT, new KneeProbes(null, null, null));
        assertEquals(ConcurrencyKnee.FUNCTIONS, entries.stream().map(ConcurrencyKnee.Entry::function).toList());
        assertEquals(List.of("catalog", "monolith", "events", "gateway", "content", "identity", "discounts", "payments", "subscriptions",
                "profile", "recommendations", "notifications", "web-bff", "mobile-bff"), ConcurrencyKnee.FUNCTIONS);
        assertEquals(List.of(), BenchmarkSuite.kneeLeftOut(List.of("knee")));
    }

    @Test
    void theFullRunMeasuresTheSplitsFourAndNamesTheTenItLeavesOut() {
        List<ConcurrencyKnee.Entry> entries = BenchmarkSuite.kneeEntries(BenchmarkSuite.SECTIONS, SPLIT, new KneeProbes(null, null, null));
        assertEquals(List.of("catalog", "monolith", "events", "gateway"), entries.stream().map(ConcurrencyKnee.Entry::function).toList());
        List<ConcurrencyKnee.Missed> leftOut = BenchmarkSuite.kneeLeftOut(BenchmarkSuite.SECTIONS);
        assertEquals(KneeProbes.FUNCTIONS, leftOut.stream().map(ConcurrencyKnee.Missed::function).toList());
        assertTrue(leftOut.stream().allMatch(missed -> missed.reason().startsWith(ConcurrencyKnee.NOT_RUN_ON_PURPOSE)), leftOut.toString());
        // Left out on purpose: listed in the section, not flagged as a failure.
        ConcurrencyKnee.Staged staged = entries.getFirst().setUp().get();
        assertEquals(SPLIT.getFirst(), staged.probe());
    }

    @Test
    void onlyKneeHasItsOwnLongerDeadline() {
        assertEquals(BenchmarkSuite.KNEE_DEADLINE, BenchmarkSuite.deadline("knee"));
        assertTrue(BenchmarkSuite.KNEE_DEADLINE.compareTo(Duration.ofMinutes(15)) >= 0,
                "fourteen functions at 32 s each plus ten starts and set-ups need more than the full run's nine minutes");
        assertEquals(BenchmarkSuite.DEADLINE, BenchmarkSuite.deadline(null), "the full run keeps its nine minutes");
        assertEquals(BenchmarkSuite.SECTION_DEADLINE, BenchmarkSuite.deadline("gateway"), "another section alone");
    }

    @Test
    void theLoginScriptPostsOneOfTheBodiesAndATokenOnlyWhenThereAreTokens(@TempDir Path dir) throws Exception {
        Wrk wrk = new Wrk(dir);
        String logins = Files.readString(Path.of(wrk.randomPostScript("login", "/api/auth/login",
                List.of("{\"email\":\"a@b.c\",\"password\":\"p1\"}", "{\"email\":\"d@e.f\",\"password\":\"p2\"}"), List.of())));
        assertTrue(logins.contains("local bodies = { [[{\"email\":\"a@b.c\",\"password\":\"p1\"}]], [[{\"email\":\"d@e.f\",\"password\":\"p2\"}]] }"), logins);
        assertTrue(logins.contains("local tokens = {  }"), logins);
        assertTrue(logins.contains("if #tokens > 0 then"), logins);
        assertTrue(logins.contains("wrk.format(\"POST\", \"/api/auth/login\", headers, bodies[math.random(1, #bodies)])"), logins);

        String withTokens = Files.readString(Path.of(wrk.randomPostScript("q", "/api/v1/quotes", List.of("{}"), List.of("a.b.c"))));
        assertTrue(withTokens.contains("local tokens = { \"a.b.c\" }"), withTokens);
        assertThrows(IllegalArgumentException.class, () -> wrk.randomPostScript("x", "/x", List.of("{\"a\":\"]]\"}"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> wrk.randomPostScript("x", "/x", List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> wrk.randomPostScript("x", "/x", List.of("{}"), List.of("a\" .. os.exit() .. \"")));
    }

    @Test
    void paymentsGetsAProviderThatIsNeverCalledAndFreshSecrets() {
        Map<String, String> first = KneeProbes.paymentsEnv();
        Map<String, String> second = KneeProbes.paymentsEnv();
        assertEquals("http://127.0.0.1:1", first.get("PAYMENTS_PROVIDER_URL"), "loopback, nothing listens");
        assertFalse(first.get("PAYMENTS_PROVIDER_API_KEY").equals(second.get("PAYMENTS_PROVIDER_API_KEY")));
        assertFalse(first.get("PAYMENTS_PROVIDER_WEBHOOK_SECRET").isBlank());
    }

    @Test
    void eachFunctionStartedForItsProbeHasAProcessNameOfItsOwn() {
        // Not the section names ("recommendations", "web-bff"): those sections start processes under the plain names.
        assertEquals("recommendations-knee", KneeProbes.name("recommendations"));
        assertEquals(KneeProbes.FUNCTIONS.size(), KneeProbes.FUNCTIONS.stream().map(KneeProbes::name).distinct().count());
    }

    @Test
    void manifestAddressesBecomeLoopbackOnes() {
        java.util.function.UnaryOperator<String> running = function -> function.equals("profile") ? "http://127.0.0.1:40123" : "http://127.0.0.1:1";
        assertEquals("http://127.0.0.1:40123", Rig.localised("http://profile.cinemaabyss.svc.cluster.local", running));
        assertEquals("http://127.0.0.1:1", Rig.localised("http://identity.cinemaabyss.svc.cluster.local", running));
        // Zipkin in another namespace: no name to look up off this machine, the path kept.
        assertEquals("http://127.0.0.1:1/api/v2/spans", Rig.localised("http://zipkin.observability.svc.cluster.local:9411/api/v2/spans", running));
        assertEquals("http://127.0.0.1:1", Rig.localised("http://recommendation-engine.recommendations.svc.cluster.local", running));
        assertEquals("0.1", Rig.localised("0.1", running));
        assertEquals("127.0.0.1", KneeProbes.NOTIFICATIONS_ENV.get("SMTP_HOST"));
        assertEquals("http://127.0.0.1:1", KneeProbes.NOTIFICATIONS_ENV.get("SMS_PROVIDER_URL"));
    }
}

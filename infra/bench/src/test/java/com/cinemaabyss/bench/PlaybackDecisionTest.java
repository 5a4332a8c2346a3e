package com.cinemaabyss.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaybackDecisionTest {

    @Test
    void theHeadlineIsThePlaybackP99OverTheGetItemP99RoundByRound() {
        var measured = new PlaybackDecision.Measured(Samples.of(4, 5, 6), Samples.of(20, 30, 24), Samples.of(900, 800, 850),
                Samples.of(1, 1, 1), Samples.of(2, 3, 4), Samples.of(5000, 5100, 4900));
        Section section = PlaybackDecision.section(Settings.full(), measured, 123);
        Figure p99 = section.figures().getFirst();
        assertEquals("playback decision p99 / DynamoDB GetItem p99", p99.label());
        assertEquals(List.of(10.0, 10.0, 6.0), p99.ratio().values());
        assertEquals(List.of(4.0, 5.0, 6.0), section.figures().get(1).ratio().values());
        assertTrue(section.markdown().contains("| POST /api/v1/playback | 850 (800–900) | 5.00 (4.00–6.00) | 24.00 (20.00–30.00) |"), section.markdown());
        assertTrue(section.markdown().contains("(123 calls)"), section.markdown());
    }

    @Test
    void thePlaybackScriptSendsTheBodyTheHeadersAndOneOfTheTokens(@TempDir Path dir) throws Exception {
        Wrk wrk = new Wrk(dir);
        String script = Files.readString(Path.of(wrk.postScript("p", "/api/v1/playback", "{\"title_id\":1}", Map.of("X-Client-Country", "RU"),
                List.of("a.b.c", "d.e.f"))));
        assertTrue(script.contains("[\"X-Client-Country\"] = \"RU\""), script);
        assertTrue(script.contains("wrk.format(\"POST\", \"/api/v1/playback\", headers, [[{\"title_id\":1}]])"), script);
        assertTrue(script.contains("{ \"a.b.c\", \"d.e.f\" }"), script);
        assertThrows(IllegalArgumentException.class, () -> wrk.postScript("p", "/", "{}", Map.of("X", "\"]; os.exit()"), List.of("a.b.c")));
        assertThrows(IllegalArgumentException.class, () -> wrk.postScript("p", "/", "{}", Map.of(), List.of("not a token")));
    }
}

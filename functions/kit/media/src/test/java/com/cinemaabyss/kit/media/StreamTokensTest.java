package com.cinemaabyss.kit.media;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamTokensTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef-test";
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final URI ORIGIN = URI.create("http://127.0.0.1:8091/");

    private final StreamTokens tokens = new StreamTokens(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aSignedUrlOpensEveryFileOfItsAssetForItsUserUntilItExpires() {
        StreamTokens.Signed signed = tokens.sign(ORIGIN, "demo", 42, Duration.ofMinutes(5));
        assertEquals(NOW.plusSeconds(300), signed.expiresAt());
        assertTrue(signed.url().toString().startsWith("http://127.0.0.1:8091/hls/demo/master.m3u8?exp=" + NOW.plusSeconds(300).getEpochSecond() + "&uid=42&sig="),
                signed.url().toString());
        for (String file : new String[]{"master.m3u8", "360p.m3u8", "seg0.ts"}) {
            var valid = assertInstanceOf(StreamTokens.Verification.Valid.class, tokens.verify("/hls/demo/" + file, signed.query()));
            assertEquals("demo", valid.asset());
            assertEquals(42, valid.userId());
        }
        assertInstanceOf(StreamTokens.Verification.Valid.class, at(NOW.plusSeconds(299)).verify("/hls/demo/seg1.ts", signed.query()));
    }

    @Test
    void expiredAtItsExpiry() {
        String query = tokens.sign(ORIGIN, "demo", 42, Duration.ofMinutes(5)).query();
        assertEquals(new StreamTokens.Verification.Invalid("expired"), at(NOW.plusSeconds(300)).verify("/hls/demo/master.m3u8", query));
    }

    @Test
    void tamperingWithAnyPartBreaksIt() {
        String query = tokens.sign(ORIGIN, "demo", 42, Duration.ofMinutes(5)).query();
        long exp = NOW.plusSeconds(300).getEpochSecond();
        String sig = query.substring(query.indexOf("sig=") + 4);
        assertEquals(new StreamTokens.Verification.Invalid("bad signature"), tokens.verify("/hls/other/master.m3u8", query), "another asset");
        assertEquals(new StreamTokens.Verification.Invalid("bad signature"),
                tokens.verify("/hls/demo/master.m3u8", "exp=" + (exp + 3600) + "&uid=42&sig=" + sig), "a later expiry");
        assertEquals(new StreamTokens.Verification.Invalid("bad signature"),
                tokens.verify("/hls/demo/master.m3u8", "exp=" + exp + "&uid=43&sig=" + sig), "another user");
        char last = sig.charAt(sig.length() - 2);
        String flipped = sig.substring(0, sig.length() - 2) + (last == 'A' ? 'B' : 'A') + sig.charAt(sig.length() - 1);
        assertEquals(new StreamTokens.Verification.Invalid("bad signature"),
                tokens.verify("/hls/demo/master.m3u8", "exp=" + exp + "&uid=42&sig=" + flipped), "a changed signature");
        assertEquals(new StreamTokens.Verification.Invalid("bad signature"),
                new StreamTokens("another-secret-of-at-least-32-bytes!!", Clock.fixed(NOW, ZoneOffset.UTC)).verify("/hls/demo/master.m3u8", query),
                "another key");
    }

    @Test
    void missingOrMalformedTokensAndPathsAreRefused() {
        String query = tokens.sign(ORIGIN, "demo", 42, Duration.ofMinutes(5)).query();
        assertEquals(new StreamTokens.Verification.Invalid("missing token"), tokens.verify("/hls/demo/master.m3u8", null));
        assertEquals(new StreamTokens.Verification.Invalid("missing token"), tokens.verify("/hls/demo/master.m3u8", ""));
        for (String bad : new String[]{"exp=1&uid=42", query + "&x=1", query + "&sig=abc", "exp=-1&uid=42&sig=aa", "exp=1&uid=0&sig=aa",
                "exp=1&uid=99999999999999999999&sig=aa", "exp=1&uid=42&sig=%%%", "exp=1&uid=4 2&sig=aa", "=&&"}) {
            assertInstanceOf(StreamTokens.Verification.Invalid.class, tokens.verify("/hls/demo/master.m3u8", bad), bad);
        }
        for (String path : new String[]{"/hls/demo/../other/master.m3u8", "/hls/demo/", "/hls/demo", "/hls/Demo/master.m3u8",
                "/hls/demo/sub/seg0.ts", "/other/demo/master.m3u8", "/hls/demo/master.m3u8.exe", "/hls//master.m3u8"}) {
            assertEquals(new StreamTokens.Verification.Invalid("not a stream path"), tokens.verify(path, query), path);
        }
    }

    @Test
    void keysAndAssetsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new StreamTokens("short", Clock.systemUTC()));
        assertThrows(IllegalArgumentException.class, () -> new StreamTokens(null, Clock.systemUTC()));
        assertThrows(IllegalArgumentException.class, () -> tokens.sign(ORIGIN, "../etc", 42, Duration.ofMinutes(5)));
        assertThrows(IllegalArgumentException.class, () -> tokens.sign(ORIGIN, "demo", 0, Duration.ofMinutes(5)));
    }

    private static StreamTokens at(Instant now) {
        return new StreamTokens(KEY, Clock.fixed(now, ZoneOffset.UTC));
    }
}

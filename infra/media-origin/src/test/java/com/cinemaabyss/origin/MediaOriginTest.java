package com.cinemaabyss.origin;

import com.cinemaabyss.kit.media.StreamTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The origin on a free port: the stream for a signed URL, followed as a player follows it; 403 for anything else. */
class MediaOriginTest {

    private static final String KEY = "media-origin-test-key-of-32-bytes-at-least";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static MediaOrigin origin;
    private static final StreamTokens TOKENS = new StreamTokens(KEY, Clock.systemUTC());

    @BeforeAll
    static void start() {
        origin = MediaOrigin.start(new OriginSettings(0, KEY), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        origin.close();
    }

    @Test
    void aSignedUrlPlaysThroughTheVariantToEverySegment() {
        URI master = TOKENS.sign(origin.url(), "demo", 7, Duration.ofMinutes(5)).url();
        HttpResponse<String> answer = get(master);
        assertEquals(200, answer.statusCode());
        assertEquals("application/vnd.apple.mpegurl", answer.headers().firstValue("Content-Type").orElseThrow());
        String query = master.getRawQuery();
        assertTrue(answer.body().startsWith("#EXTM3U\n"), answer.body());
        assertTrue(answer.body().contains("\n144p.m3u8?" + query + "\n"), "the variant carries the token: " + answer.body());
        assertTrue(answer.body().contains("RESOLUTION=256x144,CODECS=\"avc1.42c01e\""), answer.body());

        HttpResponse<String> media = get(master.resolve("144p.m3u8?" + query));
        assertEquals(200, media.statusCode());
        List<String> segments = media.body().lines().filter(line -> !line.startsWith("#")).toList();
        assertEquals(DemoStream.SEGMENTS, segments.size(), "ten minutes in four-second segments");
        assertEquals(List.of("seg0.ts?" + query, "seg1.ts?" + query), segments.subList(0, 2));
        assertEquals("seg149.ts?" + query, segments.getLast());
        assertTrue(media.body().contains("#EXT-X-ENDLIST"));
        for (String segment : List.of(segments.getFirst(), segments.get(1), segments.getLast())) {
            HttpResponse<byte[]> ts = getBytes(master.resolve(segment));
            assertEquals(200, ts.statusCode());
            assertEquals("video/mp2t", ts.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(0, ts.body().length % 188, "whole transport packets");
            for (int i = 0; i < ts.body().length; i += 188) {
                assertEquals(0x47, ts.body()[i], "sync byte of packet " + i / 188);
            }
        }
    }

    @Test
    void tamperedExpiredOtherAssetOrMissingTokensAre403() {
        URI master = TOKENS.sign(origin.url(), "demo", 7, Duration.ofMinutes(5)).url();
        String query = master.getRawQuery();
        assertEquals(403, get(origin.url().resolve("/hls/demo/master.m3u8")).statusCode(), "no token");
        assertEquals(403, get(origin.url().resolve("/hls/demo/seg0.ts?" + query.replace("uid=7", "uid=8"))).statusCode(), "another user");
        assertEquals(403, get(origin.url().resolve("/hls/other/master.m3u8?" + query)).statusCode(), "another asset's path");
        String sig = query.substring(query.indexOf("sig=") + 4);
        assertEquals(403, get(origin.url().resolve("/hls/demo/seg0.ts?" + query.replace(sig, new StringBuilder(sig).reverse()))).statusCode(), "tampered");
        StreamTokens past = new StreamTokens(KEY, Clock.fixed(Instant.now().minusSeconds(600), ZoneOffset.UTC));
        HttpResponse<String> expired = get(past.sign(origin.url(), "demo", 7, Duration.ofMinutes(5)).url());
        assertEquals(403, expired.statusCode(), "expired five minutes ago");
        assertTrue(expired.body().startsWith("{\"error\":"), expired.body());
        StreamTokens otherKey = new StreamTokens("another-key-another-key-another-key!", Clock.systemUTC());
        assertEquals(403, get(otherKey.sign(origin.url(), "demo", 7, Duration.ofMinutes(5)).url()).statusCode(), "signed with another key");
    }

    @Test
    void aValidTokenForAnAssetTheOriginLacksIs404AndEverythingElseIsRefused() {
        assertEquals(404, get(TOKENS.sign(origin.url(), "nothing-here", 7, Duration.ofMinutes(5)).url()).statusCode());
        String query = TOKENS.sign(origin.url(), "demo", 7, Duration.ofMinutes(5)).url().getRawQuery();
        assertEquals(404, get(origin.url().resolve("/hls/demo/seg150.ts?" + query)).statusCode());
        assertEquals(404, get(origin.url().resolve("/hls/demo/seg01.ts?" + query)).statusCode());
        assertEquals(404, get(origin.url().resolve("/hls/demo/seg99999999999.ts?" + query)).statusCode());
        assertEquals(404, get(origin.url().resolve("/etc/passwd")).statusCode());
        assertEquals(405, HTTP.sendAsync(HttpRequest.newBuilder(origin.url().resolve("/hls/demo/master.m3u8?" + query))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).join().statusCode());
        assertEquals(200, get(origin.url().resolve("/health")).statusCode());
    }

    @Test
    void onlyTheConfiguredWebOriginsMayReadTheStreamFromAPage() {
        URI master = TOKENS.sign(origin.url(), "demo", 7, Duration.ofMinutes(5)).url();
        HttpResponse<String> allowed = get(master, "Origin", "http://127.0.0.1:8000");
        assertEquals(200, allowed.statusCode());
        assertEquals("http://127.0.0.1:8000", allowed.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        assertEquals("Origin", allowed.headers().firstValue("Vary").orElseThrow());
        HttpResponse<String> refusedToken = get(origin.url().resolve("/hls/demo/master.m3u8"), "Origin", "http://localhost:8000");
        assertEquals(403, refusedToken.statusCode());
        assertEquals("http://localhost:8000", refusedToken.headers().firstValue("Access-Control-Allow-Origin").orElseThrow(),
                "the page may read why it was refused");

        HttpResponse<String> other = get(master, "Origin", "http://evil.example");
        assertEquals(200, other.statusCode(), "not the origin's business to refuse: the browser withholds the answer");
        assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), other.headers().map().toString());
        assertTrue(get(master, "Origin", "http://127.0.0.1:8001").headers().firstValue("Access-Control-Allow-Origin").isEmpty(),
                "another port is another origin");

        HttpResponse<String> preflight = send(HttpRequest.newBuilder(master).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://127.0.0.1:8000").header("Access-Control-Request-Method", "GET"));
        assertEquals(204, preflight.statusCode());
        assertEquals("GET, HEAD", preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow());
        assertEquals(403, send(HttpRequest.newBuilder(master).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://evil.example")).statusCode());
    }

    @Test
    void allowedOriginsAreExactOriginsNeverAWildcardOrAPath() {
        assertEquals(java.util.List.of("http://127.0.0.1:4000", "https://watch.example.com"), OriginSettings.fromEnv(java.util.Map.of(
                "MEDIA_SIGNING_KEY", KEY, "ORIGIN_ALLOWED_ORIGINS", " http://127.0.0.1:4000, https://watch.example.com ,")).allowedOrigins());
        assertEquals(OriginSettings.DEFAULT_ALLOWED_ORIGINS, OriginSettings.fromEnv(java.util.Map.of("MEDIA_SIGNING_KEY", KEY)).allowedOrigins());
        for (String bad : java.util.List.of("*", "http://127.0.0.1:8000/", "127.0.0.1:8000", "ftp://host", "http://a b")) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new OriginSettings(0, KEY, java.util.List.of(bad)), bad);
        }
    }

    @Test
    void theSegmentsAreTheSameBytesEveryTimeWithValidPsiChecksums() {
        assertArrayEquals(DemoStream.segment(1), DemoStream.segment(1));
        byte[] segment = DemoStream.segment(0);
        // A PSI section followed by its CRC32/MPEG-2 has a CRC of 0 (the property demuxers check).
        byte[] pat = java.util.Arrays.copyOfRange(segment, 5, 5 + 12 + 4);
        assertEquals(0, DemoStream.crc32Mpeg2(pat));
        byte[] pmt = java.util.Arrays.copyOfRange(segment, 188 + 5, 188 + 5 + 17 + 4);
        assertEquals(0, DemoStream.crc32Mpeg2(pmt));
    }

    private static HttpResponse<String> get(URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).join();
    }

    private static HttpResponse<byte[]> getBytes(URI uri) {
        return HTTP.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray()).join();
    }
}

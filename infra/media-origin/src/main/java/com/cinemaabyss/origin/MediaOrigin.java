package com.cinemaabyss.origin;

import com.cinemaabyss.kit.media.StreamTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * The local media origin, a CDN stand-in: {@code GET /hls/<asset>/<file>?exp=..&uid=..&sig=..} answers the file only
 * when the token is valid for that asset ({@link StreamTokens}); missing, tampered, expired or another asset's token:
 * 403. Playlists are answered with every URI in them carrying the same token (it covers the asset's whole prefix),
 * so a player follows the variant and the segments without signing anything itself. {@code GET /health} needs no token.
 * A page from one of the configured web origins may read the answers (CORS, so the web client's player can fetch the
 * stream from this other port); any other page's {@code Origin} gets no CORS headers, and its browser withholds them.
 */
public final class MediaOrigin implements AutoCloseable {

    private static final String PLAYLIST = "application/vnd.apple.mpegurl";

    private final HttpServer server;
    private final StreamTokens tokens;
    private final DemoStream stream = new DemoStream();
    private final Set<String> allowedOrigins;

    private MediaOrigin(OriginSettings settings, Clock clock) throws IOException {
        this.tokens = new StreamTokens(settings.signingKey(), clock);
        this.allowedOrigins = Set.copyOf(settings.allowedOrigins());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public static MediaOrigin start(OriginSettings settings, Clock clock) {
        try {
            return new MediaOrigin(settings, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath();
            boolean crossOrigin = allowCrossOrigin(exchange);
            if ("OPTIONS".equals(method)) {
                preflight(exchange, crossOrigin);
                return;
            }
            if ("/health".equals(path) && "GET".equals(method)) {
                respond(exchange, 200, "application/json", "{\"status\":true}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD, OPTIONS");
                error(exchange, 405, "method " + (method.length() > 16 ? "" : method) + " is not allowed here; allowed: GET, HEAD, OPTIONS");
                return;
            }
            if (StreamTokens.assetOf(path).isEmpty()) {
                error(exchange, 404, "no such stream file");
                return;
            }
            String query = uri.getRawQuery();
            if (!(tokens.verify(path, query) instanceof StreamTokens.Verification.Valid valid)) {
                // The reason stays in the origin: a forger learns only that the URL is not valid.
                error(exchange, 403, "this stream URL is not valid (missing, tampered with or expired): ask for playback again");
                return;
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            Optional<byte[]> file = stream.file(valid.asset(), name);
            if (file.isEmpty()) {
                error(exchange, 404, "no such stream file");
                return;
            }
            exchange.getResponseHeaders().set("Cache-Control", "private, max-age=60");
            if (name.endsWith(".m3u8")) {
                respond(exchange, 200, PLAYLIST, withToken(file.get(), query));
            } else {
                respond(exchange, 200, "video/mp2t", file.get());
            }
        } catch (RuntimeException e) {
            error(exchange, 500, "internal error");
        }
    }

    /**
     * Adds the CORS headers when the request's {@code Origin} is one of the allowed ones (exactly, never a wildcard);
     * {@code Vary: Origin} always, so a cache does not hand one page's answer to another.
     */
    private boolean allowCrossOrigin(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Vary", "Origin");
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin == null || !allowedOrigins.contains(origin)) {
            return false;
        }
        exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
        return true;
    }

    /** A browser's preflight: 204 naming what a page may do when its origin is allowed, 403 otherwise. */
    private static void preflight(HttpExchange exchange, boolean allowed) throws IOException {
        if (!allowed) {
            error(exchange, 403, "this origin may not read streams from here");
            return;
        }
        exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, HEAD");
        // hls.js may ask for byte ranges; nothing else a player sends needs allowing.
        exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "Range");
        exchange.getResponseHeaders().set("Access-Control-Max-Age", "600");
        exchange.sendResponseHeaders(204, -1);
    }

    /** The playlist with the request's token on each URI line (the lines that are not tags or blank). */
    static byte[] withToken(byte[] playlist, String query) {
        StringBuilder out = new StringBuilder();
        for (String line : new String(playlist, StandardCharsets.US_ASCII).split("\n")) {
            out.append(line.isBlank() || line.startsWith("#") ? line : line + "?" + query).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        respond(exchange, status, "application/json", ("{\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static void main(String[] args) throws InterruptedException {
        MediaOrigin origin = start(OriginSettings.fromEnv(System.getenv()), Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            origin.close();
            stopped.countDown();
        }));
        System.out.println("Media origin on " + origin.url());
        stopped.await();
    }
}

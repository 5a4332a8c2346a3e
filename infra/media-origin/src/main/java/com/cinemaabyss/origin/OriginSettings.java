package com.cinemaabyss.origin;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the origin runs: its port (on 127.0.0.1 only), the secret it verifies stream tokens with (content signs with it)
 * and the web origins whose pages may read the stream (CORS: the web client's player fetches it from another port).
 */
public record OriginSettings(int port, String signingKey, List<String> allowedOrigins) {

    public static final int DEFAULT_PORT = 8091;
    /** The web client served through the gateway on its local port. */
    public static final List<String> DEFAULT_ALLOWED_ORIGINS = List.of("http://127.0.0.1:8000", "http://localhost:8000");
    static final int MAX_ALLOWED_ORIGINS = 20;
    /** A serialized origin: scheme, host, optional port; no path, no wildcard (a "*" would let any page read streams). */
    private static final Pattern ORIGIN = Pattern.compile("^https?://[a-z0-9.-]{1,253}(:[0-9]{1,5})?$");

    public OriginSettings {
        if (signingKey == null || signingKey.isBlank()) {
            throw new IllegalArgumentException("the media origin needs MEDIA_SIGNING_KEY");
        }
        allowedOrigins = List.copyOf(allowedOrigins);
        if (allowedOrigins.size() > MAX_ALLOWED_ORIGINS) {
            throw new IllegalArgumentException("ORIGIN_ALLOWED_ORIGINS names more than " + MAX_ALLOWED_ORIGINS + " origins");
        }
        for (String origin : allowedOrigins) {
            if (!ORIGIN.matcher(origin).matches() || URI.create(origin).getHost() == null) {
                throw new IllegalArgumentException("ORIGIN_ALLOWED_ORIGINS: '" + origin + "' is not an origin like http://127.0.0.1:8000");
            }
        }
    }

    public OriginSettings(int port, String signingKey) {
        this(port, signingKey, DEFAULT_ALLOWED_ORIGINS);
    }

    /** From the environment the local platform sets: ORIGIN_PORT, MEDIA_SIGNING_KEY, ORIGIN_ALLOWED_ORIGINS (comma-separated). */
    public static OriginSettings fromEnv(Map<String, String> env) {
        String origins = env.get("ORIGIN_ALLOWED_ORIGINS");
        List<String> allowed = origins == null ? DEFAULT_ALLOWED_ORIGINS
                : Arrays.stream(origins.split(",")).map(String::strip).filter(origin -> !origin.isEmpty()).toList();
        return new OriginSettings(Integer.parseInt(env.getOrDefault("ORIGIN_PORT", Integer.toString(DEFAULT_PORT))),
                env.get("MEDIA_SIGNING_KEY"), allowed);
    }
}

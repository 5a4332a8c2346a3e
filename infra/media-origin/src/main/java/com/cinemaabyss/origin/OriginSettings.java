package com.cinemaabyss.origin;

import java.util.Map;

/** How the origin runs: its port (on 127.0.0.1 only) and the secret it verifies stream tokens with (content signs with it). */
public record OriginSettings(int port, String signingKey) {

    public static final int DEFAULT_PORT = 8091;

    public OriginSettings {
        if (signingKey == null || signingKey.isBlank()) {
            throw new IllegalArgumentException("the media origin needs MEDIA_SIGNING_KEY");
        }
    }

    /** From the environment the local platform sets: ORIGIN_PORT, MEDIA_SIGNING_KEY. */
    public static OriginSettings fromEnv(Map<String, String> env) {
        return new OriginSettings(Integer.parseInt(env.getOrDefault("ORIGIN_PORT", Integer.toString(DEFAULT_PORT))), env.get("MEDIA_SIGNING_KEY"));
    }
}

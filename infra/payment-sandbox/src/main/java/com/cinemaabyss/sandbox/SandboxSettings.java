package com.cinemaabyss.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a sandbox runs: its port (on 127.0.0.1 only), the API key callers must present, the secret its webhooks are
 * signed with, where the webhooks go, how long {@code tok_delayed} takes, and the pauses between webhook attempts
 * (a delivery answered with anything but 2xx is tried again after each of them, then given up).
 */
public record SandboxSettings(int port, String apiKey, String webhookSecret, URI webhookUrl, Duration delayedBy,
                              List<Duration> webhookRetries) {

    public static final int DEFAULT_PORT = 8090;

    public SandboxSettings {
        if (apiKey == null || apiKey.isBlank() || webhookSecret == null || webhookSecret.isBlank()) {
            throw new IllegalArgumentException("the sandbox needs an API key and a webhook secret");
        }
        webhookRetries = List.copyOf(webhookRetries);
    }

    /** For tests: a free port, no webhook URL yet (set it once the receiver listens), short delays. */
    public static SandboxSettings forTests(String apiKey, String webhookSecret) {
        return new SandboxSettings(0, apiKey, webhookSecret, null, Duration.ofSeconds(2),
                List.of(Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    /** From the environment the local platform sets: SANDBOX_PORT, SANDBOX_API_KEY, SANDBOX_WEBHOOK_SECRET, SANDBOX_WEBHOOK_URL. */
    public static SandboxSettings fromEnv(Map<String, String> env) {
        String url = env.getOrDefault("SANDBOX_WEBHOOK_URL", "");
        return new SandboxSettings(Integer.parseInt(env.getOrDefault("SANDBOX_PORT", Integer.toString(DEFAULT_PORT))),
                env.get("SANDBOX_API_KEY"), env.get("SANDBOX_WEBHOOK_SECRET"), url.isBlank() ? null : URI.create(url),
                Duration.ofSeconds(3),
                List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                        Duration.ofSeconds(16), Duration.ofSeconds(32)));
    }
}

package com.cinemaabyss.platform;

import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.local.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole platform as {@code infra/bin/run} starts it, once per test JVM for every end-to-end test class (starting it
 * takes most of a minute); stopped when the JVM exits.
 */
final class E2EPlatform {

    static final int USER_LIMIT = 120;
    static final Duration ACCESS_TTL = Duration.ofSeconds(8);
    static final String ADMIN_EMAIL = "operator@cinemaabyss.test";
    static final String ADMIN_PASSWORD = "the operators' own passphrase";
    /** Subscriptions a test makes park an event on purpose (WatchingE2EIT's malformed provider feed item). */
    static final Set<String> PARKS_ON_PURPOSE = Set.of("provider-feed-to-catalog");

    private static LocalPlatform platform;

    private E2EPlatform() {
    }

    static synchronized LocalPlatform platform() {
        if (platform == null) {
            platform = start();
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "e2e-platform-stop"));
        }
        return platform;
    }

    static TestHttp gateway() {
        return new TestHttp(platform().url("gateway").toString());
    }

    private static LocalPlatform start() {
        Path root = PlatformOptions.findRoot(Path.of("").toAbsolutePath());
        // The reactor builds every jar before this module. Run on its own, this module may find them missing: that is
        // a failure to say loudly, never a reason to pass without testing anything.
        for (ServiceSpec spec : KnativeWiring.load(root.resolve("knative")).services()) {
            assertTrue(Files.isRegularFile(root.resolve(spec.jarPath())),
                    spec.jarPath() + " is not built: run infra/bin/test (or mvn -DskipTests package) from the repository root first");
        }
        Map<String, Integer> ports = new HashMap<>();
        for (ServiceSpec spec : KnativeWiring.load(root.resolve("knative")).services()) {
            ports.put(spec.name(), FreePorts.pick());
        }
        for (String helper : List.of(LocalPlatform.SANDBOX, LocalPlatform.ORIGIN, LocalPlatform.ENGINE, LocalPlatform.NOTIFY_SANDBOX, LocalPlatform.MAIL_SMTP, LocalPlatform.MAIL_IMAP,
                LocalPlatform.BRIDGE_METRICS, LocalZipkin.NAME)) {
            ports.put(helper, FreePorts.pick());
        }
        try {
            return LocalPlatform.start(new PlatformOptions(root, Files.createTempDirectory("cinemaabyss-e2e"), true, true,
                    FreePorts.pick(), FreePorts.pick(), ports, env(), false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(sharedEnv());
        // The BFFs' budgets are for a function answering in milliseconds; here a dozen JVMs share two cores, and a
        // journey asserts whole screens (the degraded path has its own tests, with stand-ins of the functions).
        for (String dependency : List.of("identity", "profile", "subscriptions", "catalog", "content", "discounts", "payments",
                "notifications", "recommendations")) {
            env.put("CINEMAABYSS_BFF_DEPENDENCIES_" + dependency.toUpperCase(java.util.Locale.ROOT) + "_TIMEOUT", "5s");
        }
        return env;
    }

    private static Map<String, String> sharedEnv() {
        return Map.ofEntries(
                Map.entry("GRADUAL_MIGRATION", "true"),
                Map.entry("MOVIES_MIGRATION_PERCENT", "0"),
                // Every request here comes from 127.0.0.1: the per-address limits would meet the test's own volume, so
                // only the per-user limit stays low enough to be reached on purpose.
                Map.entry("CINEMAABYSS_GATEWAY_RATELIMIT_ANONYMOUS_REQUESTS", "1000000"),
                Map.entry("CINEMAABYSS_GATEWAY_RATELIMIT_AUTH_REQUESTS", "1000000"),
                Map.entry("CINEMAABYSS_GATEWAY_RATELIMIT_USER_REQUESTS", Integer.toString(USER_LIMIT)),
                // Access tokens that expire within the test, checked without the usual leeway.
                Map.entry("CINEMAABYSS_IDENTITY_TOKENS_ACCESSTTL", ACCESS_TTL.toSeconds() + "s"),
                Map.entry("CINEMAABYSS_GATEWAY_AUTH_CLOCKSKEW", "0s"),
                // The journeys sign up and sign in a few hundred times on two cores: a cheap Argon2id cost keeps that
                // from being most of the run. The production cost is measured and set in identity's application.yaml.
                Map.entry("CINEMAABYSS_IDENTITY_ARGON2_MEMORYKIB", "1024"),
                Map.entry("CINEMAABYSS_IDENTITY_ARGON2_ITERATIONS", "1"),
                // A second loopback address stands for a viewer abroad (WatchingE2EIT).
                Map.entry("EDGE_COUNTRY_RANGES", WatchingE2EIT.GERMAN_CLIENT + "/32=DE"),
                Map.entry("IDENTITY_BOOTSTRAP_ADMIN_EMAIL", ADMIN_EMAIL),
                Map.entry("IDENTITY_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD));
    }
}

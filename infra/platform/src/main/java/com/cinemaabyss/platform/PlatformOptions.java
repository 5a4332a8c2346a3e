package com.cinemaabyss.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How to run the local platform. Service ports default to the manifests' {@code cinemaabyss.io/local-port}
 * annotations, Kafka to 9092 and DynamoDB Local to 8001; tests pick free ones instead. {@code env} is laid over
 * every service's environment last.
 */
public record PlatformOptions(Path root, Path dataDir, boolean fresh, boolean seed, int kafkaPort, int dynamoPort,
                              Map<String, Integer> servicePorts, Map<String, String> env, boolean echoServiceOutput,
                              Duration pingInterval, boolean observe) {

    public static final int KAFKA_PORT = 9092;
    public static final int DYNAMODB_PORT = 8001;
    /** Fires every PingSource at this fixed interval instead of its cron: CINEMAABYSS_PING_INTERVAL=2s. */
    static final String PING_INTERVAL = "CINEMAABYSS_PING_INTERVAL";
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    /** Launcher environment variables handed on to the services, over what their manifests say. */
    static final List<String> PASSED_THROUGH = List.of("GRADUAL_MIGRATION", "MOVIES_MIGRATION_PERCENT", "GATEWAY_ADMIN_TOKEN",
            "RECOMMENDATION_ENGINE_URL");

    static final String USAGE = """
            usage: infra/bin/run [--fresh] [--data-dir DIR] [--no-seed] [--observe] [--kafka-port N] [--dynamodb-port N] [--root DIR]
              --fresh            wipe the data folder first (Kafka log, DynamoDB tables, logs)
              --data-dir DIR     where data and service logs live (default: <repo>/.local-data)
              --no-seed          do not create the demo users, movies, payment and subscription
              --observe          also run Prometheus on 127.0.0.1:9090, scraping every function and the eventing bridge
                                 (127.0.0.1:9464/metrics), with the chart's alerting rules loaded
              --kafka-port N     Kafka broker port (default 9092, or $LOCAL_KAFKA_PORT)
              --dynamodb-port N  DynamoDB Local port (default 8001, or $LOCAL_DYNAMODB_PORT)
              --root DIR         the CinemaAbyss checkout (default: found upwards from the working folder)
            GRADUAL_MIGRATION, MOVIES_MIGRATION_PERCENT and GATEWAY_ADMIN_TOKEN, when set, override the manifests.
            CINEMAABYSS_PING_INTERVAL (e.g. 2s) fires the PingSources of knative/eventing at that interval instead of their cron.""";

    public PlatformOptions {
        servicePorts = Map.copyOf(servicePorts);
        env = Map.copyOf(env);
    }

    /** Every PingSource on its own cron. */
    public PlatformOptions(Path root, Path dataDir, boolean fresh, boolean seed, int kafkaPort, int dynamoPort,
                           Map<String, Integer> servicePorts, Map<String, String> env, boolean echoServiceOutput) {
        this(root, dataDir, fresh, seed, kafkaPort, dynamoPort, servicePorts, env, echoServiceOutput, null, false);
    }

    public static PlatformOptions defaults(Path root) {
        return new PlatformOptions(root, root.resolve(".local-data"), false, true, KAFKA_PORT, DYNAMODB_PORT, Map.of(), Map.of(), true, null, false);
    }

    /** The same options with every PingSource firing at a fixed {@code interval} instead of its cron (tests). */
    public PlatformOptions withPingInterval(Duration interval) {
        return new PlatformOptions(root, dataDir, fresh, seed, kafkaPort, dynamoPort, servicePorts, env, echoServiceOutput, interval, observe);
    }

    /**
     * A duration as CINEMAABYSS_PING_INTERVAL takes it: a number with ms, s, m or h ("2s"), or ISO-8601 ("PT2S"); positive.
     */
    static Duration interval(String value) {
        Matcher simple = SIMPLE_DURATION.matcher(value.strip());
        Duration interval;
        try {
            interval = simple.matches()
                    ? Duration.of(Long.parseLong(simple.group(1)), switch (simple.group(2)) {
                        case "ms" -> ChronoUnit.MILLIS;
                        case "s" -> ChronoUnit.SECONDS;
                        case "m" -> ChronoUnit.MINUTES;
                        default -> ChronoUnit.HOURS;
                    })
                    : Duration.parse(value.strip());
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(PING_INTERVAL + " is not a duration (2s, 500ms, PT1M): " + value);
        }
        if (!interval.isPositive()) {
            throw new IllegalArgumentException(PING_INTERVAL + " must be positive: " + value);
        }
        return interval;
    }

    /** Parses the command line; {@code environment} is the launcher's own (System.getenv() outside tests). */
    public static PlatformOptions fromArgs(String[] args, Map<String, String> environment) {
        Path root = null;
        Path dataDir = null;
        boolean fresh = false;
        boolean seed = true;
        boolean observe = false;
        int kafkaPort = port("LOCAL_KAFKA_PORT", environment.getOrDefault("LOCAL_KAFKA_PORT", String.valueOf(KAFKA_PORT)));
        int dynamoPort = port("LOCAL_DYNAMODB_PORT", environment.getOrDefault("LOCAL_DYNAMODB_PORT", String.valueOf(DYNAMODB_PORT)));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--root" -> root = Path.of(value(args, ++i, arg));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--fresh" -> fresh = true;
                case "--no-seed" -> seed = false;
                case "--observe" -> observe = true;
                case "--kafka-port" -> kafkaPort = port(arg, value(args, ++i, arg));
                case "--dynamodb-port" -> dynamoPort = port(arg, value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        Path resolvedRoot = (root != null ? root : findRoot(Path.of("").toAbsolutePath())).toAbsolutePath().normalize();
        Map<String, String> passed = new HashMap<>();
        for (String name : PASSED_THROUGH) {
            if (environment.get(name) != null) {
                passed.put(name, environment.get(name));
            }
        }
        Duration pingInterval = environment.get(PING_INTERVAL) == null ? null : interval(environment.get(PING_INTERVAL));
        return new PlatformOptions(resolvedRoot, dataDir != null ? dataDir.toAbsolutePath() : resolvedRoot.resolve(".local-data"),
                fresh, seed, kafkaPort, dynamoPort, Map.of(), passed, true, pingInterval, observe);
    }

    /** The repository root: the nearest folder upwards holding both pom.xml and knative/. */
    static Path findRoot(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("knative"))) {
                return dir;
            }
        }
        throw new IllegalArgumentException("no CinemaAbyss checkout (pom.xml and knative/) around " + from + "; pass --root DIR");
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " is not a port: " + value);
    }
}

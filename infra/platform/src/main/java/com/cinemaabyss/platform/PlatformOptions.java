package com.cinemaabyss.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How to run the local platform. Ports default to the manifests' {@code cinemaabyss.io/local-port}
 * annotations, Kafka to 9092 and DynamoDB Local to 8001; tests pick free ones instead.
 */
public record PlatformOptions(Path root, Path dataDir, boolean fresh, boolean seed, int kafkaPort, int dynamoPort,
                              Map<String, Integer> servicePorts, Map<String, String> env, boolean echoServiceOutput) {

    public static PlatformOptions defaults(Path root) {
        return new PlatformOptions(root, root.resolve(".local-data"), false, true, 9092, 8001, Map.of(), Map.of(), true);
    }

    public static PlatformOptions fromArgs(String[] args) {
        Path root = null;
        Path dataDir = null;
        boolean fresh = false;
        boolean seed = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--fresh" -> fresh = true;
                case "--no-seed" -> seed = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --root DIR, --data-dir DIR, --fresh, --no-seed)");
            }
        }
        Path resolvedRoot = root != null ? root : findRoot(Path.of("").toAbsolutePath());
        PlatformOptions defaults = defaults(resolvedRoot);
        Map<String, String> env = new HashMap<>();
        for (String passed : new String[]{"GRADUAL_MIGRATION", "MOVIES_MIGRATION_PERCENT", "GATEWAY_ADMIN_TOKEN"}) {
            if (System.getenv(passed) != null) {
                env.put(passed, System.getenv(passed));
            }
        }
        return new PlatformOptions(resolvedRoot, dataDir != null ? dataDir : defaults.dataDir(), fresh, seed,
                defaults.kafkaPort(), defaults.dynamoPort(), Map.of(), env, true);
    }

    /** The repository root: the nearest folder upwards holding both pom.xml and knative/. */
    static Path findRoot(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("knative"))) {
                return dir;
            }
        }
        throw new IllegalArgumentException("no CinemaAbyss checkout around " + from + "; pass --root");
    }
}

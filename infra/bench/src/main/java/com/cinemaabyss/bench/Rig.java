package com.cinemaabyss.bench;

import com.cinemaabyss.local.FreePorts;
import com.cinemaabyss.local.LocalDynamoDb;
import com.cinemaabyss.local.LocalKafka;
import com.cinemaabyss.platform.KnativeWiring;
import com.cinemaabyss.platform.ServiceSpec;
import com.cinemaabyss.platform.TopicDefinitions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every benchmark runs on: a fresh Kafka and DynamoDB Local on loopback, and the functions started the way
 * their Knative Services in knative/serving describe them (environment, JVM options), on free ports.
 */
final class Rig implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern JVM_FLAG = Pattern.compile("<jvmFlag>([^<]+)</jvmFlag>");
    private static final Pattern FIRST_REQUEST = Pattern.compile("<image.first-request>([^<]+)</image.first-request>");

    final Path root;
    final Path workDir;
    final KnativeWiring wiring;
    final LocalKafka kafka;
    final LocalDynamoDb dynamo;
    private final Map<String, Running> warm = new LinkedHashMap<>();

    record Running(FunctionProcess process, URI url) {
    }

    private Rig(Path root, Path workDir) {
        this.root = root;
        this.workDir = workDir;
        this.wiring = KnativeWiring.load(root.resolve("knative"));
        this.kafka = LocalKafka.start(FreePorts.pick(), workDir.resolve("kafka"));
        kafka.createTopics(TopicDefinitions.load(root.resolve("knative/strimzi")));
        this.dynamo = LocalDynamoDb.start(FreePorts.pick(), null);
    }

    static Rig start(Path root, Path workDir) {
        return new Rig(root, workDir);
    }

    ServiceSpec spec(String function) {
        return wiring.service(function);
    }

    Path jar(String function) {
        return root.resolve(spec(function).jarPath());
    }

    /** The JVM options the function's Knative Service sets in JAVA_TOOL_OPTIONS. */
    List<String> manifestJvmOptions(String function) {
        String options = spec(function).env().getOrDefault("JAVA_TOOL_OPTIONS", "");
        return options.isBlank() ? List.of() : Arrays.asList(options.trim().split("\\s+"));
    }

    /** The JVM flags Jib writes into every image's entrypoint (the root pom.xml's {@code <jvmFlag>} entries). */
    List<String> imageJvmFlags() {
        try {
            return jibJvmFlags(Files.readString(root.resolve("pom.xml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a new pod of the function is first asked: its module's {@code <image.first-request>} (which infra/bin/image
     * also trains the image's cache on), else its readiness probe.
     */
    String firstRequest(String function) {
        try {
            return firstRequest(Files.readString(root.resolve(spec(function).module()).resolve("pom.xml")), spec(function).healthPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String firstRequest(String pom, String readinessPath) {
        Matcher request = FIRST_REQUEST.matcher(pom);
        return request.find() ? request.group(1).trim() : readinessPath;
    }

    static List<String> jibJvmFlags(String pom) {
        List<String> flags = new ArrayList<>();
        Matcher flag = JVM_FLAG.matcher(pom);
        while (flag.find()) {
            flags.add(flag.group(1).trim());
        }
        return flags;
    }

    /** The manifest's environment on this machine: local Kafka and DynamoDB, tables already created, upstreams warm. */
    Map<String, String> env(String function, int port) {
        Map<String, String> env = new LinkedHashMap<>(spec(function).env());
        env.remove("JAVA_TOOL_OPTIONS");
        env.put("PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
        env.put("DYNAMODB_CREATE_TABLES", "false");
        env.put("DYNAMODB_TABLE_PREFIX", "");
        env.put("AWS_REGION", "us-east-1");
        trainingEnv(function).forEach(env::putIfAbsent);
        env.replaceAll((name, value) -> localised(value, this::localUrlOf));
        return env;
    }

    private static final Pattern FUNCTION_URL = Pattern.compile("http://([a-z0-9-]+)\\.cinemaabyss\\.svc\\.cluster\\.local");
    private static final Pattern CLUSTER_URL = Pattern.compile("https?://[a-z0-9.-]+\\.svc\\.cluster\\.local(:\\d+)?(/\\S*)?");

    /**
     * A manifest's value on this machine: a function's cluster address becomes {@code localUrlOf} it; any other
     * cluster address (Zipkin's, in the observability namespace) a loopback port where nothing listens, path kept, so
     * the function still does that work (spans are made and their export fails at once) and no name is looked up
     * off this machine.
     */
    static String localised(String value, UnaryOperator<String> localUrlOf) {
        Matcher function = FUNCTION_URL.matcher(value);
        if (function.matches()) {
            return localUrlOf.apply(function.group(1));
        }
        Matcher cluster = CLUSTER_URL.matcher(value);
        if (cluster.matches()) {
            return "http://127.0.0.1:1" + (cluster.group(2) == null ? "" : cluster.group(2));
        }
        return value;
    }

    /**
     * The stand-ins for the Secrets the cluster mounts that the function needs to start on one machine (its module's
     * src/image/training.env, which infra/bin/image's training run reads too); none for most functions.
     */
    Map<String, String> trainingEnv(String function) {
        Path file = root.resolve(spec(function).module()).resolve("src/image/training.env");
        try {
            return Files.exists(file) ? parseEnv(Files.readAllLines(file)) : Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> parseEnv(List<String> lines) {
        Map<String, String> env = new LinkedHashMap<>();
        lines.stream().filter(line -> line.matches("[A-Z_][A-Z0-9_]*=.*")).forEach(line -> {
            int equals = line.indexOf('=');
            env.put(line.substring(0, equals), line.substring(equals + 1));
        });
        return env;
    }

    /**
     * A running function's address; for one the benchmark does not run (identity, which only the token-checking
     * gateway needs, and that one is pointed at the benchmark's own JWKS), a loopback address where nothing listens,
     * so a call would fail at once instead of leaving the machine.
     */
    private String localUrlOf(String function) {
        return warm.containsKey(function) ? warmUrlOf(function).toString() : "http://127.0.0.1:1";
    }

    /**
     * Starts the functions for the throughput benchmarks, in this order, each with its manifest's JVM options
     * (the first to start creates the tables). {@code overrides} is laid over every environment.
     */
    void startWarm(List<String> functions, Map<String, String> overrides) {
        for (String function : functions) {
            startWarmAs(function, function, overrides);
        }
    }

    /**
     * Starts one more process of {@code function} under {@code name} (e.g. a second gateway configured otherwise),
     * with its manifest's JVM options and environment, {@code overrides} laid over it; stopped with the rig.
     */
    void startWarmAs(String name, String function, Map<String, String> overrides) {
        if (warm.containsKey(name)) {
            throw new IllegalStateException(name + " is already running");
        }
        int port = FreePorts.pick();
        Map<String, String> env = env(function, port);
        env.put("DYNAMODB_CREATE_TABLES", "true");
        env.putAll(overrides);
        FunctionProcess process = launch(name, function, env);
        URI url = URI.create("http://127.0.0.1:" + port);
        warm.put(name, new Running(process, url));
        process.awaitFirst200(url.resolve(spec(function).healthPath()), START_TIMEOUT);
    }

    /**
     * Creates a function's tables, unless it already runs: starts it once as its first deployment would
     * (DYNAMODB_CREATE_TABLES=true) and stops it when it is ready, so that later starts find their tables, as in the
     * cluster.
     */
    void createTables(String function) {
        if (warm.containsKey(function)) {
            return;
        }
        int port = FreePorts.pick();
        Map<String, String> env = env(function, port);
        env.put("DYNAMODB_CREATE_TABLES", "true");
        try (FunctionProcess process = launch(function + "-tables", function, env)) {
            process.awaitFirst200(URI.create("http://127.0.0.1:" + port + spec(function).healthPath()), START_TIMEOUT);
        }
    }

    /** {@code java <the manifest's options> -jar <the function's jar>}, logging to logs/{@code name}.log. */
    private FunctionProcess launch(String name, String function, Map<String, String> env) {
        List<String> arguments = new ArrayList<>(manifestJvmOptions(function));
        arguments.addAll(List.of("-jar", jar(function).toString()));
        return FunctionProcess.start(name, arguments, env, workDir.resolve("logs/" + name + ".log"));
    }

    URI warmUrlOf(String function) {
        Running running = warm.get(function);
        if (running == null) {
            throw new IllegalStateException(function + " is not running; start it before the functions that call it");
        }
        return running.url();
    }

    boolean isRunning(String name) {
        return warm.containsKey(name);
    }

    /** Stops a process started by {@link #startWarmAs} (SIGTERM, then waits), so that the next measurement has the CPUs to itself. */
    void stop(String name) {
        Running running = warm.remove(name);
        if (running == null) {
            throw new IllegalStateException(name + " is not running");
        }
        running.process().close();
    }

    FunctionProcess warmProcess(String function) {
        return warm.get(function).process();
    }

    @Override
    public void close() {
        new ArrayList<>(warm.values()).parallelStream().forEach(running -> running.process().close());
        kafka.close();
        dynamo.close();
    }
}

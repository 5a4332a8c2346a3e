package com.cinemaabyss.platform;

import com.cinemaabyss.local.LocalDynamoDb;
import com.cinemaabyss.local.LocalKafka;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The whole platform on one machine: a real Kafka broker (KRaft) and DynamoDB Local, every function app
 * of knative/serving as a child JVM with the environment its manifest gives it (cluster addresses swapped
 * for local ones), and the eventing bridge wired from knative/eventing.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
    private static final Pattern CLUSTER_URL = Pattern.compile("http://([a-z0-9-]+)\\.cinemaabyss\\.svc\\.cluster\\.local");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final PlatformOptions options;
    private final KnativeManifests manifests;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private LocalKafka kafka;
    private LocalDynamoDb dynamo;
    private EventingBridge bridge;
    private volatile boolean closing;

    private LocalPlatform(PlatformOptions options) {
        this.options = options;
        this.manifests = KnativeManifests.load(options.root().resolve("knative"));
    }

    public static LocalPlatform start(PlatformOptions options) {
        LocalPlatform platform = new LocalPlatform(options);
        try {
            platform.boot();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    public URI url(String service) {
        return URI.create("http://127.0.0.1:" + port(manifests.service(service)));
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public KnativeManifests manifests() {
        return manifests;
    }

    /** Stops one function app, as a failure would; the others keep running. */
    public void stopService(String name) {
        ServiceProcess service = services.get(name);
        if (service != null) {
            service.close();
        }
    }

    private void boot() {
        Path data = options.dataDir();
        if (options.fresh()) {
            deleteRecursively(data);
        }
        kafka = LocalKafka.start(options.kafkaPort(), data.resolve("kafka"));
        kafka.createTopics(TopicDefinitions.load(options.root().resolve("knative/strimzi")));
        dynamo = LocalDynamoDb.start(options.dynamoPort(), data.resolve("dynamodb"));
        log.info("Kafka on {}, DynamoDB Local on {}", kafka.bootstrapServers(), dynamo.endpoint());

        for (ServiceManifest manifest : manifests.services()) {
            URI health = url(manifest.name()).resolve(manifest.healthPath());
            services.put(manifest.name(), ServiceProcess.start(manifest.name(), options.root().resolve(manifest.jarPath()),
                    localEnv(manifest), health, data.resolve("logs").resolve(manifest.name() + ".log"),
                    options.echoServiceOutput() ? System.out : null));
        }
        for (ServiceProcess service : services.values()) {
            service.awaitHealthy(START_TIMEOUT);
            watch(service);
        }
        bridge = new EventingBridge(manifests.subscriptions(), this::url, kafka.bootstrapServers(), Duration.ofSeconds(30)).start();
        if (options.seed() && new DemoData(url("gateway")).seedIfEmpty()) {
            log.info("Seeded demo users and movies");
        }
    }

    /** The manifest's environment, with cluster addresses replaced by this machine's. */
    Map<String, String> localEnv(ServiceManifest manifest) {
        Map<String, String> env = new LinkedHashMap<>();
        manifest.env().forEach((name, value) -> {
            Matcher clusterUrl = CLUSTER_URL.matcher(value);
            env.put(name, clusterUrl.matches() ? url(clusterUrl.group(1)).toString() : value);
        });
        env.put("PORT", Integer.toString(port(manifest)));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
        env.put("DYNAMODB_CREATE_TABLES", "true");
        env.put("DYNAMODB_TABLE_PREFIX", "");
        env.put("AWS_REGION", "us-east-1");
        env.putAll(options.env());
        return env;
    }

    private int port(ServiceManifest manifest) {
        return options.servicePorts().getOrDefault(manifest.name(), manifest.localPort());
    }

    private void watch(ServiceProcess service) {
        service.process().onExit().thenAccept(process -> {
            if (!closing && !service.stopping()) {
                log.error("{} exited unexpectedly with {}; see {}", service.name(), process.exitValue(),
                        options.dataDir().resolve("logs").resolve(service.name() + ".log"));
            }
        });
    }

    @Override
    public void close() {
        closing = true;
        if (bridge != null) {
            bridge.close();
        }
        List<ServiceProcess> running = new ArrayList<>(services.values());
        running.parallelStream().forEach(ServiceProcess::close);
        if (kafka != null) {
            kafka.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        PlatformOptions options = PlatformOptions.fromArgs(args);
        CountDownLatch stopped = new CountDownLatch(1);
        LocalPlatform platform = start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping CinemaAbyss ...");
            platform.close();
            stopped.countDown();
        }));
        platform.services.values().forEach(service -> service.process().onExit().thenRun(() -> {
            if (!platform.closing && !service.stopping()) {
                System.exit(1);
            }
        }));
        System.out.printf("""

                CinemaAbyss is up (Ctrl-C stops it; data in %s)
                  gateway          %s
                  monolith         %s
                  movies service   %s
                  events service   %s
                  Kafka            %s
                  DynamoDB Local   %s
                  metrics          %s/actuator/prometheus

                """, options.dataDir(), platform.url("gateway"), platform.url("monolith"), platform.url("catalog"),
                platform.url("events"), platform.kafkaBootstrapServers(), platform.dynamo.endpoint(), platform.url("gateway"));
        stopped.await();
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

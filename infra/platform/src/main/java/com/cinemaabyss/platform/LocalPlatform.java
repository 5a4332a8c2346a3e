package com.cinemaabyss.platform;

import com.cinemaabyss.local.LocalDynamoDb;
import com.cinemaabyss.local.LocalKafka;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);
    private static final String GATEWAY = "gateway";
    /** The sandbox payment provider: not a Knative Service, so not in the manifests; started here before the functions. */
    static final String SANDBOX = "payment-sandbox";
    private static final String DISCOUNTS = "discounts";
    private static final String CATALOG = "catalog";
    static final String SANDBOX_JAR = "infra/payment-sandbox/target/payment-sandbox.jar";
    static final int SANDBOX_PORT = 8090;
    static final String PAYMENTS = "payments";
    static final String WEBHOOK_PATH = "/api/v1/payments/webhooks/sandbox";
    /** The media origin (a CDN stand-in): not a Knative Service either; it verifies the stream URLs content signs. */
    static final String ORIGIN = "media-origin";
    static final String ORIGIN_JAR = "infra/media-origin/target/media-origin.jar";
    static final int ORIGIN_PORT = 8091;
    static final String CONTENT = "content";
    /** The reference recommendation engine: not a Knative Service either (in a cluster the engine is someone else's). */
    static final String ENGINE = "recommendation-engine";
    static final String ENGINE_JAR = "infra/recommendation-engine/target/recommendation-engine.jar";
    static final int ENGINE_PORT = 8092;
    /** The stand-in push service and SMS provider: not a Knative Service either (in a cluster they are the browsers' and the operator's). */
    static final String NOTIFY_SANDBOX = "notification-sandbox";
    static final String NOTIFY_SANDBOX_JAR = "infra/notification-sandbox/target/notification-sandbox.jar";
    static final int NOTIFY_SANDBOX_PORT = 8094;
    static final String RECOMMENDATIONS = "recommendations";
    /** The local mail server (GreenMail): SMTP for notifications, IMAP mailboxes opened with the address as login and password. */
    static final String MAIL_SMTP = "mail-smtp";
    static final String MAIL_IMAP = "mail-imap";
    static final int MAIL_SMTP_PORT = 3025;
    static final int MAIL_IMAP_PORT = 3143;
    static final String NOTIFICATIONS = "notifications";
    /** The eventing bridge's own metrics endpoint (its port is overridden like a service's, under this name). */
    static final String BRIDGE_METRICS = "bridge-metrics";
    static final int BRIDGE_METRICS_PORT = 9464;

    private final PlatformOptions options;
    private final KnativeWiring wiring;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private volatile Consumer<ServiceProcess> onUnexpectedExit = service -> { };
    private LocalKafka kafka;
    private LocalDynamoDb dynamo;
    private EventingBridge bridge;
    private final PrometheusMeterRegistry platformMeters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private BridgeMetricsServer bridgeMetrics;
    private PingSources pings;
    private LocalMail mail;
    private volatile boolean closing;
    private final String adminToken;
    /** Only the bridge knows it, so only the bridge gets into the functions' /internal routes. */
    private final String deliveryToken;
    /** Fresh each run, known only to the sandbox and payments. */
    private final String sandboxApiKey;
    private final String sandboxWebhookSecret;
    /** Fresh each run, known only to the media origin and content. */
    private final String mediaSigningKey;
    /** Fresh each run: the key notifications signs its unsubscribe links with. */
    private final String unsubscribeSecret;
    /** Fresh each run: notifications' key at the SMS stand-in, and the VAPID key pair browsers subscribe with (base64url). */
    private final String smsApiKey;
    private final String[] vapidKeys;

    private LocalPlatform(PlatformOptions options) {
        this.options = options;
        this.wiring = KnativeWiring.load(options.root().resolve("knative"));
        this.adminToken = options.env().getOrDefault("GATEWAY_ADMIN_TOKEN", newToken());
        this.deliveryToken = newToken();
        this.sandboxApiKey = "sk_local_" + newToken();
        this.sandboxWebhookSecret = "whsec_" + newToken();
        this.mediaSigningKey = newToken();
        this.unsubscribeSecret = newToken();
        this.smsApiKey = "sms_local_" + newToken();
        this.vapidKeys = newVapidKeys();
    }

    /** A P-256 key pair as VAPID takes it: the uncompressed public point (65 bytes) and the private scalar (32 bytes), base64url. */
    private static String[] newVapidKeys() {
        try {
            java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            java.security.KeyPair pair = generator.generateKeyPair();
            java.security.spec.ECPoint w = ((java.security.interfaces.ECPublicKey) pair.getPublic()).getW();
            byte[] point = new byte[65];
            point[0] = 4;
            fixed32(w.getAffineX(), point, 1);
            fixed32(w.getAffineY(), point, 33);
            byte[] scalar = new byte[32];
            fixed32(((java.security.interfaces.ECPrivateKey) pair.getPrivate()).getS(), scalar, 0);
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return new String[]{b64.encodeToString(point), b64.encodeToString(scalar)};
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fixed32(java.math.BigInteger value, byte[] out, int at) {
        byte[] bytes = value.toByteArray();
        int n = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - n, out, at + 32 - n, n);
    }

    /** The gateway's admin routes are closed without a token, so a run without one in the shell gets a fresh one. */
    private static String newToken() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The token the bridge delivers events with, for tests that deliver by hand. */
    public String deliveryToken() {
        return deliveryToken;
    }

    /** What {@code Authorization: Bearer ...} the gateway's /admin routes want. */
    public String adminToken() {
        return adminToken;
    }

    /** Starts everything and returns once every service is healthy and the bridge runs; stops what it started if that fails. */
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
        return URI.create("http://127.0.0.1:" + port(wiring.service(service)));
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public URI dynamoEndpoint() {
        return dynamo.endpoint();
    }

    /** Each subscription of the eventing bridge: running, restarted, delivered, parked; empty before it starts. */
    public List<EventingBridge.Health> bridgeHealth() {
        return bridge == null ? List.of() : bridge.health();
    }

    /** Each PingSource the platform fires: how often it fired and was delivered; empty before the platform is up. */
    public List<PingSources.Health> pingHealth() {
        return pings == null ? List.of() : pings.health();
    }

    /** Where Prometheus scrapes the eventing bridge's meters (delivery, dead letters, consumer lag per subscription). */
    public URI bridgeMetricsUrl() {
        return bridgeMetrics.url();
    }

    public KnativeWiring wiring() {
        return wiring;
    }

    /** Stops one function app, as a failure would; the others keep running. */
    public void stopService(String name) {
        ServiceProcess service;
        synchronized (services) {
            service = services.get(name);
        }
        if (service != null) {
            service.close();
        }
    }

    /** Kills one function app at once (SIGKILL), as a crash would, in the middle of whatever it was doing. */
    public void killService(String name) {
        ServiceProcess service;
        synchronized (services) {
            service = services.get(name);
        }
        if (service != null) {
            service.kill();
        }
    }

    /** Starts a function app that was stopped or killed again, with the same environment; returns once it is healthy. */
    public void restartService(String name) {
        ServiceSpec spec = wiring.service(name);
        stopService(name);
        launch(spec, options.dataDir().resolve("logs").resolve(name + ".log"));
        ServiceProcess restarted;
        synchronized (services) {
            restarted = services.get(name);
        }
        restarted.awaitHealthy(START_TIMEOUT);
    }

    private void boot() {
        List<Path> missing = Stream.concat(wiring.services().stream().map(spec -> options.root().resolve(spec.jarPath())),
                        Stream.of(options.root().resolve(SANDBOX_JAR), options.root().resolve(ORIGIN_JAR), options.root().resolve(ENGINE_JAR),
                                options.root().resolve(NOTIFY_SANDBOX_JAR), options.root().resolve(LocalZipkin.JAR)))
                .filter(jar -> !Files.isRegularFile(jar)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built yet: " + missing + " (infra/bin/run builds them; or mvn -DskipTests package)");
        }
        Path data = options.dataDir();
        if (options.fresh()) {
            log.info("--fresh: deleting {}", data);
            deleteRecursively(data);
        }
        // Zipkin takes its time to start: it starts first and is waited for just before events flow.
        ServiceProcess zipkin = launchZipkin(data.resolve("logs").resolve(LocalZipkin.NAME + ".log"));
        kafka = LocalKafka.start(options.kafkaPort(), data.resolve("kafka"));
        kafka.createTopics(TopicDefinitions.load(options.root().resolve("knative/strimzi")));
        dynamo = LocalDynamoDb.start(options.dynamoPort(), data.resolve("dynamodb"));
        log.info("Kafka on {}, DynamoDB Local on {}, data in {}", kafka.bootstrapServers(), dynamo.endpoint(), data);

        mail = LocalMail.start(mailSmtpPort(), mailImapPort());
        log.info("Mail: SMTP on 127.0.0.1:{}, IMAP on 127.0.0.1:{}", mailSmtpPort(), mailImapPort());
        launchSandbox(data.resolve("logs").resolve(SANDBOX + ".log")).awaitHealthy(START_TIMEOUT);
        log.info("{} is healthy on {}", SANDBOX, sandboxUrl());
        launchOrigin(data.resolve("logs").resolve(ORIGIN + ".log")).awaitHealthy(START_TIMEOUT);
        log.info("{} is healthy on {}", ORIGIN, originUrl());
        launchHelper(ENGINE, ENGINE_JAR, Map.of("ENGINE_PORT", Integer.toString(enginePort())), engineUrl(),
                data.resolve("logs").resolve(ENGINE + ".log")).awaitHealthy(START_TIMEOUT);
        log.info("{} is healthy on {}", ENGINE, engineUrl());
        launchHelper(NOTIFY_SANDBOX, NOTIFY_SANDBOX_JAR, Map.of("NOTIFICATION_SANDBOX_PORT", Integer.toString(notificationSandboxPort()),
                "SMS_SANDBOX_API_KEY", smsApiKey), notificationSandboxUrl(), data.resolve("logs").resolve(NOTIFY_SANDBOX + ".log"))
                .awaitHealthy(START_TIMEOUT);
        log.info("{} is healthy on {}", NOTIFY_SANDBOX, notificationSandboxUrl());
        for (ServiceSpec spec : wiring.services()) {
            launch(spec, data.resolve("logs").resolve(spec.name() + ".log"));
        }
        for (ServiceProcess service : running()) {
            service.awaitHealthy(START_TIMEOUT);
            log.info("{} is healthy", service.name());
        }
        zipkin.awaitHealthy(START_TIMEOUT);
        log.info("Zipkin is ready on {}", zipkinUrl());
        bridgeMetrics = new BridgeMetricsServer(platformMeters, options.servicePorts().getOrDefault(BRIDGE_METRICS, BRIDGE_METRICS_PORT));
        bridge = new EventingBridge(wiring.subscriptions(), this::url, kafka.bootstrapServers(), DELIVERY_TIMEOUT, deliveryToken,
                platformMeters).start();
        log.info("Eventing bridge delivers {} subscriptions", wiring.subscriptions().size());
        pings = new PingSources(wiring.schedules(), this::url, new HttpDelivery(DELIVERY_TIMEOUT, deliveryToken), options.pingInterval(),
                Clock.systemUTC()).start();
        if (options.seed()) {
            seedDemoData();
        }
        if (options.observe()) {
            startPrometheus();
        }
    }

    /** --observe: Prometheus scraping every function this run started (their names and ports) and the bridge. */
    private void startPrometheus() {
        Map<String, URI> functions = new LinkedHashMap<>();
        wiring.services().forEach(spec -> functions.put(spec.name(), url(spec.name())));
        String config = LocalPrometheus.config(functions, bridgeMetrics.url(), options.root().resolve(LocalPrometheus.RULES));
        ServiceProcess prometheus;
        synchronized (services) {
            if (closing) {
                throw new IllegalStateException("stopping: not starting " + LocalPrometheus.NAME);
            }
            prometheus = LocalPrometheus.start(LocalPrometheus.binary(), options.dataDir().resolve("prometheus"), config,
                    prometheusPort(), options.dataDir().resolve("logs").resolve(LocalPrometheus.NAME + ".log"));
            services.put(LocalPrometheus.NAME, prometheus);
            prometheus.process().onExit().thenRun(() -> exited(prometheus));
        }
        prometheus.awaitHealthy(START_TIMEOUT);
        log.info("Prometheus is ready on {}", LocalPrometheus.url(prometheusPort()));
    }

    private ServiceProcess launchZipkin(Path logFile) {
        synchronized (services) {
            if (closing) {
                throw new IllegalStateException("stopping: not starting " + LocalZipkin.NAME);
            }
            ServiceProcess zipkin = LocalZipkin.start(options.root(), zipkinPort(), logFile);
            services.put(LocalZipkin.NAME, zipkin);
            zipkin.process().onExit().thenRun(() -> exited(zipkin));
            return zipkin;
        }
    }

    /** The Zipkin this run started: its UI at /zipkin/, its API at /api/v2 (every function sends its spans there). */
    public URI zipkinUrl() {
        return LocalZipkin.url(zipkinPort());
    }

    private int zipkinPort() {
        return options.servicePorts().getOrDefault(LocalZipkin.NAME, LocalZipkin.PORT);
    }

    private int prometheusPort() {
        return options.servicePorts().getOrDefault(LocalPrometheus.NAME, LocalPrometheus.PORT);
    }

    private void launch(ServiceSpec spec, Path logFile) {
        // Under the lock so that a shutdown racing the boot cannot miss a child, which would outlive this JVM.
        synchronized (services) {
            if (closing) {
                throw new IllegalStateException("stopping: not starting " + spec.name());
            }
            ServiceProcess service = ServiceProcess.start(spec.name(), options.root().resolve(spec.jarPath()), localEnv(spec),
                    url(spec.name()).resolve(spec.healthPath()), logFile, options.echoServiceOutput() ? System.out : null);
            services.put(spec.name(), service);
            service.process().onExit().thenRun(() -> exited(service));
        }
    }

    /**
     * The sandbox payment provider, as a child JVM like the functions: a fresh API key and webhook secret, and webhooks
     * to the gateway's public webhook route, as a real provider would send them.
     */
    private ServiceProcess launchSandbox(Path logFile) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SANDBOX_PORT", Integer.toString(sandboxPort()));
        env.put("SANDBOX_API_KEY", sandboxApiKey);
        env.put("SANDBOX_WEBHOOK_SECRET", sandboxWebhookSecret);
        env.put("SANDBOX_WEBHOOK_URL", url(GATEWAY).resolve(WEBHOOK_PATH).toString());
        synchronized (services) {
            if (closing) {
                throw new IllegalStateException("stopping: not starting " + SANDBOX);
            }
            ServiceProcess sandbox = ServiceProcess.start(SANDBOX, options.root().resolve(SANDBOX_JAR), env,
                    sandboxUrl().resolve("/health"), logFile, options.echoServiceOutput() ? System.out : null);
            services.put(SANDBOX, sandbox);
            sandbox.process().onExit().thenRun(() -> exited(sandbox));
            return sandbox;
        }
    }

    /** The media origin, as a child JVM like the sandbox, verifying with this run's signing key. */
    private ServiceProcess launchOrigin(Path logFile) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ORIGIN_PORT", Integer.toString(originPort()));
        env.put("MEDIA_SIGNING_KEY", mediaSigningKey);
        // The web client's page (served through the gateway) fetches the stream from this other port: let it read it.
        URI gateway = url(GATEWAY);
        env.put("ORIGIN_ALLOWED_ORIGINS", "http://127.0.0.1:" + gateway.getPort() + ",http://localhost:" + gateway.getPort());
        synchronized (services) {
            if (closing) {
                throw new IllegalStateException("stopping: not starting " + ORIGIN);
            }
            ServiceProcess origin = ServiceProcess.start(ORIGIN, options.root().resolve(ORIGIN_JAR), env,
                    originUrl().resolve("/health"), logFile, options.echoServiceOutput() ? System.out : null);
            services.put(ORIGIN, origin);
            origin.process().onExit().thenRun(() -> exited(origin));
            return origin;
        }
    }

    /** A helper JVM that is not a Knative Service (as the sandbox and the origin), answering GET /health. */
    private ServiceProcess launchHelper(String name, String jar, Map<String, String> env, URI url, Path logFile) {
        synchronized (services) {
            if (closing) {
                throw new IllegalStateException("stopping: not starting " + name);
            }
            ServiceProcess helper = ServiceProcess.start(name, options.root().resolve(jar), env, url.resolve("/health"), logFile,
                    options.echoServiceOutput() ? System.out : null);
            services.put(name, helper);
            helper.process().onExit().thenRun(() -> exited(helper));
            return helper;
        }
    }

    /** The reference recommendation engine this run started; recommendations is pointed at it instead of the cluster's engine. */
    public URI engineUrl() {
        return URI.create("http://127.0.0.1:" + enginePort());
    }

    private int enginePort() {
        return options.servicePorts().getOrDefault(ENGINE, ENGINE_PORT);
    }

    public URI originUrl() {
        return URI.create("http://127.0.0.1:" + originPort());
    }

    private int originPort() {
        return options.servicePorts().getOrDefault(ORIGIN, ORIGIN_PORT);
    }

    /** What content needs to sign URLs the origin this run started accepts; the manifest's CDN and Secret are the cluster's. */
    Map<String, String> mediaEnv() {
        return Map.of("ORIGIN_URL", originUrl().toString(), "MEDIA_SIGNING_KEY", mediaSigningKey);
    }

    /**
     * What notifications needs to send through the mail server and the push and SMS stand-in this run started; the
     * manifest's SMTP, SMS provider and Secrets are the cluster's.
     */
    Map<String, String> mailEnv() {
        return Map.ofEntries(Map.entry("SMTP_HOST", "127.0.0.1"), Map.entry("SMTP_PORT", Integer.toString(mailSmtpPort())),
                Map.entry("SMTP_AUTH", "false"), Map.entry("SMTP_STARTTLS", "false"), Map.entry("SMTP_USERNAME", ""), Map.entry("SMTP_PASSWORD", ""),
                Map.entry("PUBLIC_URL", url(GATEWAY).toString()), Map.entry("NOTIFICATIONS_UNSUBSCRIBE_SECRET", unsubscribeSecret),
                Map.entry("PUSH_LOCAL_STAND_IN", notificationSandboxUrl() + "/push/"), Map.entry("VAPID_PUBLIC_KEY", vapidKeys[0]),
                Map.entry("VAPID_PRIVATE_KEY", vapidKeys[1]), Map.entry("VAPID_SUBJECT", "mailto:notifications@cinemaabyss.local"),
                Map.entry("SMS_PROVIDER_URL", notificationSandboxUrl() + "/sms"), Map.entry("SMS_PROVIDER_API_KEY", smsApiKey));
    }

    /** The push and SMS stand-in this run started (GET /messages shows what it took). */
    public URI notificationSandboxUrl() {
        return URI.create("http://127.0.0.1:" + notificationSandboxPort());
    }

    private int notificationSandboxPort() {
        return options.servicePorts().getOrDefault(NOTIFY_SANDBOX, NOTIFY_SANDBOX_PORT);
    }

    private int mailSmtpPort() {
        return options.servicePorts().getOrDefault(MAIL_SMTP, MAIL_SMTP_PORT);
    }

    private int mailImapPort() {
        return options.servicePorts().getOrDefault(MAIL_IMAP, MAIL_IMAP_PORT);
    }

    /** The local mail server, for tests that read a mailbox over IMAP. */
    public LocalMail mail() {
        return mail;
    }

    /** The key this run's sandbox provider takes, for tests that ask it what it charged. */
    public String sandboxApiKey() {
        return sandboxApiKey;
    }

    public URI sandboxUrl() {
        return URI.create("http://127.0.0.1:" + sandboxPort());
    }

    private int sandboxPort() {
        return options.servicePorts().getOrDefault(SANDBOX, SANDBOX_PORT);
    }

    /** What payments needs to talk to the sandbox this run started; the manifest's provider and Secrets are the cluster's. */
    Map<String, String> providerEnv() {
        return Map.of("PAYMENTS_PROVIDER_URL", sandboxUrl().toString(),
                "PAYMENTS_PROVIDER_API_KEY", sandboxApiKey,
                "PAYMENTS_PROVIDER_WEBHOOK_SECRET", sandboxWebhookSecret);
    }

    private void seedDemoData() {
        try {
            if (new DemoData(url("gateway")).seedIfEmpty()) {
                log.info("Seeded demo data: 3 users, 5 movies, a payment and a subscription");
            }
        } catch (RuntimeException e) {
            log.warn("Could not seed the demo data (the platform runs without it): {}", e.getMessage());
        }
    }

    /** The manifest's environment, with cluster addresses replaced by this machine's. */
    Map<String, String> localEnv(ServiceSpec spec) {
        Map<String, String> env = new LinkedHashMap<>();
        spec.env().forEach((name, value) -> {
            Matcher clusterUrl = CLUSTER_URL.matcher(value);
            env.put(name, clusterUrl.matches() ? url(clusterUrl.group(1)).toString() : value);
        });
        env.put("PORT", Integer.toString(port(spec)));
        // Everything local listens on 127.0.0.1 only; in a cluster the pod's network decides.
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("CINEMAABYSS_EVENTING_DELIVERYTOKEN", deliveryToken);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
        env.put("DYNAMODB_CREATE_TABLES", "true");
        env.put("DYNAMODB_TABLE_PREFIX", "");
        env.put("AWS_REGION", "us-east-1");
        env.putAll(LocalZipkin.tracingEnv(zipkinPort()));
        // The cluster's JSON log lines are for a log pipeline; locally a person reads them, so they stay plain text.
        env.remove("LOGGING_STRUCTURED_FORMAT_CONSOLE");
        if (options.seed() && DISCOUNTS.equals(spec.name())) {
            // The demo plans and the WELCOME10 code: written by discounts itself, only into empty tables.
            env.put("DISCOUNTS_SEED_DEMO", "true");
        }
        if (options.seed() && CATALOG.equals(spec.name())) {
            // The demo catalog (titles with RU licences): written by the catalog itself, the same titles on every start.
            env.put("CATALOG_SEED_DEMO", "true");
        }
        env.putAll(options.env());
        if (GATEWAY.equals(spec.name())) {
            env.put("GATEWAY_ADMIN_TOKEN", adminToken);
        }
        if (PAYMENTS.equals(spec.name())) {
            env.putAll(providerEnv());
        }
        if (CONTENT.equals(spec.name())) {
            env.putAll(mediaEnv());
        }
        if (NOTIFICATIONS.equals(spec.name())) {
            env.putAll(mailEnv());
        }
        if (RECOMMENDATIONS.equals(spec.name()) && !options.env().containsKey("RECOMMENDATION_ENGINE_URL")) {
            // The shell may point recommendations at another engine; otherwise it asks the reference engine started here.
            env.put("RECOMMENDATION_ENGINE_URL", engineUrl().toString());
        }
        return env;
    }

    private int port(ServiceSpec spec) {
        return options.servicePorts().getOrDefault(spec.name(), spec.localPort());
    }

    private List<ServiceProcess> running() {
        synchronized (services) {
            return new ArrayList<>(services.values());
        }
    }

    private void exited(ServiceProcess service) {
        if (closing || service.stopping()) {
            return;
        }
        // Ctrl-C reaches the children too; give the shutdown hook a moment to say that this exit is expected.
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!closing) {
            log.error("""

                    ************************************************************
                    {} exited unexpectedly with code {}; stopping everything.
                    Its output: {}
                    ************************************************************""",
                    service.name(), service.process().exitValue(), options.dataDir().resolve("logs").resolve(service.name() + ".log"));
            onUnexpectedExit.accept(service);
        }
    }

    @Override
    public void close() {
        List<ServiceProcess> children;
        synchronized (services) {
            if (closing) {
                return;
            }
            closing = true;
            children = new ArrayList<>(services.values());
        }
        if (pings != null) {
            pings.close();
        }
        if (bridge != null) {
            bridge.close();
        }
        if (bridgeMetrics != null) {
            bridgeMetrics.close();
        }
        children.parallelStream().forEach(ServiceProcess::close);
        if (kafka != null) {
            kafka.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
        if (mail != null) {
            mail.close();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(PlatformOptions.USAGE);
            return;
        }
        PlatformOptions options;
        LocalPlatform platform;
        try {
            options = PlatformOptions.fromArgs(args, System.getenv());
            platform = new LocalPlatform(options);
        } catch (IllegalArgumentException | KnativeWiring.ManifestException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before anything starts, so that Ctrl-C during the start leaves no child JVM behind.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping CinemaAbyss ...");
            platform.close();
            log.info("Stopped");
            stopped.countDown();
        }, "shutdown"));
        platform.onUnexpectedExit = service -> System.exit(1);
        try {
            platform.boot();
        } catch (RuntimeException e) {
            if (!platform.closing) {
                log.error("CinemaAbyss did not start: {}", e.getMessage(), e);
            }
            System.exit(1);
        }
        System.out.println(platform.banner());
        Map<String, EventingBridge.Health> reported = new HashMap<>();
        while (!stopped.await(10, TimeUnit.SECONDS)) {
            platform.reportBridgeChanges(reported);
        }
    }

    /** Says when a subscription's worker died and was restarted, or parked events, since the last report. */
    private void reportBridgeChanges(Map<String, EventingBridge.Health> reported) {
        for (EventingBridge.Health now : bridgeHealth()) {
            EventingBridge.Health before = reported.put(now.subscription(), now);
            if (before == null) {
                continue;
            }
            if (now.restarts() > before.restarts() || !now.running()) {
                log.warn("subscription={} running={} restarts={} last error: {}", now.subscription(), now.running(), now.restarts(), now.lastError());
            }
            if (now.parked() > before.parked()) {
                log.warn("subscription={} parked {} more event(s) in the dead-letter topic", now.subscription(), now.parked() - before.parked());
            }
        }
    }

    private String banner() {
        // Every Knative Service in the manifests, the gateway first: a function added there shows up here too.
        StringBuilder functions = new StringBuilder();
        wiring.services().stream()
                .sorted(Comparator.comparing((ServiceSpec spec) -> !spec.name().equals(GATEWAY)).thenComparing(this::port))
                .forEach(spec -> functions.append("  %-16s %s%s%n".formatted(spec.name(), url(spec.name()),
                        spec.name().equals(GATEWAY) ? "   <- clients go here" : "")));
        return """

                CinemaAbyss is up. Ctrl-C stops it.
                %s  Kafka            %s
                  DynamoDB Local   %s
                  payment sandbox  %s   (test cards: tok_visa, tok_chargeDeclined, tok_delayed, tok_duplicateWebhook)
                  media origin     %s   (signed stream URLs from POST /api/v1/playback)
                  reco engine      %s   (the reference recommendation engine)
                  push and SMS     %s   (the stand-in provider: GET /messages shows what it took)
                  mail             smtp://127.0.0.1:%d, imap://127.0.0.1:%d   (login and password: the recipient's address)
                  metrics          %s/actuator/prometheus (each function), %s (the eventing bridge)%s
                  traces           %s/zipkin/   (Zipkin: every request and event, across services and Kafka)
                  admin token      %s   (Authorization: Bearer ... on %s/admin/migration)
                  data and logs    %s
                """.formatted(functions, kafka.bootstrapServers(), dynamo.endpoint(), sandboxUrl(), originUrl(), engineUrl(), notificationSandboxUrl(), mailSmtpPort(), mailImapPort(), url(GATEWAY), bridgeMetricsUrl(),
                options.observe() ? "\n  Prometheus       " + LocalPrometheus.url(prometheusPort()) + "   (rules and alerts: /alerts)" : "", zipkinUrl(), adminToken, url(GATEWAY),
                options.dataDir());
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

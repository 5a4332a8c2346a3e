package com.cinemaabyss.platform;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code infra/bin/run --observe}: a Prometheus server (Debian's binary) on 127.0.0.1:9090 scraping every function the
 * platform runs and the eventing bridge, with the chart's rules loaded. The scrape targets come from the same service
 * list and ports the platform starts, so a new function is scraped without anyone editing a list.
 */
final class LocalPrometheus {

    static final String NAME = "prometheus";
    static final int PORT = 9090;
    static final String RULES = "infra/helm/cinemaabyss/files/prometheus/rules.yaml";
    static final String BRIDGE_JOB = "eventing-bridge";
    static final String SCRAPE_INTERVAL = "5s";

    private LocalPrometheus() {
    }

    /**
     * The configuration: one job per function ({@code job} = the Knative Service name, as the rules and dashboards
     * expect) at {@code /actuator/prometheus}, and the bridge's job.
     */
    static String config(Map<String, URI> functions, URI bridgeMetrics, Path rules) {
        List<Map<String, Object>> jobs = new ArrayList<>();
        functions.forEach((name, url) -> jobs.add(job(name, url.resolve("/actuator/prometheus"))));
        jobs.add(job(BRIDGE_JOB, bridgeMetrics));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("global", Map.of("scrape_interval", SCRAPE_INTERVAL, "evaluation_interval", SCRAPE_INTERVAL));
        config.put("rule_files", List.of(rules.toString()));
        config.put("scrape_configs", jobs);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return "# Written by infra/bin/run --observe from the services it runs; rewritten on every start.\n"
                + new Yaml(options).dump(config);
    }

    private static Map<String, Object> job(String name, URI target) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("job_name", name);
        job.put("metrics_path", target.getPath());
        job.put("static_configs", List.of(Map.of("targets", List.of(target.getHost() + ":" + target.getPort()))));
        return job;
    }

    /** Writes the configuration under {@code dir} and starts Prometheus on loopback; returns once it is ready. */
    static ServiceProcess start(Path binary, Path dir, String config, int port, Path logFile) {
        Path configFile = dir.resolve("prometheus.yml");
        try {
            Files.createDirectories(dir);
            Files.writeString(configFile, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServiceProcess prometheus = ServiceProcess.run(NAME, List.of(binary.toString(),
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--storage.tsdb.retention.time=2d",
                "--web.listen-address=127.0.0.1:" + port), Map.of(), url(port).resolve("/-/ready"), logFile, null);
        return prometheus;
    }

    static URI url(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Debian's prometheus package puts it here; {@code infra/bin/run --observe} installs it when missing. */
    static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, NAME);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("--observe needs Prometheus: infra/bin/ensure-debian-packages prometheus");
    }
}

package com.cinemaabyss.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --observe's Prometheus configuration: every function of the manifests and the bridge, valid for promtool. */
class LocalPrometheusTest {

    @Test
    void everyFunctionOfTheManifestsAndTheBridgeIsScrapedWithTheChartsRules(@TempDir Path dir) throws Exception {
        Path root = PlatformOptions.findRoot(Path.of("").toAbsolutePath());
        KnativeWiring wiring = KnativeWiring.load(root.resolve("knative"));
        Map<String, URI> functions = new LinkedHashMap<>();
        wiring.services().forEach(spec -> functions.put(spec.name(), URI.create("http://127.0.0.1:" + spec.localPort())));
        Path rules = root.resolve(LocalPrometheus.RULES);
        String config = LocalPrometheus.config(functions, URI.create("http://127.0.0.1:9464/metrics"), rules);

        Map<String, Object> parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(config);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) parsed.get("scrape_configs");
        assertEquals(wiring.services().size() + 1, jobs.size());
        Map<String, Object> gateway = jobs.stream().filter(j -> j.get("job_name").equals("gateway")).findFirst().orElseThrow();
        assertEquals("/actuator/prometheus", gateway.get("metrics_path"));
        assertEquals(List.of(Map.of("targets", List.of("127.0.0.1:8000"))), gateway.get("static_configs"));
        Map<String, Object> bridge = jobs.getLast();
        assertEquals(LocalPrometheus.BRIDGE_JOB, bridge.get("job_name"));
        assertEquals("/metrics", bridge.get("metrics_path"));
        assertEquals(List.of(Map.of("targets", List.of("127.0.0.1:9464"))), bridge.get("static_configs"));
        assertEquals(List.of(rules.toString()), parsed.get("rule_files"));

        Path file = dir.resolve("prometheus.yml");
        Files.writeString(file, config);
        Process check = new ProcessBuilder("promtool", "check", "config", file.toString()).redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes());
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), output);
    }
}

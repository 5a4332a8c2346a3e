package com.cinemaabyss.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Prometheus rules and Grafana dashboards of the chart (files/prometheus, files/grafana): the rules pass
 * {@code promtool check rules} and their unit tests ({@code promtool test rules}: each alert fires where it should and
 * not elsewhere); every dashboard parses; and every metric name either queries is one our code registers or one the
 * single list of external names (files/external-metrics.yaml) documents.
 */
class ObservabilityAsCodeTest {

    static final Path FILES = Manifests.CHART.resolve("files");
    static final Path RULES = FILES.resolve("prometheus/rules.yaml");
    static final Path RULES_TEST = FILES.resolve("prometheus/rules-test.yaml");
    static final Path DASHBOARDS = FILES.resolve("grafana");
    static final Path EXTERNAL = FILES.resolve("external-metrics.yaml");
    /** Where the code that registers meters lives. */
    static final List<String> SOURCES = List.of("functions", "bff", "events", "infra/platform");

    private static final Pattern SUFFIX = Pattern.compile("_(bucket|count|sum|max|total|seconds|records|bytes)$");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan");

    @Test
    void theRulesPassPromtoolCheckAndTheirUnitTests() throws Exception {
        Path promtool = promtool();
        assertPromtool(promtool, "check", "rules", RULES.toString());
        String tested = assertPromtool(promtool, "test", "rules", RULES_TEST.toString());
        assertTrue(tested.contains("SUCCESS"), tested);
    }

    @Test
    void everyAlertHasAUnitTestThatFiresIt() {
        Set<String> alerts = new TreeSet<>();
        for (Map<String, Object> group : maps(yaml(RULES).get("groups"))) {
            for (Map<String, Object> rule : maps(group.get("rules"))) {
                if (rule.containsKey("alert")) {
                    alerts.add((String) rule.get("alert"));
                }
            }
        }
        Set<String> fired = new TreeSet<>();
        for (Map<String, Object> test : maps(yaml(RULES_TEST).get("tests"))) {
            for (Map<String, Object> check : maps(test.getOrDefault("alert_rule_test", List.of()))) {
                if (!maps(check.get("exp_alerts")).isEmpty()) {
                    fired.add((String) check.get("alertname"));
                }
            }
        }
        assertEquals(alerts, fired, "alerts without a promtool case where they fire");
        assertTrue(alerts.containsAll(Set.of("GatewayAvailabilityBudgetBurnFast", "GatewayLatencyBudgetBurnFast", "DeadLettersGrowing",
                "ConsumerLagGrowing", "OutboxStuck")), alerts.toString());
    }

    @Test
    void theChartShipsTheseRulesAndDashboards() throws IOException {
        Map<String, String> rendered = Manifests.knativeFiles();
        Map<String, Object> rules = yamlText(rendered.get("observability/prometheus-rules.yaml"));
        assertEquals(Files.readString(RULES).strip(), ((Map<?, ?>) rules.get("data")).get("cinemaabyss.rules.yaml").toString().strip());
        for (Path dashboard : dashboards()) {
            String name = dashboard.getFileName().toString().replace(".json", "");
            Map<String, Object> configMap = yamlText(rendered.get("observability/dashboard-" + name + ".yaml"));
            assertEquals("1", ((Map<?, ?>) ((Map<?, ?>) configMap.get("metadata")).get("labels")).get("grafana_dashboard"));
            assertEquals(Files.readString(dashboard).strip(), ((Map<?, ?>) configMap.get("data")).get(name + ".json").toString().strip());
        }
    }

    @Test
    void everyDashboardParsesAndEveryMetricItQueriesIsKnown() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> uids = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        Set<String> known = knownNames();
        List<Path> dashboards = dashboards();
        assertTrue(dashboards.size() >= 5, "dashboards: " + dashboards);
        for (Path file : dashboards) {
            JsonNode dashboard = json.readTree(file.toFile());
            assertTrue(uids.add(dashboard.path("uid").asText()), file + ": uid missing or used twice");
            assertFalse(dashboard.path("title").asText().isBlank(), file + ": no title");
            List<String> queries = new ArrayList<>();
            dashboard.findValues("expr").forEach(expr -> queries.add(expr.asText()));
            // A variable's label_values(metric{...}, label): the metric is the query, the label is not a metric.
            dashboard.findValues("definition").forEach(expr -> queries.add(expr.asText().replaceAll("^label_values\\((.*),\\s*\\w+\\)$", "$1")));
            assertFalse(queries.isEmpty(), file + " queries nothing");
            for (String query : queries) {
                for (String metric : metricNames(query)) {
                    if (!known.contains(metric)) {
                        unknown.add(file.getFileName() + ": " + metric + " in " + query);
                    }
                }
            }
        }
        assertEquals(List.of(), unknown, "metrics neither our code registers nor files/external-metrics.yaml lists");
    }

    @Test
    void everyMetricTheRulesQueryIsKnown() {
        Set<String> known = knownNames();
        List<String> unknown = new ArrayList<>();
        for (Map<String, Object> group : maps(yaml(RULES).get("groups"))) {
            for (Map<String, Object> rule : maps(group.get("rules"))) {
                for (String metric : metricNames((String) rule.get("expr"))) {
                    if (!known.contains(metric)) {
                        unknown.add(metric + " in " + rule.getOrDefault("alert", rule.get("record")));
                    }
                }
            }
        }
        assertEquals(List.of(), unknown);
    }

    @Test
    void theCheckCatchesAMetricNobodyExposes() {
        Set<String> known = knownNames();
        assertEquals(Set.of("payments_settled_total", "gateway_requests_total"), metricNames(
                "sum by (outcome) (rate(payments_settled_total{purpose=\"checkout\",x=~\"a|b\"}[5m])) / on (job) group_left sum(gateway_requests_total offset 1h)"));
        assertTrue(known.contains("payments_settled_total") && known.contains("eventing_consumer_lag_records")
                && known.contains("outbox_oldest_pending_age_seconds") && known.contains("autoscaler_panic_mode"));
        assertFalse(known.contains("payments_checkouts_total"), "a plausible name no code registers");
        assertFalse(known.contains("eventing_dead_letter_total"), "a misspelt one");
    }

    /** The metric names a PromQL expression reads (recording rules' level:metric:operation names included). */
    static Set<String> metricNames(String promql) {
        String text = STRING.matcher(promql).replaceAll("\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(text);
        while (identifier.find()) {
            String name = identifier.group();
            int after = identifier.end();
            while (after < text.length() && text.charAt(after) == ' ') {
                after++;
            }
            boolean function = after < text.length() && text.charAt(after) == '(';
            boolean number = identifier.start() > 0 && Character.isDigit(text.charAt(identifier.start() - 1));
            boolean variable = identifier.start() > 0 && text.charAt(identifier.start() - 1) == '$';
            if (!function && !number && !variable && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    private static Set<String> known;

    /** Our meters (by their Micrometer names in the sources), the external list, and the rules' recorded names. */
    static synchronized Set<String> knownNames() {
        if (known == null) {
            known = Set.copyOf(findKnownNames());
        }
        return known;
    }

    private static Set<String> findKnownNames() {
        Set<String> known = new HashSet<>();
        for (Map<String, Object> component : yaml(EXTERNAL).values().stream().map(ObservabilityAsCodeTest::map).toList()) {
            known.addAll(ObservabilityAsCodeTest.<String>list(component.get("names")));
        }
        for (Map<String, Object> group : maps(yaml(RULES).get("groups"))) {
            for (Map<String, Object> rule : maps(group.get("rules"))) {
                if (rule.containsKey("record")) {
                    known.add((String) rule.get("record"));
                }
            }
        }
        Set<String> literals = meterNameLiterals();
        for (String candidate : candidateNamesIn(literals)) {
            known.add(candidate);
        }
        return known;
    }

    /**
     * Every Prometheus name a meter literal of our sources can produce: Micrometer turns {@code a.b.c} into
     * {@code a_b_c}, adds a base unit ({@code _seconds}, {@code _records}, ...) and the type's suffixes.
     */
    private static Set<String> candidateNamesIn(Set<String> literals) {
        Set<String> names = new HashSet<>();
        for (String literal : literals) {
            String base = literal.replace('.', '_');
            for (String unit : List.of("", "_seconds", "_records", "_bytes", "_events")) {
                for (String type : List.of("", "_total", "_count", "_sum", "_max", "_bucket")) {
                    names.add(base + unit + type);
                }
            }
        }
        return names;
    }

    /** String literals in our main sources that look like meter names ("a.b" or "a_b_total"). */
    private static Set<String> meterNameLiterals() {
        Pattern literal = Pattern.compile("\"([a-z][a-z0-9]*(?:[._][a-z0-9]+)+)\"");
        Set<String> found = new HashSet<>();
        for (String source : SOURCES) {
            try (Stream<Path> files = Files.walk(Manifests.ROOT.resolve(source))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/")).toList()) {
                    Matcher m = literal.matcher(Files.readString(file));
                    while (m.find()) {
                        String name = m.group(1);
                        found.add(name);
                        found.add(SUFFIX.matcher(name).replaceAll(""));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    static Path promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path debian = Path.of("/usr/bin/promtool");
        assertTrue(Files.isExecutable(debian), "promtool is missing: infra/bin/ensure-debian-packages prometheus installs it"
                + " (infra/bin/test does that before Maven)");
        return debian;
    }

    private static String assertPromtool(Path promtool, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(RULES.getParent().toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
        return output;
    }

    private static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Map<String, Object> yaml(Path file) {
        try {
            return yamlText(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> yamlText(String text) {
        assertNotNull(text, "not rendered: run infra/bin/render-manifests");
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object value) {
        return value == null ? List.of() : (List<T>) value;
    }
}

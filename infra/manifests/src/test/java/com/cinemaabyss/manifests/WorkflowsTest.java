package com.cinemaabyss.manifests;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GitHub workflows are valid YAML, use only known actions, and run only the project's own commands. */
class WorkflowsTest {

    private static final Set<String> ACTIONS = Set.of("actions/checkout@v4", "actions/setup-java@v4", "actions/upload-artifact@v4");
    private static final Pattern SCRIPT = Pattern.compile("(infra/bin/[a-z-]+(?:\\.sh)?)");

    @Test
    void workflowsUseKnownActionsAndExistingScripts() throws IOException {
        Path dir = Manifests.ROOT.resolve(".github/workflows");
        List<Path> workflows;
        try (Stream<Path> files = Files.list(dir)) {
            workflows = files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
        assertEquals(List.of("ci.yml", "e2e.yml", "images.yml"), workflows.stream().map(p -> p.getFileName().toString()).toList());
        for (Path workflow : workflows) {
            Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(workflow));
            // YAML 1.1 reads the key "on" as true.
            assertTrue(yaml.containsKey("on") || yaml.containsKey(true), workflow + " has no trigger");
            Map<String, Map<String, Object>> jobs = Manifests.at(yaml, "jobs");
            assertFalse(jobs.isEmpty(), workflow + " has no job");
            for (Map<String, Object> job : jobs.values()) {
                List<Map<String, Object>> steps = Manifests.at(job, "steps");
                for (Map<String, Object> step : steps) {
                    if (step.containsKey("uses")) {
                        assertTrue(ACTIONS.contains(step.get("uses")), workflow + " uses an unknown action " + step.get("uses"));
                    }
                    if (step.containsKey("run")) {
                        Matcher script = SCRIPT.matcher(String.valueOf(step.get("run")));
                        while (script.find()) {
                            assertTrue(Files.isRegularFile(Manifests.ROOT.resolve(script.group(1))), workflow + " runs a missing " + script.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(Files.readString(Manifests.ROOT.resolve(".ci/run")).contains("infra/bin/test"), ".ci/run must run the README's test command");
    }

    @Test
    void theImagesJibBuildsAreTheImagesTheServicesRun() throws IOException {
        for (Manifests.Doc service : Manifests.docs(Manifests.knativeFiles()).stream().filter(d -> d.kind().equals("Service")).toList()) {
            String module = Manifests.at(service.yaml(), "metadata", "annotations", "cinemaabyss.io/module");
            String pom = Files.readString(Manifests.ROOT.resolve(module).resolve("pom.xml"));
            assertTrue(pom.contains("<image.name>" + service.name() + "</image.name>") && pom.contains("<artifactId>jib-maven-plugin</artifactId>"),
                    module + "/pom.xml must build the image " + service.name());
            String image = Manifests.at(service.yaml(), "spec", "template", "spec", "containers", "0", "image");
            assertEquals("ghcr.io/cinemaabyss/" + service.name() + ":latest", image);
        }
    }
}

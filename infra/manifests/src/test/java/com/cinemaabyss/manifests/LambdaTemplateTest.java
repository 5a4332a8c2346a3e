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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SAM template points each Lambda at a zip a module builds, an application class, and a function bean that exists. */
class LambdaTemplateTest {

    @Test
    void everyLambdaRunsAFunctionBeanOfItsModule() throws IOException {
        Path template = Manifests.ROOT.resolve("infra/aws/template.yaml");
        Map<String, Object> sam = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(template));
        assertEquals("AWS::Serverless-2016-10-31", sam.get("Transform"));
        assertEquals("org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest",
                Manifests.at(sam, "Globals", "Function", "Handler"));
        Map<String, Map<String, Object>> resources = Manifests.at(sam, "Resources");
        assertFalse(resources.isEmpty());
        for (Map.Entry<String, Map<String, Object>> function : resources.entrySet()) {
            String codeUri = Manifests.at(function.getValue(), "Properties", "CodeUri");
            Path module = template.getParent().resolve(codeUri).normalize().getParent().getParent();
            String pom = Files.readString(module.resolve("pom.xml"));
            assertTrue(pom.contains("maven-assembly-plugin"), function.getKey() + ": " + module + " builds no Lambda zip");
            String zipName = Path.of(codeUri).getFileName().toString();
            assertTrue(pom.contains("<finalName>" + zipName.replace("-lambda.zip", "") + "</finalName>"), function.getKey() + ": " + zipName);

            String mainClass = Manifests.at(function.getValue(), "Properties", "Environment", "Variables", "MAIN_CLASS");
            assertTrue(Files.isRegularFile(module.resolve("src/main/java/" + mainClass.replace('.', '/') + ".java")),
                    function.getKey() + ": no class " + mainClass + " in " + module);

            String definition = Manifests.at(function.getValue(), "Properties", "Environment", "Variables", "SPRING_CLOUD_FUNCTION_DEFINITION");
            assertTrue(declaresBean(module, definition) || declaresBean(Manifests.ROOT.resolve("functions/catalog"), definition),
                    function.getKey() + ": no function bean '" + definition + "' in " + module + " or the catalog's movies library");
        }
    }

    /**
     * A module whose Lambdas take Kafka triggers takes every topic its Knative KafkaSources give it, under the same
     * consumer group, so moving it to Lambda neither drops a stream nor reads one from the start again.
     */
    @Test
    void aModuleOnLambdaConsumesEveryTopicItsKafkaSourcesDeliverWithTheSameConsumerGroup() throws IOException {
        Map<String, Object> sam = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Manifests.ROOT.resolve("infra/aws/template.yaml")));
        Map<String, Map<String, Object>> resources = Manifests.at(sam, "Resources");
        Map<String, Set<String>> triggersByModule = new TreeMap<>();
        for (Map<String, Object> function : resources.values()) {
            String module = Path.of(Manifests.<String>at(function, "Properties", "CodeUri")).getParent().getParent().getFileName().toString();
            Map<String, Map<String, Object>> events = Manifests.at(function, "Properties", "Events");
            for (Map<String, Object> event : events == null ? List.<Map<String, Object>>of() : events.values()) {
                if ("MSK".equals(event.get("Type"))) {
                    for (String topic : Manifests.<List<String>>at(event, "Properties", "Topics")) {
                        triggersByModule.computeIfAbsent(module, m -> new TreeSet<>())
                                .add(topic + " as " + Manifests.at(event, "Properties", "ConsumerGroupId"));
                    }
                }
            }
        }
        assertFalse(triggersByModule.isEmpty());
        int checked = 0;
        List<String> missing = new java.util.ArrayList<>();
        for (Manifests.Doc source : Manifests.docs(Manifests.knativeFiles())) {
            String service = Manifests.at(source.yaml(), "spec", "sink", "ref", "name");
            if (!source.kind().equals("KafkaSource") || !triggersByModule.containsKey(service)) {
                continue;
            }
            for (String topic : Manifests.<List<String>>at(source.yaml(), "spec", "topics")) {
                String expected = topic + " as " + Manifests.at(source.yaml(), "spec", "consumerGroup");
                if (!triggersByModule.get(service).contains(expected)) {
                    missing.add(service + " lacks " + expected + " (KafkaSource " + source.name() + ")");
                }
                checked++;
            }
        }
        assertEquals(List.of(), missing, "Kafka triggers the Lambdas lack");
        assertTrue(checked >= 8, "notifications alone has eight KafkaSources: " + checked);
    }

    private static boolean declaresBean(Path module, String name) throws IOException {
        Pattern bean = Pattern.compile("@Bean\\s+public\\s+(Function|Supplier|Consumer)<[^\\n]*>\\s+" + Pattern.quote(name) + "\\(");
        try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (bean.matcher(Files.readString(source)).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}

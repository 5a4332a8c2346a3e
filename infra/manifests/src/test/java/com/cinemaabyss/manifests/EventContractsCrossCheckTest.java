package com.cinemaabyss.manifests;

import com.cinemaabyss.contracts.EventContract;
import com.cinemaabyss.contracts.EventContracts;
import com.cinemaabyss.contracts.Operation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event contracts (events/contracts: the AsyncAPI document and its JSON Schemas) agree with the code that
 * emits events and with the manifests that carry them: every CloudEvent type written in the code has a contract,
 * every topic a contract names is created by the cluster, and who receives what is exactly what the KafkaSources
 * deliver.
 */
class EventContractsCrossCheckTest {

    /** A CloudEvent type of ours as it is written in code: com.cinemaabyss.(domain).(entity).(what).v(N). */
    private static final Pattern TYPE_LITERAL = Pattern.compile("\"(com\\.cinemaabyss\\.[a-z0-9_]+(?:\\.[a-z0-9_]+)+\\.v\\d+)\"");
    private static final List<String> CODE_FOLDERS = List.of("functions", "events", "bff");

    private final EventContracts contracts = EventContracts.load();
    private final List<Manifests.Doc> docs = Manifests.docs(Manifests.knativeFiles());

    @Test
    void everyCloudEventTypeWrittenInTheCodeHasAContract() {
        Map<String, String> typesInCode = typesWrittenInMainCode();
        assertTrue(typesInCode.size() >= 4, "the scan found too few event types to be looking in the right place: " + typesInCode);
        typesInCode.forEach((type, file) ->
                assertTrue(contracts.forType(type).isPresent(), file + " writes CloudEvent type " + type + ", which has no contract in events/contracts"));
    }

    @Test
    void everyContractIsOnATopicTheClusterCreates() {
        Set<String> topics = names("KafkaTopic");
        for (EventContract contract : contracts.all()) {
            assertTrue(topics.contains(contract.topic()), contract.type() + " is on " + contract.topic() + ", which knative/strimzi does not create");
        }
    }

    @Test
    void theReceiversInTheAsyncApiDocumentAreExactlyTheKafkaSources() {
        Set<String> documented = contracts.operations().stream()
                .filter(op -> op.action() == Operation.Action.RECEIVE)
                .map(op -> op.subscription() + ": " + op.topic() + " -> " + op.service())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> deployed = new TreeSet<>();
        for (Manifests.Doc source : docs.stream().filter(d -> d.kind().equals("KafkaSource")).toList()) {
            String service = Manifests.at(source.yaml(), "spec", "sink", "ref", "name");
            List<String> topics = Manifests.at(source.yaml(), "spec", "topics");
            topics.forEach(topic -> deployed.add(source.name() + ": " + topic + " -> " + service));
        }
        assertEquals(deployed, documented);
    }

    @Test
    void everySenderInTheAsyncApiDocumentIsADeployedService() {
        Set<String> services = names("Service");
        List<Operation> sends = contracts.operations().stream().filter(op -> op.action() == Operation.Action.SEND).toList();
        assertTrue(!sends.isEmpty());
        for (Operation send : sends) {
            assertTrue(services.contains(send.service()), send.id() + ": " + send.service() + " is not a Knative Service in knative/serving");
            assertTrue(!send.types().isEmpty(), send.id() + " sends no typed message");
        }
    }

    private Set<String> names(String kind) {
        return docs.stream().filter(d -> d.kind().equals(kind)).map(Manifests.Doc::name).collect(Collectors.toSet());
    }

    /** Each type literal in main code, with a file it appears in. */
    private static Map<String, String> typesWrittenInMainCode() {
        Map<String, String> types = new TreeMap<>();
        for (String folder : CODE_FOLDERS) {
            try (Stream<Path> files = Files.walk(Manifests.ROOT.resolve(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")).toList()) {
                    Matcher m = TYPE_LITERAL.matcher(Files.readString(file));
                    while (m.find()) {
                        types.putIfAbsent(m.group(1), Manifests.ROOT.relativize(file).toString());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return types;
    }
}

package com.cinemaabyss.contracts;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The platform's event contracts, read from the AsyncAPI document {@value #ASYNCAPI_RESOURCE} on the classpath
 * and the JSON Schemas its messages reference: which CloudEvent type travels on which topic with which data,
 * and which service sends or receives it. Loaded and compiled once; immutable and thread-safe.
 *
 * <p>A message of the document is a contract when it has {@code x-cloudevent-type}; its {@code payload} is a
 * {@code $ref} to a schema file relative to the document, and the one channel that lists it gives its topic.
 */
public final class EventContracts {

    public static final String ASYNCAPI_RESOURCE = "contracts/asyncapi.yaml";
    private static final String BASE = "contracts/";
    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final int MAX_REF_HOPS = 8;

    private static volatile EventContracts loaded;

    private final String asyncApiYaml;
    private final Map<String, EventContract> byType;
    private final List<Operation> operations;

    private EventContracts(String asyncApiYaml, Map<String, EventContract> byType, List<Operation> operations) {
        this.asyncApiYaml = asyncApiYaml;
        this.byType = Collections.unmodifiableMap(byType);
        this.operations = List.copyOf(operations);
    }

    /**
     * The contracts on the classpath, read and compiled on the first call and shared afterwards.
     *
     * @throws IllegalStateException when the document or a schema is missing or inconsistent
     */
    public static EventContracts load() {
        EventContracts contracts = loaded;
        if (contracts == null) {
            synchronized (EventContracts.class) {
                contracts = loaded;
                if (contracts == null) {
                    contracts = read(EventContracts.class.getClassLoader());
                    loaded = contracts;
                }
            }
        }
        return contracts;
    }

    public Optional<EventContract> forType(String type) {
        return type == null ? Optional.empty() : Optional.ofNullable(byType.get(type));
    }

    /** Every contract, in the order of the document's messages. */
    public Collection<EventContract> all() {
        return byType.values();
    }

    public Set<String> types() {
        return byType.keySet();
    }

    /** The AsyncAPI document as written, e.g. to serve it over HTTP. */
    public String asyncApiYaml() {
        return asyncApiYaml;
    }

    /** Who sends and who receives what, in the order of the document. */
    public List<Operation> operations() {
        return operations;
    }

    // ---- reading ----

    static EventContracts read(ClassLoader loader) {
        String yaml = new String(resource(loader, ASYNCAPI_RESOURCE), StandardCharsets.UTF_8);
        JsonNode doc = YAMLMapper.builder().build().readTree(yaml);
        String version = doc.path("asyncapi").asString("");
        if (!version.startsWith("3.")) {
            throw invalid("declares asyncapi '" + version + "', expected 3.x");
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemaLoader(schemaLoader -> schemaLoader.fetchRemoteResources(false)));
        JsonMapper json = JsonMapper.builder().build();

        // message pointer -> type, for the messages that are contracts
        Map<String, String> typeOfMessage = new LinkedHashMap<>();
        Map<String, String> schemaOfType = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> message : doc.path("components").path("messages").properties()) {
            JsonNode type = message.getValue().get("x-cloudevent-type");
            if (type == null) {
                continue;
            }
            String name = message.getValue().path("name").asString("");
            if (!type.asString().equals(name)) {
                throw invalid("message '" + message.getKey() + "' is named '" + name + "' but has x-cloudevent-type '" + type.asString() + "'");
            }
            String ref = message.getValue().path("payload").path("$ref").asString("");
            if (!ref.startsWith("./") || ref.contains("..")) {
                throw invalid("message '" + message.getKey() + "' needs a payload $ref to a schema file under ./, got '" + ref + "'");
            }
            if (schemaOfType.put(type.asString(), BASE + ref.substring(2)) != null) {
                throw invalid("two messages have x-cloudevent-type '" + type.asString() + "'");
            }
            typeOfMessage.put("/components/messages/" + escape(message.getKey()), type.asString());
        }

        Map<String, String> topicOfType = new LinkedHashMap<>();
        Map<String, String> topicOfChannel = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> channel : doc.path("channels").properties()) {
            String topic = channel.getValue().path("address").asString("");
            if (topic.isEmpty()) {
                throw invalid("channel '" + channel.getKey() + "' has no address");
            }
            topicOfChannel.put("/channels/" + escape(channel.getKey()), topic);
            for (JsonNode message : channel.getValue().path("messages")) {
                String type = typeOfMessage.get(follow(doc, message));
                if (type != null && topicOfType.put(type, topic) != null) {
                    throw invalid("CloudEvent type '" + type + "' is on more than one channel");
                }
            }
        }

        Map<String, EventContract> byType = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : schemaOfType.entrySet()) {
            String type = entry.getKey();
            String topic = topicOfType.get(type);
            if (topic == null) {
                throw invalid("CloudEvent type '" + type + "' is on no channel");
            }
            byType.put(type, new EventContract(type, topic, entry.getValue(), compile(loader, registry, json, entry.getValue())));
        }

        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> operation : doc.path("operations").properties()) {
            JsonNode node = operation.getValue();
            String topic = topicOfChannel.get(follow(doc, node.path("channel")));
            if (topic == null) {
                throw invalid("operation '" + operation.getKey() + "' refers to no channel");
            }
            String service = node.path("x-service").asString("");
            if (service.isEmpty()) {
                throw invalid("operation '" + operation.getKey() + "' has no x-service");
            }
            Set<String> types = new LinkedHashSet<>();
            for (JsonNode message : node.path("messages")) {
                String type = typeOfMessage.get(follow(doc, message));
                if (type != null) {
                    types.add(type);
                }
            }
            JsonNode subscription = node.get("x-subscription");
            operations.add(new Operation(operation.getKey(), Operation.Action.fromAsyncApi(node.path("action").asString("")),
                    service, subscription == null ? null : subscription.asString(), topic, List.copyOf(types)));
        }
        return new EventContracts(yaml, byType, operations);
    }

    private static Schema compile(ClassLoader loader, SchemaRegistry registry, JsonMapper json, String resource) {
        JsonNode node = json.readTree(resource(loader, resource));
        if (!DRAFT_2020_12.equals(node.path("$schema").asString(""))) {
            throw invalid(resource + " must declare $schema " + DRAFT_2020_12);
        }
        String id = node.path("$id").asString("");
        if (id.isEmpty()) {
            throw invalid(resource + " has no $id");
        }
        Schema schema = registry.getSchema(SchemaLocation.of(id), node);
        schema.initializeValidators();
        return schema;
    }

    /** Follows {@code $ref}s to local JSON Pointers from {@code node}; the pointer of the node they end at, or null. */
    private static String follow(JsonNode doc, JsonNode node) {
        String pointer = null;
        for (int hop = 0; hop < MAX_REF_HOPS; hop++) {
            String ref = node.path("$ref").asString("");
            if (!ref.startsWith("#/")) {
                return pointer;
            }
            pointer = ref.substring(1);
            node = doc.at(pointer);
            if (node.isMissingNode()) {
                throw invalid("$ref '" + ref + "' points at nothing");
            }
        }
        throw invalid("more than " + MAX_REF_HOPS + " $ref hops");
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static byte[] resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw invalid("classpath resource " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + name, e);
        }
    }

    private static IllegalStateException invalid(String problem) {
        return new IllegalStateException("event contracts (" + ASYNCAPI_RESOURCE + "): " + problem);
    }
}

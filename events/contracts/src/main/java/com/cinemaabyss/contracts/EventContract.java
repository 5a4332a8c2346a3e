package com.cinemaabyss.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.ValidationLimitExceededException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The contract of one CloudEvent type: the topic it travels on and the JSON Schema of its data, compiled once.
 * Instances come from {@link EventContracts}; they are immutable and thread-safe.
 *
 * <p>A class rather than a record so that the compiled schema stays private: equality is on type, topic and
 * schema resource.
 */
public final class EventContract {

    /** At most this many violations are reported for one document. */
    public static final int MAX_VIOLATIONS = 10;
    /** Bounds the validator's work on one document; a document within the parser's limits needs far fewer. */
    static final long MAX_EVALUATION_STEPS = 1_000_000;

    private final String type;
    private final String topic;
    private final String schemaResource;
    private final Schema schema;

    EventContract(String type, String topic, String schemaResource, Schema schema) {
        this.type = Objects.requireNonNull(type);
        this.topic = Objects.requireNonNull(topic);
        this.schemaResource = Objects.requireNonNull(schemaResource);
        this.schema = Objects.requireNonNull(schema);
    }

    /** The CloudEvent type, e.g. {@value EventTypes#MOVIE_EVENT}. */
    public String type() {
        return type;
    }

    /** The Kafka topic events of this type are published to. */
    public String topic() {
        return topic;
    }

    /** The classpath resource of the data's JSON Schema, e.g. {@code contracts/schemas/<type>.json}. */
    public String schemaResource() {
        return schemaResource;
    }

    /**
     * What is wrong with {@code json} as the data of this type, one line per problem naming the field, at most
     * {@value #MAX_VIOLATIONS}; empty when the data matches the schema. Never throws for any input.
     */
    public List<String> violations(byte[] json) {
        return switch (DataReader.read(json)) {
            case DataReader.Unreadable unreadable -> List.of(unreadable.violation());
            case DataReader.Parsed parsed -> check(parsed);
        };
    }

    /** @throws ContractViolationException when {@link #violations(byte[])} is not empty */
    public void requireValid(byte[] json) {
        List<String> violations = violations(json);
        if (!violations.isEmpty()) {
            throw new ContractViolationException(type, violations);
        }
    }

    private List<String> check(DataReader.Parsed parsed) {
        List<Error> errors;
        try {
            errors = schema.validate(parsed.node(), (Consumer<ExecutionContext>) context ->
                    context.executionConfig(config -> config.formatAssertionsEnabled(true).maxEvaluationSteps(MAX_EVALUATION_STEPS)));
        } catch (ValidationLimitExceededException e) {
            return List.of("data is too large to check: more than " + MAX_EVALUATION_STEPS + " schema evaluation steps");
        }
        Set<String> violations = new LinkedHashSet<>();
        for (Error error : errors) {
            if (violations.size() == MAX_VIOLATIONS) {
                break;
            }
            violations.add(Violations.describe(error));
        }
        return List.copyOf(violations);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventContract that && type.equals(that.type) && topic.equals(that.topic)
                && schemaResource.equals(that.schemaResource);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, topic, schemaResource);
    }

    @Override
    public String toString() {
        return "EventContract[type=" + type + ", topic=" + topic + ", schemaResource=" + schemaResource + "]";
    }
}

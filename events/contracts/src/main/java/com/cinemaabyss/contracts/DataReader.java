package com.cinemaabyss.contracts;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses untrusted event data into a tree, within fixed limits. Floating-point numbers become doubles (an
 * exponent too large for a double becomes an infinity, which the schema check reports), integers too large
 * for a long become BigIntegers of at most {@value #MAX_NUMBER_LENGTH} digits; no number is ever expanded
 * into its decimal digits.
 */
final class DataReader {

    static final int MAX_DOCUMENT_BYTES = 1_048_576;
    static final int MAX_NUMBER_LENGTH = 64;
    static final int MAX_STRING_LENGTH = 1_000_000;
    static final int MAX_NAME_LENGTH = 1_000;
    static final int MAX_NESTING_DEPTH = 32;
    static final long MAX_TOKENS = 100_000;
    private static final int MAX_PARSER_MESSAGE = 200;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxDocumentLength(MAX_DOCUMENT_BYTES)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNameLength(MAX_NAME_LENGTH)
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxTokenCount(MAX_TOKENS)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The tree, or the one violation that stops the data from being checked at all. */
    sealed interface Result {
    }

    record Parsed(JsonNode node) implements Result {
    }

    record Unreadable(String violation) implements Result {
    }

    private DataReader() {
    }

    static Result read(byte[] json) {
        if (json == null || json.length == 0) {
            return new Unreadable("data is missing");
        }
        if (json.length > MAX_DOCUMENT_BYTES) {
            return new Unreadable("data is larger than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                return new Unreadable("data is missing");
            }
            return new Parsed(node);
        } catch (StreamConstraintsException e) {
            return new Unreadable("data exceeds a JSON parsing limit: " + firstLine(e.getOriginalMessage()));
        } catch (JacksonException e) {
            return new Unreadable("data is not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        String line = (end < 0 ? message : message.substring(0, end)).strip();
        return line.length() <= MAX_PARSER_MESSAGE ? line : line.substring(0, MAX_PARSER_MESSAGE) + "...";
    }
}

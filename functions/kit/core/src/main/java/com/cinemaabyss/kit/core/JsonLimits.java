package com.cinemaabyss.kit.core;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * What every JSON parser of the platform accepts (requests, and event data read back from Kafka). Bodies are at most 64 KiB, so these bounds cost a legitimate
 * client nothing; they stop a short body from making the parser or a later {@code BigDecimal} do unbounded work.
 */
public final class JsonLimits {

    public static final int MAX_NUMBER_LENGTH = 64;
    public static final int MAX_STRING_LENGTH = 1 << 20;
    public static final int MAX_NAME_LENGTH = 1_000;
    public static final int MAX_NESTING_DEPTH = 32;

    public static final StreamReadConstraints READ = StreamReadConstraints.builder()
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .build();

    public static final String EXCEEDED = "request body exceeds a JSON limit: numbers of at most " + MAX_NUMBER_LENGTH
            + " characters, strings of at most " + MAX_STRING_LENGTH + " characters, nesting of at most " + MAX_NESTING_DEPTH + " levels";

    private JsonLimits() {
    }

    public static JsonFactory factory() {
        return JsonFactory.builder().streamReadConstraints(READ).build();
    }
}

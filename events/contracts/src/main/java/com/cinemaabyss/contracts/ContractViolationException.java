package com.cinemaabyss.contracts;

import java.util.List;

/** The data of a CloudEvent does not match the JSON Schema of its type. */
public class ContractViolationException extends RuntimeException {

    private static final int VIOLATIONS_IN_MESSAGE = 3;

    private final String type;
    private final List<String> violations;

    public ContractViolationException(String type, List<String> violations) {
        super(message(type, violations));
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    /** The CloudEvent type whose schema the data breaks. */
    public String type() {
        return type;
    }

    /** What is wrong, one line per field, at most {@value EventContract#MAX_VIOLATIONS}; never empty. */
    public List<String> violations() {
        return violations;
    }

    private static String message(String type, List<String> violations) {
        String first = String.join("; ", violations.subList(0, Math.min(VIOLATIONS_IN_MESSAGE, violations.size())));
        int more = violations.size() - VIOLATIONS_IN_MESSAGE;
        return "data of " + type + " breaks its schema: " + first + (more > 0 ? " (and " + more + " more)" : "");
    }
}

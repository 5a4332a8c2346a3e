package com.cinemaabyss.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the validator's errors into one line each that names the field and the rule, using only the schema's
 * values: the data's own values are never echoed, so a violation stays short whatever the data held.
 */
final class Violations {

    private static final String NOT_BLANK = "\\S";

    private Violations() {
    }

    static String describe(Error error) {
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        JsonNode rule = error.getSchemaNode();
        return switch (keyword) {
            case "required" -> subject(error.getInstanceLocation(), error.getProperty()) + " is required";
            case "additionalProperties", "unevaluatedProperties" ->
                    subject(error.getInstanceLocation(), error.getProperty()) + " is not allowed: the schema has no such field";
            case "type" -> typeViolation(error);
            case "maximum" -> subject(error) + " must be at most " + text(rule);
            case "exclusiveMaximum" -> subject(error) + " must be less than " + text(rule);
            case "minimum" -> subject(error) + " must be at least " + text(rule);
            case "exclusiveMinimum" -> subject(error) + " must be greater than " + text(rule);
            case "maxLength" -> subject(error) + " must be at most " + text(rule) + " characters long";
            case "minLength" -> rule != null && rule.asInt() == 1
                    ? subject(error) + " must not be empty"
                    : subject(error) + " must be at least " + text(rule) + " characters long";
            case "pattern" -> rule != null && NOT_BLANK.equals(rule.asString())
                    ? subject(error) + " must not be blank"
                    : subject(error) + " must match the pattern " + text(rule);
            case "enum" -> subject(error) + " must be one of " + values(rule, ", ");
            case "const" -> subject(error) + " must be " + (rule == null ? "a fixed value" : rule.toString());
            case "format" -> subject(error) + " must be a valid " + format(rule);
            case "maxItems" -> subject(error) + " must have at most " + text(rule) + " items";
            case "minItems" -> subject(error) + " must have at least " + text(rule) + " items";
            default -> subject(error) + " breaks the schema rule '" + keyword + "'";
        };
    }

    private static String typeViolation(Error error) {
        JsonNode value = error.getInstanceNode();
        if (value != null && value.isNumber() && value.isFloatingPointNumber() && !Double.isFinite(value.asDouble())) {
            // An exponent beyond a double's range; the validator calls its type "unknown".
            return subject(error) + " is out of range: the number is too large in magnitude";
        }
        return subject(error) + " has the wrong type: expected " + values(error.getSchemaNode());
    }

    private static String subject(Error error) {
        return subject(error.getInstanceLocation(), null);
    }

    /** {@code field 'genres[2]'} for a location (plus a property of the object there), or {@code data} for the root. */
    static String subject(NodePath location, String property) {
        StringBuilder name = new StringBuilder();
        int count = location == null ? 0 : location.getNameCount();
        for (int i = 0; i < count; i++) {
            append(name, location.getElement(i));
        }
        if (property != null) {
            append(name, property);
        }
        return name.isEmpty() ? "data" : "field '" + name + "'";
    }

    private static void append(StringBuilder name, Object element) {
        if (element instanceof Integer index) {
            name.append('[').append(index).append(']');
        } else {
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(element);
        }
    }

    private static String text(JsonNode rule) {
        if (rule == null) {
            return "the schema's limit";
        }
        return rule.isString() ? rule.asString() : rule.toString();
    }

    private static String values(JsonNode rule) {
        return values(rule, " or ");
    }

    private static String values(JsonNode rule, String separator) {
        if (rule == null) {
            return "the schema's values";
        }
        if (!rule.isArray()) {
            return text(rule);
        }
        List<String> values = new ArrayList<>();
        rule.forEach(value -> values.add(text(value)));
        return String.join(separator, values);
    }

    private static String format(JsonNode rule) {
        String format = text(rule);
        return "date-time".equals(format) ? "RFC 3339 date-time, e.g. 2024-05-01T10:15:30Z" : format;
    }
}

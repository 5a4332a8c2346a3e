package com.cinemaabyss.bff.kit;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reading the functions' answers leniently: a missing or mistyped field is null, never an exception. */
public final class Fields {

    private Fields() {
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }

    public static Long number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isIntegralNumber() ? value.asLong() : null;
    }

    public static Integer integer(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isIntegralNumber() && value.canConvertToInt() ? value.asInt() : null;
    }

    public static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isBoolean() ? value.asBoolean() : null;
    }

    public static List<String> texts(JsonNode node, String field) {
        List<String> texts = new ArrayList<>();
        for (JsonNode value : node.path(field).values()) {
            if (value.isString()) {
                texts.add(value.asString());
            }
        }
        return texts;
    }

    /** The value itself when present and not null (passed through as it is), else null. */
    public static JsonNode node(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value;
    }

    /** A search hit's poster, or a title's {@code images.poster}. */
    public static String poster(JsonNode title) {
        String poster = text(title, "poster");
        return poster != null ? poster : text(title.path("images"), "poster");
    }
}

package com.cinemaabyss.catalog.store;

import com.cinemaabyss.kit.core.JsonLimits;
import tools.jackson.databind.json.JsonMapper;

/** Titles as the JSON documents the titles table stores (the same shape the changelog carries). */
public final class Documents {

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonLimits.factory()).build();

    private Documents() {
    }

    public static String toJson(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}

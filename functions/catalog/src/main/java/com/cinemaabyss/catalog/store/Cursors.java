package com.cinemaabyss.catalog.store;

import com.cinemaabyss.kit.core.InvalidInputException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Opaque paging cursors: DynamoDB's last evaluated key, base64url-encoded so clients cannot depend on its form. */
final class Cursors {

    private static final String PREFIX = "movie:";

    private Cursors() {
    }

    static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        String raw = PREFIX + lastEvaluatedKey.get("id").n();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            long id = Long.parseLong(raw.substring(PREFIX.length()));
            return Map.of("id", AttributeValue.fromN(Long.toString(id)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("query parameter 'cursor' is not a cursor this service issued");
        }
    }
}

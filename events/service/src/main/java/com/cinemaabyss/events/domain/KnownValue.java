package com.cinemaabyss.events.domain;

import com.cinemaabyss.kit.core.Checks;
import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A value from a fixed set that becomes a statistic's name and a CloudEvent extension, so it must never be free
 * text. Implemented by enums; the JSON Schema of the event type lists the same values.
 */
public interface KnownValue {

    String name();

    /** As written in JSON, in statistic names and in the extension header: the constant's name in lower case. */
    default String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & KnownValue> List<String> values(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(KnownValue::value).toList();
    }

    /** {@code value}, stripped, when it is one of {@code type}'s; otherwise a 400 listing them, never echoing the value. */
    static <E extends Enum<E> & KnownValue> String require(String value, Class<E> type, String field) {
        String text = Checks.requireText(value, field);
        List<String> allowed = values(type);
        if (!allowed.contains(text)) {
            throw new InvalidInputException("field '" + field + "' must be one of " + String.join(", ", allowed));
        }
        return text;
    }
}

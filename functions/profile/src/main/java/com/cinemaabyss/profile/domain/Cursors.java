package com.cinemaabyss.profile.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.regex.Pattern;

/**
 * The cursor of a profile's newest-first lists: the time (epoch millis) and the id of the last item shown,
 * {@code <millis>_<id>}. Anything else is refused rather than passed on to DynamoDB.
 */
public final class Cursors {

    private static final Pattern CURSOR = Pattern.compile("([0-9]{1,15})_([0-9]{1,16})");

    public record Position(long atMillis, long id) {
    }

    private Cursors() {
    }

    public static String of(long atMillis, long id) {
        return atMillis + "_" + id;
    }

    public static Position parse(String cursor) {
        var matcher = cursor == null ? null : CURSOR.matcher(cursor);
        if (matcher == null || !matcher.matches()) {
            throw new InvalidInputException("query parameter 'cursor' is not a cursor this list gave out");
        }
        long id = Long.parseLong(matcher.group(2));
        if (id < 1 || id > Ids.MAX) {
            throw new InvalidInputException("query parameter 'cursor' is not a cursor this list gave out");
        }
        return new Position(Long.parseLong(matcher.group(1)), id);
    }
}

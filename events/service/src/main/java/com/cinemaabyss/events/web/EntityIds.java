package com.cinemaabyss.events.web;

import com.cinemaabyss.kit.core.InvalidInputException;
import org.springframework.web.servlet.function.ServerRequest;

import java.util.regex.Pattern;

/** Entity ids in paths: positive integers up to 2^53 - 1, the largest a JSON number carries exactly. */
final class EntityIds {

    static final long MAX = 9_007_199_254_740_991L;
    private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,15}");

    private EntityIds() {
    }

    /** The id in path variable {@code name}; the message does not echo what was sent. */
    static long fromPath(ServerRequest request, String name) {
        String raw = request.pathVariable(name);
        if (!DIGITS.matcher(raw).matches() || Long.parseLong(raw) > MAX) {
            throw new InvalidInputException("path parameter '" + name + "' must be a positive integer of at most " + MAX);
        }
        return Long.parseLong(raw);
    }
}

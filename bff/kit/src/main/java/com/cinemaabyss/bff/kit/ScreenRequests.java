package com.cinemaabyss.bff.kit;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.UnauthorizedException;
import com.cinemaabyss.kit.web.Requests;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;

import java.util.regex.Pattern;

/** Reading a screen request: the headers passed on and the bounded query parameters both BFFs take. */
public final class ScreenRequests {

    private static final Pattern TEXT_PARAM = Pattern.compile("[^\\p{Cntrl}]*");

    private ScreenRequests() {
    }

    public static Forwarded caller(ServerRequest request) {
        return Forwarded.of(request.headers().firstHeader(HttpHeaders.AUTHORIZATION),
                request.headers().firstHeader(Forwarded.CLIENT_COUNTRY));
    }

    public static Forwarded signedIn(ServerRequest request) {
        Forwarded caller = caller(request);
        if (!caller.signedIn()) {
            throw new UnauthorizedException("this screen needs a signed-in viewer: send 'Authorization: Bearer <access token>'");
        }
        return caller;
    }

    public static Long id(ServerRequest request, String name) {
        return Requests.positiveLongParam(request, name).orElse(null);
    }

    public static long pathId(ServerRequest request, String name) {
        String value = request.pathVariable(name);
        if (value.length() > 18 || !value.chars().allMatch(Character::isDigit) || value.isEmpty() || Long.parseLong(value) < 1) {
            throw new InvalidInputException("path segment '" + name + "' must be a positive integer");
        }
        return Long.parseLong(value);
    }

    /** The catalog's search parameters, checked for length here and for meaning by the catalog (its 400 is the screen's). */
    public static String searchQuery(ServerRequest request, int defaultLimit) {
        return Sources.query("q", text(request, "q", 200), "type", text(request, "type", 20), "genre", text(request, "genre", 40),
                "country", text(request, "country", 2), "year_from", text(request, "year_from", 4), "year_to", text(request, "year_to", 4),
                "sort", text(request, "sort", 20),
                "limit", String.valueOf(Requests.intParam(request, "limit", 1, 50).orElse(defaultLimit)),
                "cursor", text(request, "cursor", 512));
    }

    private static String text(ServerRequest request, String name, int max) {
        String value = request.param(name).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > max || !TEXT_PARAM.matcher(value).matches()) {
            throw new InvalidInputException("query parameter '" + name + "' must be at most " + max + " characters of text");
        }
        return value;
    }
}

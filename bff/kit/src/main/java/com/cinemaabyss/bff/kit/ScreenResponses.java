package com.cinemaabyss.bff.kit;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/**
 * A screen's answer on HTTP: the JSON body, a strong ETag (SHA-256 of the body), 304 when the caller's
 * {@code If-None-Match} names it, and Cache-Control by whom the screen is for ({@link Caching}; {@code no-store} when degraded).
 */
public final class ScreenResponses {

    private final JsonMapper json;
    private final String[] vary;

    public ScreenResponses(JsonMapper json, String... vary) {
        this.json = json;
        this.vary = vary;
    }

    public ServerResponse answer(ServerRequest request, Screens.Answer answer) {
        byte[] body = json.writeValueAsBytes(answer.body());
        String etag = etag(body);
        String cacheControl = answer.degraded().isEmpty() ? answer.caching().header() : Caching.DEGRADED;
        if (matches(request.headers().header(HttpHeaders.IF_NONE_MATCH), etag)) {
            return ServerResponse.status(HttpStatus.NOT_MODIFIED).eTag(etag).header(HttpHeaders.CACHE_CONTROL, cacheControl)
                    .varyBy(vary).build();
        }
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).eTag(etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl).varyBy(vary).body(body);
    }

    public static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** If-None-Match: a list of entity tags (weak ones compare by their opaque part) or {@code *}. */
    static boolean matches(List<String> ifNoneMatch, String etag) {
        for (String header : ifNoneMatch) {
            if (header.length() > 2048) {
                continue;
            }
            for (String tag : header.split(",")) {
                String candidate = tag.strip();
                if (candidate.startsWith("W/")) {
                    candidate = candidate.substring(2);
                }
                if (candidate.equals("*") || candidate.equals(etag)) {
                    return true;
                }
            }
        }
        return false;
    }
}

package com.cinemaabyss.gateway.proxy;

/** A request body over {@code cinemaabyss.http.max-body-bytes}, declared or counted as it streamed: a 413. */
public class BodyTooLargeException extends RuntimeException {

    public BodyTooLargeException(long maxBytes) {
        super("request body is larger than " + maxBytes + " bytes", null, false, false);
    }
}

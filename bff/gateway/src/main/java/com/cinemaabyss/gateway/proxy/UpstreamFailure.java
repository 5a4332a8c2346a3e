package com.cinemaabyss.gateway.proxy;

/**
 * An upstream that did not answer usefully before it began to answer: unreachable, too slow, or a 5xx the catalog
 * route will not pass on; {@code reason} labels the fallback metric.
 */
public class UpstreamFailure extends RuntimeException {

    private final String reason;

    public UpstreamFailure(String reason, String message, Throwable cause) {
        super(message, cause, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}

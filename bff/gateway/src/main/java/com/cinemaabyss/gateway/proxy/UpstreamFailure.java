package com.cinemaabyss.gateway.proxy;

/** An upstream that did not answer usefully: unreachable, too slow, or a 5xx; {@code reason} labels the fallback metric. */
public class UpstreamFailure extends RuntimeException {

    private final String reason;
    private final UpstreamResponse response;

    public UpstreamFailure(String reason, String message, UpstreamResponse response, Throwable cause) {
        super(message, cause, false, false);
        this.reason = reason;
        this.response = response;
    }

    public String reason() {
        return reason;
    }

    /** The 5xx answer, when the upstream did answer; null when it could not be reached. */
    public UpstreamResponse response() {
        return response;
    }
}

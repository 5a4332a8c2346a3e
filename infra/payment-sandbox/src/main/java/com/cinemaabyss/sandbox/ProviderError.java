package com.cinemaabyss.sandbox;

/** A refusal the sandbox answers with a status and Stripe's error shape: {@code {"error": {"type", "code", "message"}}}. */
final class ProviderError extends RuntimeException {

    final int status;
    final String type;
    final String code;

    ProviderError(int status, String type, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
    }

    static ProviderError invalid(String code, String message) {
        return new ProviderError(400, "invalid_request_error", code, message);
    }
}

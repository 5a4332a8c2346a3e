package com.cinemaabyss.kit.core.idempotency;

/** An answer kept for replay: status, Content-Type (may be null) and the body's bytes. */
public record StoredResponse(int status, String contentType, byte[] body) {

    public StoredResponse {
        body = body == null ? new byte[0] : body;
    }
}

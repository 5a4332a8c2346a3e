package com.cinemaabyss.gateway.proxy;

import com.cinemaabyss.gateway.domain.Backend;
import com.cinemaabyss.kit.core.UnavailableException;

/**
 * A request the gateway could not get answered by its backend: 504 when the backend was too slow (a write
 * may have been applied), 502 when it broke off its answer, 503 otherwise (unreachable, or the circuit breaker kept
 * the call off it).
 */
public class BackendUnavailableException extends UnavailableException {

    private final Backend backend;
    private final int status;

    public BackendUnavailableException(Backend backend, int status, String message, Throwable cause) {
        super(message, cause);
        this.backend = backend;
        this.status = status;
    }

    public static BackendUnavailableException of(Backend backend, UpstreamFailure failure) {
        int status = "timeout".equals(failure.reason()) ? 504 : 503;
        return new BackendUnavailableException(backend, status, backend.label() + " unavailable: " + failure.getMessage(), failure);
    }

    public Backend backend() {
        return backend;
    }

    public int status() {
        return status;
    }
}

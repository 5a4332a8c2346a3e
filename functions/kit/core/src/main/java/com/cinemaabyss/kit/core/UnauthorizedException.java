package com.cinemaabyss.kit.core;

/**
 * The caller did not prove who it is (no credentials, wrong ones, an invalid token); answered as 401 with
 * {@code WWW-Authenticate: Bearer}. The message is what the caller sees: keep it the same for every cause a caller
 * must not be able to tell apart.
 */
public class UnauthorizedException extends RuntimeException {
    public UnauthorizedException(String message) {
        super(message, null, false, false);
    }
}

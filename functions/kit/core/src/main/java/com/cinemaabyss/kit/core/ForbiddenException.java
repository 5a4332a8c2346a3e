package com.cinemaabyss.kit.core;

/** The caller is known but may not do this; answered as 403. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message, null, false, false);
    }
}

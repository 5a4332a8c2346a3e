package com.cinemaabyss.kit.core;

/** The request contradicts what is stored (a taken unique value); answered as 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message, null, false, false);
    }
}

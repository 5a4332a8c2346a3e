package com.cinemaabyss.kit.core;

/** The addressed thing does not exist; answered as 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}

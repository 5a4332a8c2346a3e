package com.cinemaabyss.kit.core;

/** The caller sent something we cannot accept; answered as 400 with the message as the error. */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message, null, false, false);
    }
}

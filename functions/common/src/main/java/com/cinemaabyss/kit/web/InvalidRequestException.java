package com.cinemaabyss.kit.web;

/** The caller sent something we cannot accept; answered as 400 with the message as the error. */
public class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String message) {
        super(message, null, false, false);
    }
}

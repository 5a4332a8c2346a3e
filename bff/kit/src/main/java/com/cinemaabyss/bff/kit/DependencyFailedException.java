package com.cinemaabyss.bff.kit;

/** A dependency answered something the screen cannot use (a 5xx, an unexpected status, a body that is not JSON). */
public class DependencyFailedException extends RuntimeException {

    public DependencyFailedException(String message) {
        super(message, null, false, false);
    }
}

package com.cinemaabyss.kit.web;

/** The request body is over the configured limit; answered as 413. */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(long limit) {
        super("request body is larger than " + limit + " bytes", null, false, false);
    }
}

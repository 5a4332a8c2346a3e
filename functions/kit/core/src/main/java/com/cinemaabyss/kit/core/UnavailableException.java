package com.cinemaabyss.kit.core;

/** A dependency (Kafka, DynamoDB, a backend) did not answer in time; answered as 503 so the caller can retry. */
public class UnavailableException extends RuntimeException {
    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

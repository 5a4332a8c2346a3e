package com.cinemaabyss.kit.web;

import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * What a function that creates something returns: the new thing, marked 201 in the message header that both ways
 * of calling the function read: the HTTP routes ({@link Responses#of(Message)}) and Spring Cloud Function's AWS
 * adapter, which turns a {@value #STATUS_CODE} header into the API Gateway response's status.
 */
public final class Created {

    public static final String STATUS_CODE = "statusCode";

    private Created() {
    }

    public static <T> Message<T> of(T created) {
        return MessageBuilder.withPayload(created).setHeader(STATUS_CODE, HttpStatus.CREATED.value()).build();
    }
}

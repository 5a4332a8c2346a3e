package com.cinemaabyss.kit.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Catches what fails before or outside a route (unknown path, wrong method, unreadable body). */
@RestControllerAdvice
public class JsonErrorAdvice {

    @ExceptionHandler(Throwable.class)
    public ResponseEntity<ErrorBody> handle(Throwable failure) {
        return JsonErrors.toResponse(failure);
    }
}

package com.cinemaabyss.kit.web;

import com.cinemaabyss.kit.core.ConflictException;
import com.cinemaabyss.kit.core.ForbiddenException;
import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.kit.core.TooManyRequestsException;
import com.cinemaabyss.kit.core.UnauthorizedException;
import com.cinemaabyss.kit.core.UnavailableException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonErrorsTest {

    @Test
    void aFailureWrappedByTheFrameworkKeepsItsStatus() {
        // Spring wraps what fails while a streamed body is written (a DynamoDB page read too slowly) in a ServletException.
        assertEquals(503, JsonErrors.toResponse(new ServletException(new UnavailableException("DynamoDB did not answer in time", null)))
                .getStatusCode().value());
        assertEquals(404, JsonErrors.toResponse(new RuntimeException(new NotFoundException("movie 7 not found"))).getStatusCode().value());
        assertEquals(500, JsonErrors.toResponse(new ServletException(new IllegalStateException("a bug"))).getStatusCode().value());
    }

    @Test
    void authenticationConflictAndThrottlingFailuresKeepTheirStatusAndHeaders() {
        var unauthorized = JsonErrors.toResponse(new UnauthorizedException("invalid credentials"));
        assertEquals(401, unauthorized.getStatusCode().value());
        assertEquals("Bearer", unauthorized.getHeaders().getFirst("WWW-Authenticate"));
        assertEquals("invalid credentials", unauthorized.getBody().error());
        assertEquals(403, JsonErrors.toResponse(new ForbiddenException("admins only")).getStatusCode().value());
        assertEquals(409, JsonErrors.toResponse(new RuntimeException(new ConflictException("taken"))).getStatusCode().value());
        var throttled = JsonErrors.toResponse(new TooManyRequestsException("slow down", Duration.ofMillis(1_500)));
        assertEquals(429, throttled.getStatusCode().value());
        assertEquals("2", throttled.getHeaders().getFirst("Retry-After"), "whole seconds, rounded up");
        assertEquals("1", JsonErrors.toResponse(new TooManyRequestsException("now", Duration.ZERO)).getHeaders().getFirst("Retry-After"));
    }
}

package com.cinemaabyss.kit.web;

import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.kit.core.UnavailableException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

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
}

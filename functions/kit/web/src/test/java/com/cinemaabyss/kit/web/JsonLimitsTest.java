package com.cinemaabyss.kit.web;

import com.cinemaabyss.kit.core.ErrorBody;
import com.cinemaabyss.kit.core.JsonLimits;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile numbers and shapes end in a quick 400 that says what is wrong, through the parser limits and {@link JsonErrors}. */
class JsonLimitsTest {

    record Target(Long id, BigDecimal amount, Double rating, Object extra) {
    }

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonLimits.factory()).build();

    @Test
    void longNumbersAreRefusedByTheParser() {
        assertRefused("{\"amount\":" + "9".repeat(200) + "}", JsonLimits.EXCEEDED);
        assertRefused("{\"amount\":0." + "1".repeat(100) + "}", JsonLimits.EXCEEDED);
        assertRefused("{\"extra\":" + "[".repeat(40) + "]".repeat(40) + "}", JsonLimits.EXCEEDED);
        assertRefused("{\"extra\":\"" + "x".repeat(JsonLimits.MAX_STRING_LENGTH + 1) + "\"}", JsonLimits.EXCEEDED);
    }

    @Test
    void outOfRangeIdsNameTheField() {
        assertRefused("{\"id\":" + "1".repeat(40) + "}", "field 'id' is a number out of range");
        assertRefused("{\"id\":1e400}", "field 'id'");
    }

    @Test
    void hugeExponentsStayShortUntilTheChecksSeeThem() {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            Target target = MAPPER.readValue("{\"amount\":-1e999999999,\"rating\":1e400}", Target.class);
            assertEquals(-999999999, target.amount().scale());
            assertTrue(target.rating().isInfinite(), "1e400 reads as Infinity, which the range checks refuse");
        });
    }

    @Test
    void nestingWithinTheLimitIsRead() {
        Target target = MAPPER.readValue("{\"extra\":" + "[".repeat(30) + "]".repeat(30) + ",\"id\":1}", Target.class);
        assertEquals(1L, target.id());
    }

    private static void assertRefused(String json, String message) {
        JacksonException failure = assertThrows(JacksonException.class, () -> MAPPER.readValue(json, Target.class));
        ResponseEntity<ErrorBody> response = JsonErrors.toResponse(
                new HttpMessageNotReadableException("unreadable", failure, new MockHttpInputMessage(new byte[0])));
        assertEquals(400, response.getStatusCode().value(), failure.toString());
        assertTrue(response.getBody().error().contains(message), response.getBody().error());
        assertTrue(response.getBody().error().length() < 200, response.getBody().error());
    }
}

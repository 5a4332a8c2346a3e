package com.cinemaabyss.kit.dynamo;

import com.cinemaabyss.kit.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoLimitsTest {

    @Test
    void numbersDynamoDbStoresAndThoseItRefuses() {
        assertTrue(DynamoLimits.storable(new BigDecimal("0")));
        assertTrue(DynamoLimits.storable(new BigDecimal("9.99")));
        assertTrue(DynamoLimits.storable(new BigDecimal("1" + "0".repeat(60)))); // trailing zeros are not significant
        assertTrue(DynamoLimits.storable(new BigDecimal("1".repeat(38))));
        assertFalse(DynamoLimits.storable(new BigDecimal("1".repeat(39))));
        assertTrue(DynamoLimits.storable(new BigDecimal("9.9999999999999999999999999999999999999E+125")));
        assertFalse(DynamoLimits.storable(new BigDecimal("1E+126")));
        assertTrue(DynamoLimits.storable(new BigDecimal("-1E-130")));
        assertFalse(DynamoLimits.storable(new BigDecimal("1E-131")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> DynamoLimits.requireNumber(new BigDecimal("1E+200"), "amount"));
        assertTrue(e.getMessage().startsWith("field 'amount'"), e.getMessage());
    }

    @Test
    void keysAreAtMost2048BytesOfUtf8() {
        assertEquals("k".repeat(2048), DynamoLimits.requireKey("k".repeat(2048), "name"));
        assertThrows(InvalidInputException.class, () -> DynamoLimits.requireKey("é".repeat(1025), "name"));
        assertThrows(InvalidInputException.class, () -> DynamoLimits.requireKey("", "name"));
    }
}

package com.cinemaabyss.kit.web;

import com.cinemaabyss.kit.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CloudEventAttributeDecodingTest {

    @Test
    void percentEncodedAttributesAreDecodedAsUtf8() {
        assertEquals("просмотр", CloudEventRequests.decodeAttribute("%D0%BF%D1%80%D0%BE%D1%81%D0%BC%D0%BE%D1%82%D1%80"));
        assertEquals("a\u0001b", CloudEventRequests.decodeAttribute("a%01b"));
        assertEquals("50% off \"now\"", CloudEventRequests.decodeAttribute("50%25%20off%20%22now%22"));
    }

    @Test
    void plainValuesAndPlusSignsStayAsTheyAre() {
        assertEquals("rated", CloudEventRequests.decodeAttribute("rated"));
        assertEquals("a+b", CloudEventRequests.decodeAttribute("a+b"));
        assertEquals("a+b c", CloudEventRequests.decodeAttribute("a+b%20c"));
    }

    @Test
    void aBrokenEncodingIsBadInput() {
        assertThrows(InvalidInputException.class, () -> CloudEventRequests.decodeAttribute("%zz"));
    }
}

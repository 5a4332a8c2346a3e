package com.cinemaabyss.identity.domain;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.NotFoundException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SsoRecordsTest {

    private static final String STATE = "A".repeat(43);

    @Test
    void providerNamesOfAnyOtherShapeAreNoProvider() {
        assertEquals("corp-sso", new SsoStart("corp-sso").provider());
        for (String bad : new String[]{null, "", "Corp", "corp_sso", "x".repeat(33), "../etc", "corp\n"}) {
            assertThrows(NotFoundException.class, () -> new SsoStart(bad), String.valueOf(bad));
            assertThrows(NotFoundException.class, () -> new SsoCallback(bad, "code", STATE, null, null), String.valueOf(bad));
        }
    }

    @Test
    void aCallbackHasACodeAndAStateOfIdentitysShape() {
        SsoCallback ok = new SsoCallback("corp", "a-code", STATE, null, "ignored without an error");
        assertEquals("a-code", ok.code());
        assertNull(ok.errorDescription());
        refused(() -> new SsoCallback("corp", null, STATE, null, null), "query parameter 'code' is required");
        refused(() -> new SsoCallback("corp", "c".repeat(2_049), STATE, null, null), "query parameter 'code' must be at most 2048");
        refused(() -> new SsoCallback("corp", "a\ncode", STATE, null, null), "query parameter 'code' must be");
        refused(() -> new SsoCallback("corp", "code", null, null, null), "query parameter 'state' is required");
        refused(() -> new SsoCallback("corp", "code", "A".repeat(44), null, null), SsoCallback.UNKNOWN_STATE);
        refused(() -> new SsoCallback("corp", "code", "A".repeat(42) + "=", null, null), SsoCallback.UNKNOWN_STATE);
    }

    @Test
    void aProviderErrorIsBoundedAndNeedsNoState() {
        SsoCallback refused = new SsoCallback("corp", null, "not ours", "access_denied", "The user said no");
        assertTrue(refused.refused());
        assertNull(refused.state(), "a state that cannot be ours is dropped, not looked up");
        assertEquals(STATE, new SsoCallback("corp", null, STATE, "access_denied", null).state());
        refused(() -> new SsoCallback("corp", null, STATE, "x".repeat(65), null), "query parameter 'error' must be 1 to 64");
        refused(() -> new SsoCallback("corp", null, STATE, "bad\"quote", null), "query parameter 'error' must be");
        refused(() -> new SsoCallback("corp", null, STATE, "access_denied", "d".repeat(257)), "query parameter 'error_description' must be 1 to 256");
        refused(() -> new SsoCallback("corp", null, STATE, "access_denied", "line\nbreak"), "query parameter 'error_description' must be");
    }

    private static void refused(Runnable action, String fragment) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, action::run);
        assertTrue(refused.getMessage().contains(fragment), refused.getMessage());
    }
}

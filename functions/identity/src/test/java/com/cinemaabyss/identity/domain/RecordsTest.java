package com.cinemaabyss.identity.domain;

import com.cinemaabyss.kit.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordsTest {

    private static final String GOOD = "a perfectly fine passphrase";

    @Test
    void emailsAreTrimmedKeptAsTypedAndComparedInLowerCase() {
        Email email = Email.parse("  Neo@Matrix.IO ", "email");
        assertEquals("Neo@Matrix.IO", email.value());
        assertEquals("neo@matrix.io", email.normalized());
        refused(() -> Email.parse("neo", "email"), "field 'email' must be an email address");
        refused(() -> Email.parse("neo@matrix.io\n", "email"), "control characters");
        refused(() -> Email.parse("a@" + "b".repeat(260) + ".io", "email"), "at most 254");
    }

    @Test
    void thePasswordPolicySaysWhatIsWrong() {
        Email email = Email.parse("trinity.long.name@example.com", "email");
        assertEquals(GOOD, PasswordPolicy.check(GOOD, "password", email, "trinity"));
        refused(() -> PasswordPolicy.check("short pass", "password", email, "trinity"), "at least 12 characters");
        refused(() -> PasswordPolicy.check("x".repeat(129), "password", email, "trinity"), "at most 128 characters");
        refused(() -> PasswordPolicy.check("x".repeat(100_000), "password", email, "trinity"), "at most 128 characters");
        refused(() -> PasswordPolicy.check("TRINITY.long.NAME@example.com", "password", email, "trinity"), "must not be the email address or the username");
        refused(() -> PasswordPolicy.check("trinity.long.name", "password", email, "trinity"), "must not be the email address or the username");
        refused(() -> PasswordPolicy.check("TheOneAndOnlyNeo", "password", email, "theoneandonlyneo"), "must not be the email address or the username");
        refused(() -> PasswordPolicy.check("Password1234", "password", email, "trinity"), "commonly used password");
        refused(() -> PasswordPolicy.check(null, "password", email, "trinity"), "field 'password' is required");
        // 12 code points of the astral plane are 24 chars, and count as 12.
        assertEquals(12, PasswordPolicy.check("\uD83D\uDE00".repeat(12), "password", email, "trinity").codePointCount(0, 24));
        assertTrue(PasswordPolicy.isCommon("CorrectHorseBatteryStaple"));
    }

    @Test
    void aRegistrationChecksEveryFieldBeforeAnythingIsHashed() {
        Registration ok = new Registration(" Neo@Matrix.io", GOOD, " neo ");
        assertEquals("Neo@Matrix.io", ok.email());
        assertEquals("neo", ok.username());
        assertEquals("neo@matrix.io", ok.address().normalized());
        assertTrue(!ok.toString().contains(GOOD), "the password never reaches a log line");
        refused(() -> new Registration("neo@matrix.io", GOOD, null), "field 'username' is required");
        refused(() -> new Registration("neo@matrix.io", GOOD, "x".repeat(101)), "at most 100");
        refused(() -> new Registration("neo@matrix.io", "neo@matrix.io", "neo"), "must not be the email");
    }

    @Test
    void rolesAreAKnownNonEmptySetWithoutRepeats() {
        assertEquals(List.of("viewer", "admin"), new RoleChange(List.of("admin", "viewer")).roles());
        refused(() -> new RoleChange(List.of()), "non-empty array");
        refused(() -> new RoleChange(null), "non-empty array");
        refused(() -> new RoleChange(List.of("root")), "only viewer, content_manager, admin");
        refused(() -> new RoleChange(List.of("admin", "admin")), "names a role twice");
        refused(() -> new RoleChange(Arrays.asList("viewer", "admin", "content_manager", "viewer")), "at most 3 items");
        refused(() -> new RoleChange(Arrays.asList("viewer", null)), "only viewer");
    }

    @Test
    void opaqueTokensHaveOneShape() {
        String token = "A".repeat(43);
        assertEquals(token, new RefreshRequest(token).refreshToken());
        refused(() -> new RefreshRequest("A".repeat(42)), "field 'refresh_token' must be a token this service issued");
        refused(() -> new RefreshRequest("A".repeat(42) + "="), "must be a token");
        refused(() -> new TokenSubmission(null), "field 'token'");
        refused(() -> new NewPassword(token, "x".repeat(129)), "field 'new_password' must be at most 128");
        assertTrue(!new NewPassword(token, GOOD).toString().contains(GOOD));
    }

    private static void refused(Runnable construction, String fragment) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, construction::run);
        assertTrue(refused.getMessage().contains(fragment), refused.getMessage());
    }
}

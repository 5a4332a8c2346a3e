package com.cinemaabyss.gateway.identity;

import com.cinemaabyss.kit.auth.Identity;
import com.cinemaabyss.kit.auth.Role;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdentityHeadersTest {

    @Test
    void everyClientSentXUserHeaderIsRemovedWhateverItsCase() {
        List<String> client = List.of("Accept", "X-User-Id", "x-user-roles", "X-USER-ADMIN", "X-User-", "X-Username",
                "X-Forwarded-For", "X-Users", "Authorization");
        assertEquals(List.of("X-User-Id", "x-user-roles", "X-USER-ADMIN", "X-User-"), IdentityHeaders.toRemove(client));
    }

    @Test
    void aVerifiedIdentityGivesItsIdAndItsRolesCommaJoined() {
        Map<String, String> headers = IdentityHeaders.toSet(Optional.of(new Identity("42", Set.of(Role.ADMIN, Role.VIEWER))));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("X-User-Id", "42");
        expected.put("X-User-Roles", "viewer,admin");
        assertEquals(expected, headers);
        assertEquals("", IdentityHeaders.toSet(Optional.of(new Identity("42", Set.of()))).get("X-User-Roles"));
    }

    @Test
    void anAnonymousCallerGetsNoIdentityHeaders() {
        assertEquals(Map.of(), IdentityHeaders.toSet(Optional.empty()));
    }

    @Test
    void noIdentityCarriesAnUnsafeOrUnboundedId() {
        for (String bad : new String[]{"", "4 2", "42\r\nX-User-Roles: admin", "ü", "x".repeat(65), "a,b", "\"1\""}) {
            assertThrows(IllegalArgumentException.class, () -> new Identity(bad, Set.of()), bad);
        }
        assertEquals("user-1.a_B", new Identity("user-1.a_B", Set.of()).userId());
    }
}

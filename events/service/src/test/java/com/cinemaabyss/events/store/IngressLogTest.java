package com.cinemaabyss.events.store;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IngressLogTest {

    @Test
    void theKeyIsAFixedSizeHashOfSourceAndId() {
        String key = IngressLog.key("/partners/acme", "42");
        assertTrue(key.matches("[0-9a-f]{64}"), key);
        assertEquals(key, IngressLog.key("/partners/acme", "42"));
        assertEquals(64, IngressLog.key("/" + "s".repeat(1024), "i".repeat(256)).length());
        assertNotEquals(key, IngressLog.key("/partners/acme", "43"));
        // source + '\n' + id is unambiguous because a source, a URI reference, cannot hold a newline
        assertThrows(IllegalArgumentException.class, () -> URI.create("/a\nb"));
    }
}

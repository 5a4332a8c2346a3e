package com.cinemaabyss.identity.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressesTest {

    @Test
    void theFirstForwardedEntryCountsWhenItIsAnAddress() {
        assertEquals("203.0.113.7", ClientAddresses.of("203.0.113.7, 10.0.0.1", "10.0.0.2"));
        assertEquals("10.0.0.2", ClientAddresses.of("not-an-address, 203.0.113.7", "10.0.0.2"));
        assertEquals("10.0.0.2", ClientAddresses.of("example.com", "10.0.0.2"), "names are never resolved");
        assertEquals("10.0.0.2", ClientAddresses.of(null, "10.0.0.2"));
        assertEquals("10.0.0.2", ClientAddresses.of("1".repeat(2_000), "10.0.0.2"));
        assertEquals("unknown", ClientAddresses.of(null, null));
    }

    @Test
    void anIpv6AddressStandsForItsSlash64() {
        assertEquals(ClientAddresses.of("2001:db8:1:2:aaaa::1", null), ClientAddresses.of("[2001:db8:1:2:ffff::9]", null));
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientAddresses.of("2001:db8:1:2::5", null));
    }
}

package com.cinemaabyss.gateway.proxy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientCountriesTest {

    private final ClientCountries countries = new ClientCountries("RU", "CloudFront-Viewer-Country",
            List.of("203.0.113.0/24=DE", " 2001:db8::/32=FR ", "0.0.0.0/0=KZ"));

    @Test
    void theFirstRangeHoldingTheAddressDecides() {
        assertEquals("DE", countries.of(request(Map.of()), "203.0.113.7", false));
        assertEquals("FR", countries.of(request(Map.of()), "2001:db8::1", false));
        assertEquals("KZ", countries.of(request(Map.of()), "198.51.100.1", false));
    }

    @Test
    void withoutRangesOrAnAddressTheDefault() {
        ClientCountries none = new ClientCountries("ru", "", List.of());
        assertEquals("RU", none.of(request(Map.of()), "203.0.113.7", false));
        assertEquals("RU", countries.of(request(Map.of()), "", false));
        assertEquals("RU", countries.of(request(Map.of()), "not-an-address", false), "names are never looked up");
    }

    @Test
    void theCdnHeaderIsBelievedOnlyBehindTrustedProxies() {
        IncomingRequest fromCdn = request(Map.of("CloudFront-Viewer-Country", List.of("us")));
        assertEquals("US", countries.of(fromCdn, "203.0.113.7", true));
        assertEquals("DE", countries.of(fromCdn, "203.0.113.7", false), "a client can send that header too");
        assertEquals("DE", countries.of(request(Map.of("CloudFront-Viewer-Country", List.of("USA"))), "203.0.113.7", true),
                "not an alpha-2 code: the ranges decide");
    }

    @Test
    void badSettingsStopTheGatewayFromStarting() {
        assertThrows(IllegalArgumentException.class, () -> new ClientCountries("Russia", "", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ClientCountries("RU", "", List.of("10.0.0.0/8")));
        assertThrows(IllegalArgumentException.class, () -> new ClientCountries("RU", "", List.of("10.0.0.0/8=Germany")));
        assertThrows(IllegalArgumentException.class, () -> new ClientCountries("RU", "", List.of("example.com/8=DE")));
    }

    @Test
    void forwardedHeadersCarryTheCountryAndDropTheClientsClaim() {
        ForwardedHeaders forwarded = new ForwardedHeaders(0, countries);
        IncomingRequest claimed = new IncomingRequest("GET", "/api/v1/playback", null,
                Map.of("X-Client-Country", List.of("US")), "203.0.113.7", "http", "gw");
        assertEquals("DE", forwarded.of(claimed).get(ClientCountries.HEADER));
    }

    private static IncomingRequest request(Map<String, List<String>> headers) {
        return new IncomingRequest("GET", "/", null, headers, "203.0.113.7", "http", "gw");
    }
}

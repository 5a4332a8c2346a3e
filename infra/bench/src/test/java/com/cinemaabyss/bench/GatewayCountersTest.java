package com.cinemaabyss.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GatewayCountersTest {

    static final String BEFORE = """
            # HELP gateway_requests_total Requests the gateway answered, by route, backend and status
            # TYPE gateway_requests_total counter
            gateway_requests_total{backend="catalog",route="movies",status="200"} 100.0
            gateway_requests_total{backend="monolith",route="movies",status="200"} 90.0
            gateway_requests_total{backend="monolith",route="users",status="200"} 7.0
            gateway_fallbacks_total{reason="timeout"} 1.0
            """;

    static final String AFTER = """
            gateway_requests_total{backend="catalog",route="movies",status="200"} 400.0
            gateway_requests_total{backend="catalog",route="movies",status="503"} 2.0
            gateway_requests_total{backend="monolith",route="movies",status="200"} 690.0
            gateway_requests_total{backend="monolith",route="users",status="200"} 70.0
            gateway_fallbacks_total{reason="timeout"} 1.0
            gateway_fallbacks_total{reason="status_5xx"} 3.0
            gateway_movies_migration_percent 50.0
            """;

    @Test
    void countsMovieRequestsByBackendAndAllFallbacks() {
        GatewayCounters before = GatewayCounters.parse(BEFORE);
        assertEquals(new GatewayCounters(100, 90, 1), before);
        GatewayCounters during = GatewayCounters.parse(AFTER).since(before);
        assertEquals(new GatewayCounters(302, 600, 3), during, "other routes are not movie requests");
        assertEquals(902, during.movies());
        assertEquals(100.0 * 302 / 902, during.catalogPercent(), 1e-9);
    }

    @Test
    void aGatewayThatCountedNothingHasNoShare() {
        assertEquals(new GatewayCounters(0, 0, 0), GatewayCounters.parse("# nothing yet\n"));
        assertEquals(0, GatewayCounters.parse("").catalogPercent());
    }
}

package com.cinemaabyss.gateway.functions;

import com.cinemaabyss.gateway.domain.Backend;
import com.cinemaabyss.gateway.domain.MigrationSettings;
import com.cinemaabyss.gateway.domain.RoutingRequest;
import com.cinemaabyss.gateway.proxy.MigrationState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The routing function as the gateway runs it: its own random numbers, and the settings changed in place. */
class GatewayFunctionsTest {

    private final MigrationState state = new MigrationState(new MigrationSettings(false, 0), new SimpleMeterRegistry());
    private final Function<RoutingRequest, Backend> choose = new GatewayFunctions().chooseMoviesBackend(state);
    private final RoutingRequest anonymous = new RoutingRequest(null);

    @Test
    void anonymousRequestsSplitWithinTwoPointsAtHalf() {
        state.set(new MigrationSettings(true, 50));
        double share = moviesShare(10_000);
        assertTrue(Math.abs(share - 50.0) <= 2, "50% target, got " + share + "%");
    }

    @Test
    void zeroAndHundredAreExact() {
        state.set(new MigrationSettings(true, 0));
        assertEquals(0.0, moviesShare(10_000));
        state.set(new MigrationSettings(true, 100));
        assertEquals(100.0, moviesShare(10_000));
        state.set(new MigrationSettings(false, 100));
        assertEquals(0.0, moviesShare(10_000), "stage 0: all movie traffic stays on the monolith");
    }

    @Test
    void aKnownUserFollowsTheSettingsInForce() {
        RoutingRequest user = new RoutingRequest("user-42");
        state.set(new MigrationSettings(true, 0));
        assertEquals(Backend.MONOLITH, choose.apply(user));
        state.set(new MigrationSettings(true, 100));
        assertEquals(Backend.CATALOG, choose.apply(user));
    }

    private double moviesShare(int requests) {
        int toMovies = 0;
        for (int i = 0; i < requests; i++) {
            if (choose.apply(anonymous) == Backend.CATALOG) {
                toMovies++;
            }
        }
        return toMovies * 100.0 / requests;
    }
}

package com.cinemaabyss.events.web;

import com.cinemaabyss.events.domain.MovieEvent;
import com.cinemaabyss.events.domain.RecordedEvent;
import com.cinemaabyss.events.publish.Contracts;
import com.cinemaabyss.events.publish.EventKind;
import com.cinemaabyss.events.publish.EventRecorder;
import com.cinemaabyss.kit.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ingest benchmark's no-op floor: closed unless switched on, and then everything the POST does but the send. */
class NoOpIngestRoutesTest {

    /** No publisher at all: a send would fail the test with a NullPointerException. */
    private final EventRecorder recorder = new EventRecorder(null, new Contracts());

    @Test
    void theRouteIsClosedByDefaultAndOpenOnlyWhenSwitchedOn() {
        ServerRequest post = ServerRequest.create(new MockHttpServletRequest("POST", NoOpIngestRoutes.PATH), List.of());
        RouterFunction<ServerResponse> closed = new NoOpIngestRoutes().noOpIngest(new BenchSettings(false), recorder);
        RouterFunction<ServerResponse> open = new NoOpIngestRoutes().noOpIngest(new BenchSettings(true), recorder);
        assertFalse(closed.route(post).isPresent(), "closed by default");
        assertTrue(open.route(post).isPresent());
    }

    @Test
    void itChecksTheEventAsThePostDoesButSendsNothing() {
        MovieEvent viewed = new MovieEvent(7L, "Stalker", "viewed", 3L, null, null, null);
        RecordedEvent rehearsed = recorder.rehearse(EventKind.MOVIE, 7, "viewed", viewed);
        assertEquals(-1, rehearsed.partition());
        assertEquals(-1, rehearsed.offset());
        assertEquals(viewed, rehearsed.event().payload());

        // Past the largest safe JSON integer: the record lets it through, the schema does not.
        long unsafe = 9_007_199_254_740_992L;
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> recorder.rehearse(EventKind.MOVIE, unsafe,
                "viewed", new MovieEvent(unsafe, "Stalker", "viewed", null, null, null, null)), "the schema is checked too");
        assertTrue(refused.getMessage().contains("movie_id"), refused.getMessage());
    }
}

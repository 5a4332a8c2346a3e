package com.cinemaabyss.kit.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InternalRoutesFilterTest {

    private final InternalRoutesFilter filter = new InternalRoutesFilter("bridge-token");

    private MockFilterChain pass(String uri, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        if (chain.getRequest() == null) {
            assertEquals(403, response.getStatus());
            assertTrue(response.getContentAsString().startsWith("{\"error\":"));
        }
        return chain;
    }

    @Test
    void deliveriesWithTheTokenGetIn() throws Exception {
        assertNotNull(pass("/internal/events/movie-events", "Bearer bridge-token").getRequest());
    }

    @Test
    void anyoneElseIsRefusedOnTheInternalRoutesOnly() throws Exception {
        assertNull(pass("/internal/events/movie-events", null).getRequest());
        assertNull(pass("/internal/events/movie-events", "Bearer wrong").getRequest());
        assertNotNull(pass("/api/events/movie", null).getRequest(), "public routes are not this filter's business");
    }
}

package com.cinemaabyss.kit.web;

import com.cinemaabyss.kit.core.idempotency.Claim;
import com.cinemaabyss.kit.core.idempotency.IdempotencyStore;
import com.cinemaabyss.kit.core.idempotency.StoredResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The filter with a store in memory: what is kept, what is given up, and that the route reads the body again. */
class IdempotencyFilterTest {

    private final MemoryStore store = new MemoryStore();
    private final IdempotencyFilter filter = new IdempotencyFilter(store, request -> "");
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aServerFailureGivesTheKeyUpSoARetryRunsAgain() throws Exception {
        MockHttpServletResponse failed = post("k", "{}", 503);
        assertEquals(503, failed.getStatus());
        assertNull(failed.getHeader(IdempotencyFilter.REPLAYED_HEADER));
        MockHttpServletResponse retried = post("k", "{}", 201);
        assertEquals(201, retried.getStatus());
        assertEquals(2, runs.get());
        assertEquals("true", post("k", "{}", 201).getHeader(IdempotencyFilter.REPLAYED_HEADER));
        assertEquals(2, runs.get());
    }

    @Test
    void aRouteThatThrowsGivesTheKeyUp() throws Exception {
        FilterChain throwing = (request, response) -> {
            throw new IllegalStateException("boom");
        };
        try {
            filter.doFilter(request("k2", "{}"), new MockHttpServletResponse(), throwing);
        } catch (IllegalStateException expected) {
            // the container answers it
        }
        assertEquals(201, post("k2", "{}", 201).getStatus());
        assertEquals(1, runs.get());
    }

    @Test
    void theRouteReadsTheBodyTheFilterRead() throws Exception {
        MockHttpServletResponse response = post("k3", "{\"echo\":1}", 201);
        assertEquals("{\"echo\":1}", response.getContentAsString());
    }

    private MockHttpServletResponse post(String key, String body, int status) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request(key, body), response, (request, answer) -> {
            runs.incrementAndGet();
            byte[] read = request.getInputStream().readAllBytes();
            ((HttpServletResponse) answer).setStatus(status);
            answer.setContentType("application/json");
            answer.getOutputStream().write(read);
        });
        return response;
    }

    private static MockHttpServletRequest request(String key, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/things");
        request.addHeader(IdempotencyFilter.KEY_HEADER, key);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private static final class MemoryStore implements IdempotencyStore {
        private final Map<String, Claim> claims = new HashMap<>();
        private final Map<String, String> fingerprints = new HashMap<>();

        @Override
        public synchronized Claim claim(String key, String fingerprint) {
            Claim existing = claims.get(key);
            if (existing != null) {
                return existing;
            }
            claims.put(key, new Claim.InProgress(fingerprint));
            fingerprints.put(key, fingerprint);
            return new Claim.Acquired(key, UUID.randomUUID().toString());
        }

        @Override
        public synchronized void complete(Claim.Acquired claim, StoredResponse response) {
            claims.put(claim.key(), new Claim.Completed(fingerprints.get(claim.key()), response));
        }

        @Override
        public synchronized void release(Claim.Acquired claim) {
            claims.remove(claim.key());
        }
    }
}

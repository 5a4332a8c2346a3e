package com.cinemaabyss.kit.web;

import com.cinemaabyss.kit.core.ErrorBody;
import com.cinemaabyss.kit.core.idempotency.Claim;
import com.cinemaabyss.kit.core.idempotency.IdempotencyStore;
import com.cinemaabyss.kit.core.idempotency.StoredResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * Makes a POST that carries an {@code Idempotency-Key} header safe to retry: the first request with a key runs and
 * its answer is stored; a retry with the same key and body gets that answer again, byte for byte, marked
 * {@code Idempotency-Replayed: true}. The same key with another body is refused (422), and a retry while the first
 * is still running is told to come back (409). Failures on our side (5xx) give the key up, so a retry runs again;
 * answers to bad input (4xx) are kept, as they would be the same the second time.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    static final int MAX_KEY_LENGTH = 255;
    /** Create answers are small JSON; one that is larger is not kept (and its key is given up). */
    static final int MAX_STORED_BODY = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;
    private final Function<HttpServletRequest, String> scope;

    /** {@code scope} names whose keys these are (the caller, once requests carry an identity); keys only collide within a scope. */
    public IdempotencyFilter(IdempotencyStore store, Function<HttpServletRequest, String> scope) {
        this.store = store;
        this.scope = scope;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(KEY_HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(KEY_HEADER);
        if (!isValidKey(key)) {
            writeError(response, HttpStatus.BAD_REQUEST, "header '" + KEY_HEADER + "' must be 1 to " + MAX_KEY_LENGTH
                    + " printable ASCII characters without spaces");
            return;
        }
        byte[] body;
        String fingerprint;
        Claim claim;
        try {
            body = request.getInputStream().readAllBytes();
            fingerprint = sha256Hex(body);
            claim = store.claim(storageKey(request, key), fingerprint);
        } catch (RuntimeException e) {
            ResponseEntity<ErrorBody> error = JsonErrors.toResponse(e);
            writeError(response, error.getStatusCode(), error.getBody().error());
            return;
        }
        switch (claim) {
            case Claim.Completed done when !done.fingerprint().equals(fingerprint) -> differentRequest(response);
            case Claim.InProgress running when !running.fingerprint().equals(fingerprint) -> differentRequest(response);
            case Claim.Completed done -> replay(done.response(), response);
            case Claim.InProgress running -> {
                response.setHeader("Retry-After", "1");
                writeError(response, HttpStatus.CONFLICT, "a request with this " + KEY_HEADER + " is still in progress; retry later");
            }
            case Claim.Acquired acquired -> runOnce(acquired, new CachedBodyRequest(request, body), response, chain);
        }
    }

    private void runOnce(Claim.Acquired claim, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            releaseQuietly(claim);
            throw e;
        }
        byte[] bytes = answer.getContentAsByteArray();
        if (answer.getStatus() >= 500 || bytes.length > MAX_STORED_BODY) {
            releaseQuietly(claim);
        } else {
            try {
                store.complete(claim, new StoredResponse(answer.getStatus(), answer.getContentType(), bytes));
            } catch (RuntimeException e) {
                // The work is done and the client gets its answer; a retry meets the claim until it times out.
                log.warn("Could not store the answer for an idempotency key: {}", e.toString());
            }
        }
        answer.copyBodyToResponse();
    }

    private void releaseQuietly(Claim.Acquired claim) {
        try {
            store.release(claim);
        } catch (RuntimeException e) {
            log.warn("Could not release an idempotency key: {}", e.toString());
        }
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    private static void differentRequest(HttpServletResponse response) throws IOException {
        writeError(response, HttpStatus.UNPROCESSABLE_CONTENT, KEY_HEADER + " was used with a different request");
    }

    private static void writeError(HttpServletResponse response, HttpStatusCode status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(new ErrorBody(message)));
    }

    static boolean isValidKey(String key) {
        return key != null && !key.isEmpty() && key.length() <= MAX_KEY_LENGTH
                && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7E);
    }

    /** The key as stored: a hash, so what a client sends never becomes a storage key, and one key per scope and route. */
    private String storageKey(HttpServletRequest request, String key) {
        String scoped = scope.apply(request) + '\n' + request.getMethod() + '\n' + request.getRequestURI() + '\n' + key;
        return sha256Hex(scoped.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

package com.cinemaabyss.payments.provider;

import com.cinemaabyss.kit.core.JsonLimits;
import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.kit.web.tracing.TraceHeaders;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The provider over its HTTP API (the sandbox's Stripe-like protocol: Bearer API key, Idempotency-Key, JSON). Each call
 * is bounded by {@code timeout} and tried up to {@code maxAttempts} times (Resilience4j) with the same Idempotency-Key
 * while the provider is unreachable, slow or failing (5xx, 429); then it is {@link UnavailableException}. A 4xx is the
 * provider's answer to this request and is not retried.
 */
public class SandboxProvider implements PaymentProvider {

    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,64}");
    private static final int MAX_MESSAGE = 500;

    private final JsonMapper json = JsonMapper.builder(JsonLimits.factory()).build();
    private final HttpClient http;
    private final URI base;
    private final String apiKey;
    private final Duration timeout;
    private final Retry retry;
    private final TraceHeaders trace;

    /** Thrown inside an attempt so that the retry sees it; becomes {@link UnavailableException} once the attempts are spent. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** {@code trace}: the provider's answer, and the webhook that follows it, join the caller's trace. */
    public SandboxProvider(URI base, String apiKey, Duration timeout, int maxAttempts, Duration retryWait, TraceHeaders trace) {
        this.trace = trace;
        this.base = base;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
        this.retry = Retry.of("payment-provider", RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .waitDuration(retryWait)
                .retryExceptions(Unreachable.class)
                .build());
    }

    @Override
    public ProviderCharge charge(ChargeRequest request) {
        ObjectNode body = json.createObjectNode();
        body.put("amount", request.amount());
        body.put("currency", request.currency());
        if (request.paymentMethod() != null) {
            body.put("payment_method", request.paymentMethod());
            body.put("off_session", true);
        } else {
            body.put("payment_token", request.paymentToken());
        }
        body.putObject("metadata").put("payment_id", Long.toString(request.paymentId()));
        JsonNode charge = post("/v1/charges", request.idempotencyKey(), body);
        String id = charge.path("id").asString("");
        if (id.isEmpty()) {
            throw new UnavailableException("the payment provider answered a charge without an id", null);
        }
        String method = charge.path("payment_method").asString(null);
        return new ProviderCharge(id, charge.path("status").asString("pending"), method);
    }

    @Override
    public ProviderRefund refund(String chargeId, long amount, String idempotencyKey) {
        ObjectNode body = json.createObjectNode();
        body.put("charge", chargeId);
        body.put("amount", amount);
        JsonNode refund = post("/v1/refunds", idempotencyKey, body);
        String id = refund.path("id").asString("");
        if (id.isEmpty()) {
            throw new UnavailableException("the payment provider answered a refund without an id", null);
        }
        return new ProviderRefund(id, refund.path("amount").asLong(amount));
    }

    private JsonNode post(String path, String idempotencyKey, ObjectNode body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + apiKey)
                .header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        trace.current().forEach(builder::header);
        HttpRequest request = builder.build();
        try {
            return Retry.decorateSupplier(retry, () -> attempt(request)).get();
        } catch (Unreachable e) {
            throw new UnavailableException("the payment provider is unavailable: " + e.getMessage(), e);
        }
    }

    private JsonNode attempt(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new Unreachable(e.getClass().getSimpleName() + " from " + request.uri().getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while calling the payment provider", e);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 429) {
            throw new Unreachable("answered " + status, null);
        }
        JsonNode answer = parse(response.body());
        if (status == 401 || status == 403) {
            // Our key, not the payment, is wrong: not a reason to fail anybody's payment.
            throw new UnavailableException("the payment provider refused payments' API key (" + status + ")", null);
        }
        if (status >= 400) {
            JsonNode error = answer.path("error");
            String code = error.path("code").asString("");
            String message = error.path("message").asString("the payment provider refused the request");
            throw new ProviderRefusedException(CODE.matcher(code).matches() ? code : "provider_refused",
                    message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message);
        }
        return answer;
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? json.createObjectNode() : node;
        } catch (JacksonException e) {
            throw new Unreachable("answered something that is not JSON", e);
        }
    }
}

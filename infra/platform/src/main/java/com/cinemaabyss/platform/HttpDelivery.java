package com.cinemaabyss.platform;

import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/** POSTs a CloudEvent to a subscriber in HTTP binary content mode, the way Knative Eventing delivers it. */
public class HttpDelivery implements AutoCloseable {

    /** Besides 5xx, the statuses Knative retries; any other non-2xx (a 400, say) goes straight to the dead-letter sink. */
    private static final Set<Integer> RETRYABLE = Set.of(404, 408, 409, 429);

    /** W3C trace-context version 00; anything else is not passed on as a header. */
    private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    private final Duration timeout;
    private final String authorization;

    public HttpDelivery(Duration timeout) {
        this(timeout, null);
    }

    /** {@code token}: sent as {@code Authorization: Bearer ...} so the functions know the delivery comes from the bridge. */
    public HttpDelivery(Duration timeout, String token) {
        this.timeout = timeout;
        this.authorization = token == null ? null : "Bearer " + token;
    }

    /** The longest one attempt can take: connecting, then waiting for the answer. */
    public Duration attemptBound() {
        return CONNECT_TIMEOUT.plus(timeout);
    }

    public Outcome deliver(URI target, CloudEvent event) {
        return deliver(target, event, null);
    }

    /**
     * As Knative does: {@code traceparent} (the Kafka record's W3C header: the publish span, when the publisher wrote one)
     * goes as the W3C {@code traceparent} HTTP header so that the subscriber's server span continues the trace; without
     * it, the event's own {@code traceparent} extension (which also travels as {@code ce-traceparent}) is that parent.
     */
    public Outcome deliver(URI target, CloudEvent event, String traceparent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(timeout);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        Object parent = traceparent != null ? traceparent : event.getExtension("traceparent");
        if (parent != null && TRACEPARENT.matcher(parent.toString()).matches()) {
            request.header("traceparent", parent.toString());
        }
        AtomicReference<byte[]> body = new AtomicReference<>();
        HttpMessageFactory.createWriter((name, value) -> request.header(name, headerValue(name, value)), body::set).writeBinary(event);
        request.POST(body.get() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body.get()));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 == 2) {
                return Outcome.delivered(status);
            }
            return new Outcome(false, status >= 500 || RETRYABLE.contains(status), status, response.body() == null ? "" : response.body());
        } catch (IOException e) {
            return new Outcome(false, true, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, false, 0, "interrupted");
        }
    }

    /**
     * CloudEvents HTTP binding 3.1.3.2: in ce-* headers, space, '"', '%' and everything outside printable ASCII
     * (U+0021..U+007E) is percent-encoded as UTF-8. The SDK's writer (4.0.1) passes values through as they are,
     * and the HTTP client refuses a header holding a control character.
     */
    static String headerValue(String name, String value) {
        if (!name.regionMatches(true, 0, "ce-", 0, 3)) {
            return value;
        }
        StringBuilder encoded = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '"' && c != '%') {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return encoded.toString();
    }

    @Override
    public void close() {
        client.shutdownNow();
    }

    /** How one attempt went; {@code status} is 0 when no HTTP answer came. */
    public record Outcome(boolean delivered, boolean retryable, int status, String detail) {
        static Outcome delivered(int status) {
            return new Outcome(true, false, status, "");
        }

        String describe() {
            return status > 0 ? "status " + status + (detail.isBlank() ? "" : ": " + detail) : detail;
        }
    }
}

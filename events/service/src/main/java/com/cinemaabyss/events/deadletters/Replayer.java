package com.cinemaabyss.events.deadletters;

import io.cloudevents.CloudEvent;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Delivers a parked event again to the subscriber it failed at, as the eventing layer does (HTTP binary mode), with
 * its own id, type, source and data, and without the extensions parking added, so the subscriber sees the event it
 * missed and an idempotent one applies it once. Only to a destination on an allowed host, under /internal/events/.
 */
public class Replayer {

    /** Added by the eventing layer when it parked the event; not part of the event. */
    static final Set<String> PARKING_EXTENSIONS = Set.of("knativeerrordest", "knativeerrorcode", "knativeerrordata",
            "deadlettersub", "deadlettertopic", "deadletterpartition", "deadletteroffset");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Pattern allowedHosts;
    private final Duration timeout;
    private final String authorization;

    public Replayer(Pattern allowedHosts, Duration timeout, String deliveryToken) {
        this.allowedHosts = allowedHosts;
        this.timeout = timeout;
        this.authorization = deliveryToken == null || deliveryToken.isBlank() ? null : "Bearer " + deliveryToken;
    }

    /** The HTTP status of the one attempt (0 when no answer came) and what the subscriber said. */
    public record Outcome(int status, String detail) {
        public boolean delivered() {
            return status / 100 == 2;
        }
    }

    /** Where a replay of {@code letter} would go; empty when its destination is not one a replay may go to. */
    public URI destination(DeadLetter letter) {
        if (letter.destination() == null) {
            throw new IllegalArgumentException("no knativeerrordest: the original subscriber is not known");
        }
        URI target;
        try {
            target = URI.create(letter.destination());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("knativeerrordest is not a URL");
        }
        if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme())
                || target.getHost() == null || !allowedHosts.matcher(target.getHost()).matches()
                || target.getRawPath() == null || !target.getRawPath().startsWith("/internal/events/")
                || target.getRawQuery() != null || target.getRawUserInfo() != null) {
            throw new IllegalArgumentException("knativeerrordest " + letter.destination() + " is not a subscriber a replay may go to");
        }
        return target;
    }

    public Outcome replay(DeadLetter letter) {
        CloudEvent event = letter.event();
        HttpRequest.Builder request = HttpRequest.newBuilder(destination(letter)).timeout(timeout)
                .header("ce-specversion", event.getSpecVersion().toString())
                .header("ce-id", encode(event.getId()))
                .header("ce-source", encode(event.getSource().toString()))
                .header("ce-type", encode(event.getType()));
        if (event.getSubject() != null) {
            request.header("ce-subject", encode(event.getSubject()));
        }
        if (event.getTime() != null) {
            request.header("ce-time", encode(event.getTime().toString()));
        }
        if (event.getDataSchema() != null) {
            request.header("ce-dataschema", encode(event.getDataSchema().toString()));
        }
        for (String name : event.getExtensionNames()) {
            if (!PARKING_EXTENSIONS.contains(name)) {
                request.header("ce-" + name, encode(String.valueOf(event.getExtension(name))));
            }
        }
        if (event.getDataContentType() != null) {
            request.header("Content-Type", event.getDataContentType());
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        byte[] body = event.getData() == null ? new byte[0] : event.getData().toBytes();
        request.POST(HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String detail = response.body() == null ? "" : response.body();
            return new Outcome(response.statusCode(), detail.length() > 1024 ? detail.substring(0, 1024) : detail);
        } catch (IOException e) {
            return new Outcome(0, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, "interrupted");
        }
    }

    /** CloudEvents HTTP binding 3.1.3.2: percent-encode space, '"', '%' and everything outside printable ASCII. */
    static String encode(String value) {
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
}

package com.cinemaabyss.notifications.providers;

import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends one SMS through the provider's HTTP API: {@code POST <url>/v1/messages} with {@code {to, from, text}}, the
 * provider's API key as a bearer token and an {@code Idempotency-Key} (the ledger entry), so a retry after a lost
 * answer is one message at a provider that honours it. 2xx: accepted; 429/5xx/timeouts retried; other 4xx permanent
 * (a number the provider refuses).
 */
public class SmsSender {

    /** The text is cut to this many characters: three concatenated SMS parts in UCS-2 (Cyrillic). */
    public static final int MAX_TEXT = 201;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI messages;
    private final String apiKey;
    private final String from;
    private final ProviderRetry retry;
    private final Duration timeout;

    public SmsSender(HttpClient http, URI providerUrl, String apiKey, String from, ProviderRetry retry, Duration timeout) {
        String base = providerUrl.toString();
        this.messages = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/messages");
        this.http = http;
        this.apiKey = apiKey;
        this.from = from;
        this.retry = retry;
        this.timeout = timeout;
    }

    public void send(String to, String text, String idempotencyKey) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("from", from);
        body.put("text", text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text);
        byte[] json = JSON.writeValueAsBytes(body);
        retry.call(() -> Calls.status("sms", http, HttpRequest.newBuilder(messages).timeout(timeout)
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), false));
    }
}

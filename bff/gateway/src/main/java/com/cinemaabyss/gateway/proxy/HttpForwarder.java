package com.cinemaabyss.gateway.proxy;

import com.cinemaabyss.kit.core.InvalidInputException;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.timeout.ReadTimeoutException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientRequest;
import reactor.netty.resources.ConnectionProvider;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Forwards one request to an upstream as it came (method, path, query, body, end-to-end headers) and hands the
 * answer on as it comes, body streaming both ways: nothing is held in memory beyond the buffers in flight.
 * Hop-by-hop headers, and those a {@code Connection} header names, stay on their own hop (RFC 9110 section
 * 7.6.1); the client sets Host itself, and Content-Length is declared again for a body of known length. Reactor
 * Netty's client does the I/O on its event loops over pooled keep-alive connections.
 */
public class HttpForwarder implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "upgrade", "host", "content-length", "expect", "http2-settings");
    /** Set by the gateway itself (see ForwardedHeaders); what a client sends under these names is dropped. */
    private static final Set<String> SET_BY_GATEWAY = Set.of("x-forwarded-for", "x-forwarded-proto", "x-forwarded-host",
            "x-forwarded-port", "forwarded", "x-real-ip", "x-client-country");
    /** Upstreams are a handful of services; each gets as many connections as there are requests in flight. */
    private static final int MAX_CONNECTIONS_PER_UPSTREAM = 1_000;
    /** Idle pooled connections are closed before an upstream's keep-alive timeout could close one under a request. */
    private static final Duration MAX_IDLE = Duration.ofSeconds(15);
    /** An HTTP method is a token (RFC 9110 section 9.1). */
    private static final Pattern METHOD = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}");
    private static final Set<String> COMMON_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** Wraps the client's buffers for the server's response without copying them. */
    private static final NettyDataBufferFactory BUFFERS = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

    private final ConnectionProvider connections;
    private final HttpClient client;
    private final ForwardedHeaders forwarded;

    public HttpForwarder(Duration connectTimeout, ForwardedHeaders forwarded) {
        this.forwarded = forwarded;
        this.connections = ConnectionProvider.builder("upstreams")
                .maxConnections(MAX_CONNECTIONS_PER_UPSTREAM)
                .maxIdleTime(MAX_IDLE)
                .build();
        this.client = HttpClient.create(connections)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connectTimeout.toMillis()))
                // A request that may have reached an upstream is never sent a second time by the client library.
                .disableRetry(true)
                .followRedirect(false);
    }

    /**
     * Sends the request with {@code body} (subscribed only when the request declares one) and passes the answer to
     * {@code answer}. A failure before the upstream answered is an {@link UpstreamFailure}; after that, failures
     * (the client going away, the body cut short) pass as they are, since the answer is already on its way.
     */
    public Mono<Void> forward(IncomingRequest request, Flux<DataBuffer> body, URI upstream, Duration timeout,
                              Function<UpstreamResponse, Mono<Void>> answer) {
        if (!COMMON_METHODS.contains(request.method()) && !METHOD.matcher(request.method()).matches()) {
            return Mono.error(new InvalidInputException("request cannot be forwarded: unsupported method " + request.method()));
        }
        AtomicBoolean answered = new AtomicBoolean();
        return client.request(HttpMethod.valueOf(request.method()))
                .uri(target(upstream, request))
                .send((outgoing, out) -> {
                    outgoing.responseTimeout(timeout);
                    copyHeaders(request, outgoing);
                    return request.hasBody() ? out.send(body.map(NettyDataBufferFactory::toByteBuf)) : out;
                })
                .response((response, content) -> {
                    answered.set(true);
                    HttpHeaders headers = response.responseHeaders();
                    long length = headers.contains(HttpHeaderNames.TRANSFER_ENCODING) ? -1
                            : headers.getInt(HttpHeaderNames.CONTENT_LENGTH, -1);
                    return answer.apply(new UpstreamResponse(response.status().code(), endToEnd(headersOf(headers)), length,
                            content.retain().map(BUFFERS::wrap)));
                })
                .then()
                .onErrorMap(failure -> !answered.get() && isTransport(failure), failure -> failure(failure, upstream, timeout));
    }

    private void copyHeaders(IncomingRequest request, HttpClientRequest outgoing) {
        HttpHeaders headers = outgoing.requestHeaders();
        endToEnd(request.headers()).forEach((name, values) -> {
            if (!SET_BY_GATEWAY.contains(name.toLowerCase(Locale.ROOT))) {
                headers.add(name, values);
            }
        });
        forwarded.of(request).forEach(headers::set);
        if (request.contentLength() >= 0 && request.header("Transfer-Encoding") == null) {
            headers.set(HttpHeaderNames.CONTENT_LENGTH, request.contentLength());
        }
    }

    private static boolean isTransport(Throwable failure) {
        return failure instanceof IOException || failure instanceof ReadTimeoutException || failure instanceof AbortedException
                || failure instanceof TimeoutException;
    }

    private static UpstreamFailure failure(Throwable failure, URI upstream, Duration timeout) {
        return switch (failure) {
            case ConnectTimeoutException e -> new UpstreamFailure("connect_timeout", "could not connect to " + upstream + " in time", e);
            case ReadTimeoutException e ->
                    new UpstreamFailure("timeout", upstream + " did not answer within " + timeout.toMillis() + " ms", e);
            case TimeoutException e -> new UpstreamFailure("busy", "no connection to " + upstream + " was free in time", e);
            default -> new UpstreamFailure("unreachable", upstream + " is unreachable", failure);
        };
    }

    private static String target(URI upstream, IncomingRequest request) {
        String base = upstream.toString();
        int end = base.length();
        while (end > 0 && base.charAt(end - 1) == '/') {
            end--;
        }
        base = base.substring(0, end);
        return base + request.rawPath() + (request.rawQuery() == null ? "" : "?" + request.rawQuery());
    }

    private static Map<String, List<String>> headersOf(HttpHeaders headers) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        headers.forEach(header -> byName.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                .add(header.getValue()));
        return byName;
    }

    static Map<String, List<String>> endToEnd(Map<String, List<String>> headers) {
        Set<String> namedByConnection = new HashSet<>();
        headers.forEach((name, values) -> {
            if (name.equalsIgnoreCase("Connection")) {
                for (String value : values) {
                    for (String token : value.split(",")) {
                        namedByConnection.add(token.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
        });
        Map<String, List<String>> kept = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!name.startsWith(":") && !HOP_BY_HOP.contains(lower) && !lower.startsWith("proxy-") && !namedByConnection.contains(lower)) {
                kept.put(name, values);
            }
        });
        return kept;
    }

    @Override
    public void close() {
        connections.dispose();
    }
}

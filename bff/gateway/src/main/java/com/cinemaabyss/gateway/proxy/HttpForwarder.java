package com.cinemaabyss.gateway.proxy;

import com.cinemaabyss.kit.core.InvalidInputException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Forwards one request to an upstream as it came (method, path, query, body, end-to-end headers) and
 * returns the answer as it came. Hop-by-hop headers, and those a {@code Connection} header names, stay on
 * their own hop (RFC 9110 section 7.6.1); the client sets Host and Content-Length itself. Apache HttpClient's
 * classic client does the I/O on the calling (virtual) thread over pooled keep-alive connections.
 */
public class HttpForwarder implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "upgrade", "host", "content-length", "expect", "http2-settings");
    /** Set by the gateway itself (see ForwardedHeaders); what a client sends under these names is dropped. */
    private static final Set<String> SET_BY_GATEWAY = Set.of("x-forwarded-for", "x-forwarded-proto", "x-forwarded-host",
            "x-forwarded-port", "forwarded", "x-real-ip");
    /** Upstreams are a handful of services; each gets as many connections as there are requests in flight. */
    private static final int MAX_CONNECTIONS_PER_UPSTREAM = 1_000;
    /** An HTTP method is a token (RFC 9110 section 9.1). */
    private static final Pattern METHOD = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}");
    private static final Pattern TRAILING_SLASHES = Pattern.compile("/+$");

    private final CloseableHttpClient client;
    private final ForwardedHeaders forwarded;

    public HttpForwarder(Duration connectTimeout, ForwardedHeaders forwarded) {
        this.forwarded = forwarded;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(MAX_CONNECTIONS_PER_UPSTREAM)
                        .setMaxConnTotal(4 * MAX_CONNECTIONS_PER_UPSTREAM)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(connectTimeout)).build())
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .build();
    }

    public UpstreamResponse forward(IncomingRequest request, URI upstream, Duration timeout) {
        HttpUriRequestBase outgoing = outgoing(request, upstream, timeout);
        try {
            return client.execute(outgoing, HttpForwarder::read);
        } catch (ConnectTimeoutException e) {
            throw new UpstreamFailure("connect_timeout", "could not connect to " + upstream + " in time", null, e);
        } catch (SocketTimeoutException e) {
            throw new UpstreamFailure("timeout", upstream + " did not answer within " + timeout.toMillis() + " ms", null, e);
        } catch (IOException e) {
            throw new UpstreamFailure("unreachable", upstream + " is unreachable", null, e);
        }
    }

    private static UpstreamResponse read(ClassicHttpResponse response) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), name -> new ArrayList<>()).add(header.getValue());
        }
        byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        return new UpstreamResponse(response.getCode(), endToEnd(headers), body);
    }

    private HttpUriRequestBase outgoing(IncomingRequest request, URI upstream, Duration timeout) {
        if (!METHOD.matcher(request.method()).matches()) {
            throw new InvalidInputException("request cannot be forwarded: unsupported method " + request.method());
        }
        HttpUriRequestBase outgoing = new HttpUriRequestBase(request.method(), target(upstream, request));
        outgoing.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build());
        if (request.body().length > 0) {
            // Content-Type travels with the other end-to-end headers below; the entity only carries the bytes.
            outgoing.setEntity(new ByteArrayEntity(request.body(), (ContentType) null));
        }
        endToEnd(request.headers()).forEach((name, values) -> {
            if (!SET_BY_GATEWAY.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> outgoing.addHeader(name, value));
            }
        });
        forwarded.of(request).forEach(outgoing::addHeader);
        return outgoing;
    }

    private static URI target(URI upstream, IncomingRequest request) {
        String base = TRAILING_SLASHES.matcher(upstream.toString()).replaceAll("");
        return URI.create(base + request.rawPath() + (request.rawQuery() == null ? "" : "?" + request.rawQuery()));
    }

    static Map<String, List<String>> endToEnd(Map<String, List<String>> headers) {
        Set<String> namedByConnection = headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Connection"))
                .flatMap(e -> e.getValue().stream())
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(token -> token.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
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
        client.close(CloseMode.GRACEFUL);
    }
}

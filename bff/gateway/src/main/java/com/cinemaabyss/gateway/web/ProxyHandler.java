package com.cinemaabyss.gateway.web;

import com.cinemaabyss.gateway.domain.Backend;
import com.cinemaabyss.gateway.domain.RoutingRequest;
import com.cinemaabyss.gateway.proxy.BackendUnavailableException;
import com.cinemaabyss.gateway.proxy.BodyLimit;
import com.cinemaabyss.gateway.proxy.CatalogRoute;
import com.cinemaabyss.gateway.proxy.GatewayMetrics;
import com.cinemaabyss.gateway.proxy.GatewaySettings;
import com.cinemaabyss.gateway.proxy.HttpForwarder;
import com.cinemaabyss.gateway.proxy.IncomingRequest;
import com.cinemaabyss.gateway.proxy.UpstreamFailure;
import com.cinemaabyss.gateway.proxy.UpstreamResponse;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Flux;
import org.springframework.web.util.pattern.PathPattern;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.function.Function;

/**
 * The proxy routes' handlers. Movies go where the migration split says (with the breaker and fallback); the other
 * routes go to one backend each. The upstream's answer is written straight into the client's response while the
 * upstream call is open, so bodies stream and the pooled connection goes back as soon as the body has passed.
 * Every answer says which backend gave it ({@code X-Backend}) and is counted.
 * <p>
 * Handlers read the request from the exchange they are given, so a {@code WebFilter} that runs before them (ordered
 * like any WebFilter bean) can refuse a request, or pass on a mutated exchange with its headers replaced.
 */
public class ProxyHandler {

    /** Smaller than a socket's send buffer, and than most JSON answers of the functions behind the gateway. */
    static final long WRITTEN_WHOLE_BYTES = 16 * 1024;

    private final GatewaySettings settings;
    private final HttpForwarder forwarder;
    private final CatalogRoute catalogRoute;
    private final GatewayMetrics metrics;
    private final BodyLimit bodyLimit;
    private final Function<RoutingRequest, Backend> chooseMoviesBackend;

    public ProxyHandler(GatewaySettings settings, HttpForwarder forwarder, CatalogRoute catalogRoute, GatewayMetrics metrics,
                        BodyLimit bodyLimit, Function<RoutingRequest, Backend> chooseMoviesBackend) {
        this.settings = settings;
        this.forwarder = forwarder;
        this.catalogRoute = catalogRoute;
        this.metrics = metrics;
        this.bodyLimit = bodyLimit;
        this.chooseMoviesBackend = chooseMoviesBackend;
    }

    /** Everything on this route goes to {@code backend}. */
    public WebHandler to(Backend backend) {
        return exchange -> handle(exchange, (incoming, body) -> send(exchange, incoming, body, backend, false));
    }

    /** Movies: the monolith or the catalog, as the split decides. */
    public WebHandler movies() {
        return exchange -> handle(exchange, (incoming, body) ->
                chooseMoviesBackend.apply(new RoutingRequest(incoming.header("X-User-Id"))) == Backend.MONOLITH
                        ? send(exchange, incoming, body, Backend.MONOLITH, false)
                        : viaCatalog(exchange, incoming, body));
    }

    private interface Route {
        Mono<Void> forward(IncomingRequest incoming, Flux<DataBuffer> body);
    }

    private Mono<Void> handle(ServerWebExchange exchange, Route route) {
        return Mono.defer(() -> {
            IncomingRequest incoming = IncomingRequest.of(exchange.getRequest());
            bodyLimit.checkDeclared(incoming);
            return route.forward(incoming, bodyLimit.counted(exchange.getRequest().getBody()))
                    .doOnError(BackendUnavailableException.class,
                            e -> metrics.request(routeLabel(exchange), e.backend(), e.status()));
        });
    }

    /**
     * A read the catalog fails is sent again to the monolith, so its body (reads rarely have one) is held to be sent
     * twice; any other body streams once.
     */
    private Mono<Void> viaCatalog(ServerWebExchange exchange, IncomingRequest incoming, Flux<DataBuffer> body) {
        if (!incoming.isRead() || !incoming.hasBody()) {
            return catalogThenMonolith(exchange, incoming, body);
        }
        return DataBufferUtils.join(body).flatMap(joined -> {
            byte[] bytes = new byte[joined.readableByteCount()];
            joined.read(bytes);
            DataBufferUtils.release(joined);
            return catalogThenMonolith(exchange, incoming, Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes))));
        });
    }

    private Mono<Void> catalogThenMonolith(ServerWebExchange exchange, IncomingRequest incoming, Flux<DataBuffer> body) {
        return catalogRoute.call(incoming,
                answer -> forwarder.forward(incoming, body, settings.catalogUrl(), settings.catalogTimeout(), answer),
                answerWith(exchange, incoming, Backend.CATALOG, false),
                () -> send(exchange, incoming, body, Backend.MONOLITH, true));
    }

    private Mono<Void> send(ServerWebExchange exchange, IncomingRequest incoming, Flux<DataBuffer> body, Backend backend, boolean fallback) {
        return forwarder.forward(incoming, body, upstream(backend), settings.upstreamTimeout(), answerWith(exchange, incoming, backend, fallback))
                .onErrorMap(UpstreamFailure.class, failure -> BackendUnavailableException.of(backend, failure));
    }

    private URI upstream(Backend backend) {
        return switch (backend) {
            case MONOLITH -> settings.monolithUrl();
            case CATALOG -> settings.catalogUrl();
            case EVENTS -> settings.eventsUrl();
            case IDENTITY -> settings.identityUrl();
            case DISCOUNTS -> settings.discountsUrl();
            case PAYMENTS -> settings.paymentsUrl();
            case SUBSCRIPTIONS -> settings.subscriptionsUrl();
            case CONTENT -> settings.contentUrl();
            case PROFILE -> settings.profileUrl();
            case RECOMMENDATIONS -> settings.recommendationsUrl();
            case NOTIFICATIONS -> settings.notificationsUrl();
            case WEB_BFF -> settings.webBffUrl();
            case MOBILE_BFF -> settings.mobileBffUrl();
        };
    }

    private Function<UpstreamResponse, Mono<Void>> answerWith(ServerWebExchange exchange, IncomingRequest incoming, Backend backend,
                                                              boolean fallback) {
        return upstream -> {
            ServerHttpResponse response = exchange.getResponse();
            response.setStatusCode(HttpStatusCode.valueOf(upstream.status()));
            HttpHeaders headers = response.getHeaders();
            upstream.headers().forEach(headers::put);
            if (upstream.contentLength() >= 0) {
                headers.setContentLength(upstream.contentLength());
            }
            headers.set("X-Backend", backend.label());
            if (fallback) {
                headers.set("X-Fallback", "true");
            }
            return response.writeWith(bodyOf(upstream, backend, () -> metrics.request(routeLabel(exchange), backend, upstream.status())));
        };
    }

    /**
     * A body of known length up to {@link #WRITTEN_WHOLE_BYTES} is gathered first, so that Reactor Netty writes the
     * status line, the headers and the body with one system call; streamed, it flushes the head with the body and
     * then the end of the response on its own. Those writes were a third of the gateway's CPU per request. A
     * backend hanging up in the middle of such a body is answered 502, nothing of it having been sent yet, and
     * counted as that 502 only ({@code counted} runs once the answer's status is the one the client gets).
     */
    private static Publisher<DataBuffer> bodyOf(UpstreamResponse upstream, Backend backend, Runnable counted) {
        if (upstream.contentLength() < 0 || upstream.contentLength() > WRITTEN_WHOLE_BYTES) {
            counted.run();
            return upstream.body();
        }
        return DataBufferUtils.join(upstream.body())
                .doOnSuccess(whole -> counted.run())
                .onErrorMap(failure -> new BackendUnavailableException(backend, 502, backend.label() + " broke off its answer before the end", failure));
    }

    /** The route table's entry that matched (its pattern, set by the handler mapping), as a metrics label. */
    private static String routeLabel(ServerWebExchange exchange) {
        PathPattern matched = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return matched == null ? "other" : GatewayRoutes.label(matched.getPatternString());
    }
}

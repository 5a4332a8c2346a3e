package com.cinemaabyss.gateway.web;

import com.cinemaabyss.kit.auth.Identity;
import com.cinemaabyss.gateway.identity.AccessDecision;
import com.cinemaabyss.gateway.identity.AccessGuard;
import com.cinemaabyss.gateway.identity.IdentityHeaders;
import com.cinemaabyss.gateway.proxy.ForwardedHeaders;
import com.cinemaabyss.gateway.proxy.IncomingRequest;
import com.cinemaabyss.gateway.ratelimit.RateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.Optional;

/**
 * Every request passes here before it is routed: the access policy decides whether it needs a token and which
 * role (verifying the token against identity's keys), then the caller's rate limit is taken, per user for a
 * verified caller and per client address otherwise, on the proxied paths. What the upstreams then see as the caller is only what the
 * token said: the client's own X-User-* headers are dropped and X-User-Id / X-User-Roles set from the token.
 * A refused request is never forwarded; a request refused by the policy does not use up a rate-limit token.
 */
public class EdgeFilter implements WebFilter {

    private final AccessGuard guard;
    private final RateLimiter limits;
    private final ForwardedHeaders forwarded;

    public EdgeFilter(AccessGuard guard, RateLimiter limits, ForwardedHeaders forwarded) {
        this.guard = guard;
        this.limits = limits;
        this.forwarded = forwarded;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getURI().getRawPath();
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return Mono.fromFuture(guard.check(request.getMethod().name(), path, authorization))
                .flatMap(decision -> switch (decision) {
                    case AccessDecision.Denied denied -> Mono.error(refusal(denied));
                    case AccessDecision.Allowed allowed -> isProxied(path)
                            ? limited(exchange, chain, path, allowed.identity())
                            : chain.filter(asCaller(exchange, allowed.identity()));
                });
    }

    /** Rate limits are for the public API; the gateway's own health, metrics and admin paths are not counted. */
    private static boolean isProxied(String path) {
        return path.startsWith("/api/") || path.startsWith("/.well-known/");
    }

    private Mono<Void> limited(ServerWebExchange exchange, WebFilterChain chain, String path, Optional<Identity> identity) {
        String client = forwarded.clientAddress(exchange.getRequest().getHeaders().getFirst("X-Forwarded-For"),
                IncomingRequest.peerAddress(exchange.getRequest()));
        return Mono.fromFuture(limits.check(path, identity, client)).flatMap(limit -> {
            if (!limit.allowed()) {
                return Mono.error(new EdgeRefusal(429, "too many requests: retry after " + limit.retryAfterSeconds() + " s",
                        limit.headers()));
            }
            exchange.getResponse().getHeaders().setAll(limit.headers());
            return chain.filter(asCaller(exchange, identity));
        });
    }

    private static ServerWebExchange asCaller(ServerWebExchange exchange, Optional<Identity> identity) {
        HttpHeaders sent = exchange.getRequest().getHeaders();
        var toRemove = IdentityHeaders.toRemove(sent.headerNames());
        Map<String, String> toSet = IdentityHeaders.toSet(identity);
        if (toRemove.isEmpty() && toSet.isEmpty()) {
            return exchange;
        }
        return exchange.mutate().request(request -> request.headers(headers -> {
            toRemove.forEach(headers::remove);
            toSet.forEach(headers::set);
        })).build();
    }

    private static EdgeRefusal refusal(AccessDecision.Denied denied) {
        return new EdgeRefusal(denied.status(), denied.message(),
                denied.wwwAuthenticate().map(challenge -> Map.of(HttpHeaders.WWW_AUTHENTICATE, challenge)).orElse(Map.of()));
    }
}

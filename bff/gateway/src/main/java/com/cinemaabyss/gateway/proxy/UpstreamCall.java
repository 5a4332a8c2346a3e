package com.cinemaabyss.gateway.proxy;

import reactor.core.publisher.Mono;

import java.util.function.Function;

/** One request on its way to an upstream; its answer, when it comes, goes to {@code answer}, which passes it on. */
@FunctionalInterface
public interface UpstreamCall {

    Mono<Void> send(Function<UpstreamResponse, Mono<Void>> answer);
}

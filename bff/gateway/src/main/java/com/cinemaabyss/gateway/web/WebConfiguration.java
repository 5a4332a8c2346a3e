package com.cinemaabyss.gateway.web;

import com.cinemaabyss.kit.auth.Identity;
import com.cinemaabyss.gateway.identity.AccessGuard;
import com.cinemaabyss.gateway.proxy.ForwardedHeaders;
import com.cinemaabyss.gateway.ratelimit.RateLimiter;
import com.cinemaabyss.gateway.domain.Backend;
import com.cinemaabyss.gateway.domain.RoutingRequest;
import com.cinemaabyss.gateway.proxy.BodyLimit;
import com.cinemaabyss.gateway.proxy.CatalogRoute;
import com.cinemaabyss.gateway.proxy.GatewayMetrics;
import com.cinemaabyss.gateway.proxy.GatewaySettings;
import com.cinemaabyss.gateway.proxy.HttpForwarder;
import com.cinemaabyss.gateway.proxy.HttpSettings;
import com.cinemaabyss.kit.core.JsonLimits;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import reactor.netty.NettyPipeline;
import tools.jackson.databind.json.JsonMapper;

import java.util.function.Function;

/** The web side's pieces: the proxy handlers, JSON errors for everything, JSON bodies read within bounds. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    ProxyHandler proxyHandler(GatewaySettings settings, HttpForwarder forwarder, CatalogRoute catalogRoute, GatewayMetrics metrics,
                              BodyLimit bodyLimit, Function<RoutingRequest, Backend> chooseMoviesBackend) {
        return new ProxyHandler(settings, forwarder, catalogRoute, metrics, bodyLimit, chooseMoviesBackend);
    }

    /** First of the filters: the upstreams see the gateway's span as their parent. */
    @Bean
    @Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    TraceForwardingFilter traceForwardingFilter(Propagator propagator) {
        return new TraceForwardingFilter(propagator);
    }

    /** Identity and rate limits, ahead of every route. */
    @Bean
    EdgeFilter edgeFilter(AccessGuard guard, RateLimiter limits, ForwardedHeaders forwarded) {
        return new EdgeFilter(guard, limits, forwarded);
    }

    @Bean
    JsonErrorWriter jsonErrorWriter(JsonMapper json) {
        return new JsonErrorWriter(json);
    }

    /** Before Spring Boot's own error handler (order -1), which would answer in its own shape. */
    @Bean
    @Order(-2)
    JsonErrorHandler jsonErrorHandler(JsonErrorWriter writer) {
        return new JsonErrorHandler(writer);
    }

    @Bean
    JsonBodies jsonBodies(JsonMapper json, HttpSettings http) {
        return new JsonBodies(json, http.maxBodyBytes());
    }

    /** Requests Netty itself refuses, answered in JSON too (see {@link MalformedRequests}). */
    @Bean
    NettyServerCustomizer malformedRequestsInJson(JsonMapper json) {
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "malformedRequestsInJson", new MalformedRequests(json));
            }
        });
    }

    /**
     * Boot's JSON mapper (every {@code spring.jackson.*} setting and customizer applied) on a parser with
     * {@link JsonLimits}, as kit-web builds it for the function apps.
     */
    @Bean
    JsonMapper boundedJsonMapper(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(JsonLimits.factory());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }
}

package com.cinemaabyss.kit.web.tracing;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Tracing settings every function shares, below anything an application.yaml or the environment says: W3C
 * {@code traceparent} propagation, every trace sampled unless {@code TRACING_SAMPLING_PROBABILITY} says otherwise, and
 * spans sent to Zipkin only when {@code TRACING_EXPORT} is true (the chart sets it with {@code ZIPKIN_ENDPOINT}; the
 * local platform points both at its Zipkin). Without them nothing is exported, so a test or a function run alone never
 * waits on a collector that is not there.
 */
public class TracingDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.of(
            "management.tracing.propagation.type", "W3C",
            "management.tracing.sampling.probability", "${TRACING_SAMPLING_PROBABILITY:1.0}",
            "management.tracing.export.zipkin.enabled", "${TRACING_EXPORT:false}",
            "management.tracing.export.zipkin.endpoint", "${ZIPKIN_ENDPOINT:http://127.0.0.1:9411/api/v2/spans}");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("cinemaabyss-tracing-defaults", DEFAULTS));
    }
}

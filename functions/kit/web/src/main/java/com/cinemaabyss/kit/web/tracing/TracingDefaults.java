package com.cinemaabyss.kit.web.tracing;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Tracing settings every function shares, below anything an application.yaml or the environment says: W3C
 * {@code traceparent} propagation, spans sent to {@code ZIPKIN_ENDPOINT}, and the share of new traces kept from
 * {@code TRACING_SAMPLING_PROBABILITY}, none unless it is set (the chart sets both, the local platform points them at
 * its Zipkin). Unsampled traces still propagate and still name their ids in the log lines; they are just not sent, so a
 * test or a function run alone never talks to a collector that is not there. Export is switched by sampling and not
 * by Boot's export switch because the cluster runs the functions with Spring AOT, which fixes bean conditions at build
 * time: the Zipkin reporter is always built, and sends only what is sampled.
 */
public class TracingDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.of(
            "management.tracing.propagation.type", "W3C",
            "management.tracing.sampling.probability", "${TRACING_SAMPLING_PROBABILITY:0.0}",
            "management.tracing.export.zipkin.endpoint", "${ZIPKIN_ENDPOINT:http://127.0.0.1:9411/api/v2/spans}");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("cinemaabyss-tracing-defaults", DEFAULTS));
    }
}

package com.cinemaabyss.kit.events;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Kafka publishing for function apps that emit CloudEvents. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaSettings.class)
public class EventKitConfiguration {

    @Bean(destroyMethod = "close")
    CloudEventPublisher cloudEventPublisher(KafkaSettings settings, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer found = tracer.getIfAvailable();
        Propagator propagation = propagator.getIfAvailable();
        return new CloudEventPublisher(settings, found == null || propagation == null ? EventTracing.NONE : new EventTracing(found, propagation));
    }
}

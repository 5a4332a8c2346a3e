package com.cinemaabyss.bff.kit;

import com.cinemaabyss.kit.web.tracing.TraceHeaders;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** What a BFF app imports: the calls to the functions, the fan-out and the screens' data. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BffSettings.class)
public class BffKitConfiguration {

    @Bean(destroyMethod = "close")
    FanOut fanOut(ObjectProvider<Tracer> tracer) {
        return new FanOut(tracer.getIfAvailable());
    }

    @Bean
    Upstreams upstreams(BffSettings settings, JsonMapper json, ObjectProvider<TraceHeaders> trace) {
        return new Upstreams(settings, json, trace.getIfAvailable(() -> TraceHeaders.NONE));
    }

    @Bean
    Sources sources(Upstreams upstreams) {
        return new Sources(upstreams);
    }

    @Bean
    Screens screens(Sources sources, FanOut fanOut, BffSettings settings) {
        return new Screens(sources, fanOut, settings);
    }
}

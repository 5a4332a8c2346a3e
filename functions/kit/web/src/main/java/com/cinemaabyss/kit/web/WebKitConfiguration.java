package com.cinemaabyss.kit.web;

import com.cinemaabyss.kit.core.JsonLimits;
import com.cinemaabyss.kit.web.tracing.EventTraceFilter;
import com.cinemaabyss.kit.web.tracing.TraceHeaders;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.apache.catalina.core.StandardHost;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** Web plumbing every function app imports: JSON errors everywhere, a bound on request bodies, a bounded JSON parser. */
@Configuration(proxyBeanMethods = false)
@Import({JsonErrorAdvice.class, JsonErrorController.class})
@EnableConfigurationProperties({WebSettings.class, DeliverySettings.class})
public class WebKitConfiguration {

    /** Only when a delivery token is configured (locally); the cluster guards the internal routes with Istio. */
    @Bean
    FilterRegistrationBean<InternalRoutesFilter> internalRoutesFilter(DeliverySettings settings) {
        var registration = new FilterRegistrationBean<>(new InternalRoutesFilter(settings.deliveryToken()));
        registration.setEnabled(!settings.deliveryToken().isBlank());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(WebSettings settings) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(settings.maxBodyBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Before the server observation (order + 1) reads the trace headers: a delivered event's own trace is continued. */
    @Bean
    FilterRegistrationBean<EventTraceFilter> eventTraceFilter() {
        var registration = new FilterRegistrationBean<>(new EventTraceFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    TraceHeaders traceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer found = tracer.getIfAvailable();
        Propagator propagation = propagator.getIfAvailable();
        return found == null || propagation == null ? TraceHeaders.NONE : new TraceHeaders(found, propagation);
    }

    /**
     * Tomcat's own error answers (before a request reaches the application) in JSON: the host gets our report valve,
     * and naming its class keeps Tomcat from adding its HTML one when the host starts.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonTomcatErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                host.getPipeline().addValve(new JsonErrorReportValve());
            }
        });
    }

    /**
     * Boot's JSON mapper (every {@code spring.jackson.*} setting and customizer applied) on a parser with
     * {@link JsonLimits}. A customizer alone cannot do it: Jackson 3 fixes the parser factory when the builder is made.
     */
    @Bean
    JsonMapper boundedJsonMapper(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(JsonLimits.factory());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }
}

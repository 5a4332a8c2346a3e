package com.cinemaabyss.events.functions;

import com.cinemaabyss.events.domain.IngressBatch;
import com.cinemaabyss.events.domain.IngressReceipt;
import com.cinemaabyss.events.publish.EventIngress;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Function;

/** CloudEvents from outside producers: checked against their contracts and published to their topics. */
@Configuration(proxyBeanMethods = false)
public class IngestFunctions {

    @Bean
    public Function<IngressBatch, IngressReceipt> ingestCloudEvents(EventIngress ingress) {
        return ingress::ingest;
    }
}

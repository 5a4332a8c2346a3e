package com.cinemaabyss.kit.events;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Kafka publishing for function apps that emit CloudEvents. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaSettings.class)
public class EventKitConfiguration {

    @Bean(destroyMethod = "close")
    CloudEventPublisher cloudEventPublisher(KafkaSettings settings) {
        return new CloudEventPublisher(settings);
    }
}

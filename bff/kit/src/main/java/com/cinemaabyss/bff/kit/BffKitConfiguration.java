package com.cinemaabyss.bff.kit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** What a BFF app imports: the calls to the functions, the fan-out and the screens' data. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BffSettings.class)
public class BffKitConfiguration {

    @Bean(destroyMethod = "close")
    FanOut fanOut() {
        return new FanOut();
    }

    @Bean
    Upstreams upstreams(BffSettings settings, JsonMapper json) {
        return new Upstreams(settings, json);
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

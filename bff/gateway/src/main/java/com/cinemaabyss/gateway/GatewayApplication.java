package com.cinemaabyss.gateway;

import com.cinemaabyss.kit.web.WebKitConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The gateway: one entry point for every client, and the Strangler Fig between the monolith and the catalog. */
@SpringBootApplication
@Import(WebKitConfiguration.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}

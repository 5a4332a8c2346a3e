package com.cinemaabyss.bff.web;

import com.cinemaabyss.bff.kit.BffKitConfiguration;
import com.cinemaabyss.kit.web.WebKitConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The web BFF: one call per screen of the web client (home, browse, a title, the account), gathered at once from the
 * domain functions with the caller's token, and the web client's static files (docs/bff-api.md).
 */
@SpringBootApplication
@Import({WebKitConfiguration.class, BffKitConfiguration.class})
public class WebBffApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebBffApplication.class, args);
    }
}

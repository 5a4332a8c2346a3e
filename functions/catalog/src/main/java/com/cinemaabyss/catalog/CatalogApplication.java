package com.cinemaabyss.catalog;

import com.cinemaabyss.kit.dynamo.DynamoKitConfiguration;
import com.cinemaabyss.kit.events.EventKitConfiguration;
import com.cinemaabyss.kit.idempotency.DynamoIdempotencyConfiguration;
import com.cinemaabyss.kit.web.IdempotencyWebConfiguration;
import com.cinemaabyss.kit.web.WebKitConfiguration;
import com.cinemaabyss.kit.web.auth.CallerConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The catalog: movies moved out of the monolith into their own function app and table, and the titles (movies and series) with their search. */
@SpringBootApplication
@Import({WebKitConfiguration.class, DynamoKitConfiguration.class, EventKitConfiguration.class, MovieConfiguration.class,
        TitleConfiguration.class, CallerConfiguration.class, IdempotencyWebConfiguration.class, DynamoIdempotencyConfiguration.class})
public class CatalogApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatalogApplication.class, args);
    }
}

package com.cinemaabyss.content;

import com.cinemaabyss.kit.dynamo.DynamoKitConfiguration;
import com.cinemaabyss.kit.events.EventKitConfiguration;
import com.cinemaabyss.kit.idempotency.DynamoIdempotencyConfiguration;
import com.cinemaabyss.kit.web.IdempotencyWebConfiguration;
import com.cinemaabyss.kit.web.WebKitConfiguration;
import com.cinemaabyss.kit.web.auth.CallerConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Playback rights: the titles projection, licences, and the playback decision with its signed stream URL. A playback
 * start creates a session, so it honours Idempotency-Key (a retried start answers the same URL and session).
 */
@SpringBootApplication
@Import({WebKitConfiguration.class, DynamoKitConfiguration.class, EventKitConfiguration.class, CallerConfiguration.class,
        DynamoIdempotencyConfiguration.class, IdempotencyWebConfiguration.class, ContentConfiguration.class})
public class ContentApplication {

    public static void main(String[] args) {
        SpringApplication.run(ContentApplication.class, args);
    }
}

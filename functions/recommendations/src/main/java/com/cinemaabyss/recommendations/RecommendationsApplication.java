package com.cinemaabyss.recommendations;

import com.cinemaabyss.kit.dynamo.DynamoKitConfiguration;
import com.cinemaabyss.kit.web.WebKitConfiguration;
import com.cinemaabyss.kit.web.auth.CallerConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The recommendation adapter: a viewer's recommendations from an external engine, or from its own fallback when the
 * engine is slow, down or has nothing; it learns from profile-events, playback-events and title-changes.
 */
@SpringBootApplication
@Import({WebKitConfiguration.class, DynamoKitConfiguration.class, CallerConfiguration.class, RecommendationsConfiguration.class})
public class RecommendationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(RecommendationsApplication.class, args);
    }
}

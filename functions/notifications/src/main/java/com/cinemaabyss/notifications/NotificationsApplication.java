package com.cinemaabyss.notifications;

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
 * Notifications: email from identity's, payments' and subscriptions' events, each sent once per triggering event in
 * the user's language; the users' notification preferences and one-click unsubscribe from marketing mail.
 */
@SpringBootApplication
@Import({WebKitConfiguration.class, DynamoKitConfiguration.class, EventKitConfiguration.class, CallerConfiguration.class,
        IdempotencyWebConfiguration.class, DynamoIdempotencyConfiguration.class, NotificationsConfiguration.class})
public class NotificationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationsApplication.class, args);
    }
}

package com.cinemaabyss.payments;

import com.cinemaabyss.kit.dynamo.DynamoKitConfiguration;
import com.cinemaabyss.kit.events.EventKitConfiguration;
import com.cinemaabyss.kit.idempotency.DynamoIdempotencyConfiguration;
import com.cinemaabyss.kit.web.IdempotencyWebConfiguration;
import com.cinemaabyss.kit.web.WebKitConfiguration;
import com.cinemaabyss.kit.web.auth.CallerConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** payments: checkouts, provider charges and their webhooks, renewals, refunds, and the legacy payment view. */
@SpringBootApplication
@Import({WebKitConfiguration.class, DynamoKitConfiguration.class, EventKitConfiguration.class, CallerConfiguration.class,
        IdempotencyWebConfiguration.class, DynamoIdempotencyConfiguration.class, PaymentsConfiguration.class})
public class PaymentsApplication {

    public static void main(String[] args) {
        SpringApplication.run(PaymentsApplication.class, args);
    }
}

package com.cinemaabyss.discounts;

import com.cinemaabyss.kit.dynamo.DynamoKitConfiguration;
import com.cinemaabyss.kit.events.EventKitConfiguration;
import com.cinemaabyss.kit.idempotency.DynamoIdempotencyConfiguration;
import com.cinemaabyss.kit.web.IdempotencyWebConfiguration;
import com.cinemaabyss.kit.web.WebKitConfiguration;
import com.cinemaabyss.kit.web.auth.CallerConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Discounts and loyalty: plans, promo codes, points, quotes, and the discounts step of the checkout saga. */
@SpringBootApplication
@Import({WebKitConfiguration.class, DynamoKitConfiguration.class, EventKitConfiguration.class, CallerConfiguration.class,
        DynamoIdempotencyConfiguration.class, IdempotencyWebConfiguration.class, DiscountsConfiguration.class})
public class DiscountsApplication {

    public static void main(String[] args) {
        SpringApplication.run(DiscountsApplication.class, args);
    }
}

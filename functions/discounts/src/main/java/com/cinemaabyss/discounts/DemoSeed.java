package com.cinemaabyss.discounts;

import com.cinemaabyss.discounts.domain.NewPromoCode;
import com.cinemaabyss.discounts.domain.PlanUpdate;
import com.cinemaabyss.discounts.store.PlanStore;
import com.cinemaabyss.discounts.store.PromoStore;
import com.cinemaabyss.kit.core.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The demo plans and the {@value #WELCOME} code, written when their tables are empty. Idempotent: each write only
 * creates what is missing, so instances starting together or a restart leave the same rows, and an admin's own
 * plans or codes are never overwritten.
 */
final class DemoSeed {

    static final String WELCOME = "WELCOME10";
    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final PlanStore plans;
    private final PromoStore promos;

    DemoSeed(PlanStore plans, PromoStore promos) {
        this.plans = plans;
        this.promos = promos;
    }

    void seed() {
        if (plans.isEmpty()) {
            int written = 0;
            written += plans.putIfAbsent(new PlanUpdate("Basic", "month", Map.of("EUR", 799L, "USD", 899L), 7, 1).withId("basic-month")) ? 1 : 0;
            written += plans.putIfAbsent(new PlanUpdate("Standard", "month", Map.of("EUR", 1299L, "USD", 1399L), 7, 3).withId("standard-month")) ? 1 : 0;
            written += plans.putIfAbsent(new PlanUpdate("Premium", "year", Map.of("EUR", 17999L, "USD", 19999L), 0, 5).withId("premium-year")) ? 1 : 0;
            log.info("Demo plans seeded: {}", written);
        }
        if (promos.isEmpty()) {
            try {
                promos.create(new NewPromoCode(WELCOME, "percent", 10, null, null, null, null, 1_000_000L, 3).toCode());
                log.info("Demo promo code {} seeded", WELCOME);
            } catch (ConflictException seededByAnotherInstance) {
                log.debug("Demo promo code {} was there already", WELCOME);
            }
        }
    }
}

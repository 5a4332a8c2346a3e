package com.cinemaabyss.platform;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PollBudgetTest {

    private static final Duration PLATFORM_ATTEMPT = new HttpDelivery(Duration.ofSeconds(30)).attemptBound();

    @Test
    void oneRecordAtATimeForTheManifestsSubscriptionsWithTheirWorstCaseTwiceInsideThePollInterval() {
        for (Subscription subscription : KnativeWiring.load(KnativeWiringTest.KNATIVE).subscriptions()) {
            PollBudget budget = PollBudget.of(subscription, PLATFORM_ATTEMPT, EventingBridge.PARK_BOUND);
            // 6 attempts of 32 s, backoffs of 0.4 + 0.8 + 1.6 + 3.2 + 6.4 s, 40 s to park; on the money path 11 attempts,
            // backoffs of 1 + 2 + ... + 512 s; mail as long as the money path.
            // Campaign recipients and the new-episode pushes (from title-changes) back off from 1 s (2 + 4 + ... + 1024 s):
            // they wait out their channel's rate.
            Duration worst = Set.of("campaign-recipients-to-notifications", "title-changes-to-notifications").contains(subscription.name())
                    ? Duration.ofMillis(11 * 32_000 + 2_046_000 + 40_000)
                    : KnativeWiringTest.MONEY_PATH.contains(subscription.name()) || KnativeWiringTest.MAIL.contains(subscription.name())
                    ? Duration.ofMillis(11 * 32_000 + 1_023_000 + 40_000)
                    : Duration.ofMillis(6 * 32_000 + 12_400 + 40_000);
            assertEquals(worst, budget.worstCasePerRecord(), subscription.name());
            assertEquals(1, budget.maxPollRecords(), subscription.name());
            assertEquals(budget.worstCasePerRecord().multipliedBy(2), budget.maxPollInterval(), subscription.name());
        }
    }

    @Test
    void quickSubscriptionsTakeBiggerBatchesUpToTheCap() {
        Subscription quick = subscription(0, "linear", Duration.ofMillis(100));
        PollBudget budget = PollBudget.of(quick, Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertEquals(PollBudget.MAX_RECORDS, budget.maxPollRecords());
        assertEquals(Duration.ofSeconds(2 * 2 * PollBudget.MAX_RECORDS), budget.maxPollInterval());

        PollBudget middling = PollBudget.of(subscription(2, "linear", Duration.ofSeconds(1)), Duration.ofSeconds(5), Duration.ofSeconds(12));
        assertEquals(Duration.ofSeconds(3 * 5 + 1 + 2 + 12), middling.worstCasePerRecord());
        assertEquals(10, middling.maxPollRecords(), "300 s / 30 s");
        assertEquals(Duration.ofSeconds(600), middling.maxPollInterval());
    }

    @Test
    void aWholeBatchAtItsWorstStaysWellInsideThePollInterval() {
        for (int retries : List.of(0, 1, 3, 5, 10, 20)) {
            for (String policy : List.of("exponential", "linear")) {
                for (Duration delay : List.of(Duration.ofMillis(10), Duration.ofMillis(200), Duration.ofSeconds(5))) {
                    for (Duration attempt : List.of(Duration.ofMillis(300), Duration.ofSeconds(7), Duration.ofSeconds(32))) {
                        Subscription subscription = subscription(retries, policy, delay);
                        if (retries == 20 && policy.equals("exponential") && delay.getSeconds() == 5) {
                            // 5 s * 2^20 for the last retry alone: more than any poll interval.
                            assertThrows(IllegalArgumentException.class, () -> PollBudget.of(subscription, attempt, EventingBridge.PARK_BOUND));
                            continue;
                        }
                        PollBudget budget = PollBudget.of(subscription, attempt, EventingBridge.PARK_BOUND);
                        Duration batch = budget.worstCasePerRecord().multipliedBy(budget.maxPollRecords());
                        assertTrue(budget.maxPollRecords() >= 1 && budget.maxPollRecords() <= PollBudget.MAX_RECORDS);
                        assertTrue(batch.multipliedBy(PollBudget.SAFETY_FACTOR).compareTo(budget.maxPollInterval()) <= 0,
                                retries + " " + policy + " " + delay + " " + attempt + ": " + budget);
                    }
                }
            }
        }
    }

    private static Subscription subscription(int retries, String policy, Duration delay) {
        return new Subscription("s", List.of("t"), "g", "svc", "/", retries, policy, delay, "dlq");
    }
}

package com.cinemaabyss.subscriptions;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The renewal and dunning durations are configuration: defaults as the design says, overrides bound, nonsense refused. */
class SubscriptionSettingsTest {

    private static SubscriptionSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("cinemaabyss.subscriptions", SubscriptionSettings.class);
    }

    @Test
    void defaultsAreThreeDaysOfNoticeAndRetriesAfterOneThreeAndFiveDays() {
        SubscriptionSettings settings = bind(Map.of());
        assertEquals(Duration.ofDays(3), settings.upcomingLead());
        assertEquals(List.of(Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(5)), settings.retryAfter());
        assertEquals(2, settings.idOffset());
        assertEquals(2, settings.idStride());
        assertEquals(new SubscriptionSettings.Tick(100, 4), settings.tick());
    }

    @Test
    void testsShortenThemAndNonsenseIsRefusedAtStart() {
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)),
                bind(Map.of("cinemaabyss.subscriptions.retry-after", "1m,2m")).retryAfter());
        assertThrows(RuntimeException.class, () -> bind(Map.of("cinemaabyss.subscriptions.retry-after", "3d,1d")));
        assertThrows(RuntimeException.class, () -> bind(Map.of("cinemaabyss.subscriptions.answer-timeout", "0s")));
        assertThrows(RuntimeException.class, () -> bind(Map.of("cinemaabyss.subscriptions.tick.batch", "0")));
    }
}

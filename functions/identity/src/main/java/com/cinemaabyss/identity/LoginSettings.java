package com.cinemaabyss.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Throttling of failed logins, counted per account (the email as typed, normalised) and per client address over a
 * {@code window}: after {@code slowAfter} failures each attempt waits {@code delayStep} more (at most
 * {@code maxDelay}); at {@code accountLimit} failures on the account or {@code addressLimit} from the address, logins
 * answer 429 until the window ends.
 */
@ConfigurationProperties("cinemaabyss.identity.login")
public record LoginSettings(@DefaultValue("15m") Duration window, @DefaultValue("3") int slowAfter,
                            @DefaultValue("250ms") Duration delayStep, @DefaultValue("2s") Duration maxDelay,
                            @DefaultValue("10") int accountLimit, @DefaultValue("50") int addressLimit) {
}

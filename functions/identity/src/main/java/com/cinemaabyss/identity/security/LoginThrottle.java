package com.cinemaabyss.identity.security;

import com.cinemaabyss.identity.LoginSettings;
import com.cinemaabyss.kit.core.TooManyRequestsException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows down and then stops password guessing, per account and per client address, across replicas. Keys are
 * hashes ({@code account:} + SHA-256 of the normalised email as typed, whether or not it is an account, so that a
 * lockout does not tell which emails exist; {@code address:} + SHA-256 of the address), so their number and size
 * are bounded whatever a client sends. Success clears the account's counter, never the address's.
 */
public class LoginThrottle {

    public static final String TOO_MANY = "too many failed logins; try again later";

    private final FailureCounters counters;
    private final LoginSettings settings;
    private final Clock clock;

    public LoginThrottle(FailureCounters counters, LoginSettings settings, Clock clock) {
        this.counters = counters;
        this.settings = settings;
        this.clock = clock;
    }

    /** The counters a login attempt is judged by. */
    public record Keys(String account, String address) {
    }

    public static Keys keys(String email, String clientAddress) {
        return new Keys("account:" + Secrets.sha256(email.strip().toLowerCase(Locale.ROOT)),
                "address:" + Secrets.sha256(clientAddress == null ? "unknown" : clientAddress));
    }

    /**
     * Before the password is checked: 429 when either counter is at its limit (even for the right password: the
     * lock must not be a way to test guesses), otherwise how long to hold the answer back.
     */
    public Duration before(Keys keys) {
        Instant now = clock.instant();
        FailureCounters.Count account = counters.read(keys.account(), now);
        FailureCounters.Count address = counters.read(keys.address(), now);
        Instant lockedUntil = Instant.MIN;
        if (account.failures() >= settings.accountLimit()) {
            lockedUntil = account.resetsAt();
        }
        if (address.failures() >= settings.addressLimit() && address.resetsAt().isAfter(lockedUntil)) {
            lockedUntil = address.resetsAt();
        }
        if (lockedUntil.isAfter(now)) {
            throw new TooManyRequestsException(TOO_MANY, Duration.between(now, lockedUntil));
        }
        return delay(Math.max(account.failures(), address.failures()));
    }

    public void failed(Keys keys) {
        Instant now = clock.instant();
        counters.increment(keys.account(), now, settings.window());
        counters.increment(keys.address(), now, settings.window());
    }

    public void succeeded(Keys keys) {
        counters.reset(keys.account());
    }

    Duration delay(long failures) {
        long over = failures - settings.slowAfter() + 1;
        if (over <= 0) {
            return Duration.ZERO;
        }
        Duration delay = settings.delayStep().multipliedBy(Math.min(over, 1_000));
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }
}

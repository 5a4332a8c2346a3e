package com.cinemaabyss.identity.functions;

import com.cinemaabyss.identity.TokenSettings;
import com.cinemaabyss.identity.domain.LoginAttempt;
import com.cinemaabyss.identity.domain.TokenPair;
import com.cinemaabyss.identity.security.AccessTokens;
import com.cinemaabyss.identity.security.LoginThrottle;
import com.cinemaabyss.identity.security.PasswordHasher;
import com.cinemaabyss.identity.store.AccountStore;
import com.cinemaabyss.identity.store.SessionStore;
import com.cinemaabyss.identity.store.UserItem;
import com.cinemaabyss.kit.core.UnauthorizedException;
import com.cinemaabyss.kit.core.UnavailableException;

import java.time.Duration;
import java.util.Optional;

/** Logins, refreshes and logouts. */
public class Sessions {

    /** The one answer to every failed login: an unknown email and a wrong password must not be told apart. */
    public static final String INVALID_CREDENTIALS = "invalid email or password";

    private final AccountStore accounts;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AccessTokens accessTokens;
    private final TokenSettings tokens;

    public Sessions(AccountStore accounts, SessionStore sessions, PasswordHasher hasher, LoginThrottle throttle,
                    AccessTokens accessTokens, TokenSettings tokens) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.hasher = hasher;
        this.throttle = throttle;
        this.accessTokens = accessTokens;
        this.tokens = tokens;
    }

    /**
     * Checks the password (against a dummy hash when the email is no account, so both take the same time) after the
     * throttle had its say, and starts a session: a refresh token family and an access token.
     */
    public TokenPair login(LoginAttempt attempt) {
        LoginThrottle.Keys keys = LoginThrottle.keys(attempt.credentials().email(), attempt.clientAddress());
        pause(throttle.before(keys));
        Optional<UserItem> user = accounts.findByEmail(attempt.credentials().email());
        String password = attempt.credentials().password();
        // An account from SSO has no password until a reset sets one: checked like an unknown email, same cost, same answer.
        String hash = user.map(UserItem::getPasswordHash).orElse(null);
        boolean matches = hash != null ? hasher.matches(password, hash) : hasher.matchesNothing(password);
        if (!matches) {
            throttle.failed(keys);
            throw new UnauthorizedException(INVALID_CREDENTIALS);
        }
        throttle.succeeded(keys);
        String refreshToken = sessions.start(user.get(), tokens.refreshTtl(), SessionStore.LoginMethod.PASSWORD);
        return pair(user.get(), refreshToken);
    }

    /** Starts a session for an account whose owner an OpenID provider vouched for (see SingleSignOn). */
    public TokenPair startSso(UserItem user, String provider) {
        return pair(user, sessions.start(user, tokens.refreshTtl(), SessionStore.LoginMethod.sso(provider)));
    }

    public TokenPair refresh(String refreshToken) {
        SessionStore.Rotated rotated = sessions.rotate(refreshToken, accounts::find);
        return pair(rotated.user(), rotated.refreshToken());
    }

    public void logout(String refreshToken) {
        sessions.logout(refreshToken);
    }

    private TokenPair pair(UserItem user, String refreshToken) {
        AccessTokens.Issued access = accessTokens.issue(user.getId(), Accounts.roles(user));
        return TokenPair.bearer(access.token(), refreshToken, access.expiresIn());
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted", e);
        }
    }
}

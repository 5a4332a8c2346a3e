package com.cinemaabyss.identity.store;

import com.cinemaabyss.identity.events.UserEvents;
import com.cinemaabyss.identity.security.Secrets;
import com.cinemaabyss.kit.core.UnauthorizedException;
import com.cinemaabyss.kit.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * Refresh tokens, stored only as their SHA-256, in families: a login starts a family, each refresh uses up its token
 * (a conditional update from active to used, so of two refreshes with one token only one can succeed) and adds the
 * next. A token used a second time means it was copied: the whole family is revoked. A family also ends at logout,
 * when its lifetime (from the login) is over, and when its account's session epoch moved on (a password reset).
 */
public class SessionStore {

    public static final String INVALID = "invalid refresh token";
    static final String ACTIVE = "active";
    static final String USED = "used";
    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

    /** A refreshed session: its account and the refresh token that continues it. */
    public record Rotated(UserItem user, String refreshToken) {
    }

    private final DynamoDbTable<RefreshTokenItem> tokens;
    private final DynamoDbTable<RefreshFamilyItem> families;
    private final Outbox outbox;
    private final Clock clock;

    public SessionStore(DynamoDbTable<RefreshTokenItem> tokens, DynamoDbTable<RefreshFamilyItem> families, Outbox outbox, Clock clock) {
        this.tokens = tokens;
        this.families = families;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** How a session began: a password, or an OpenID provider (by its configured name). */
    public record LoginMethod(String method, String provider) {
        public static final LoginMethod PASSWORD = new LoginMethod("password", null);

        public static LoginMethod sso(String provider) {
            return new LoginMethod("sso", provider);
        }
    }

    /** Starts a family for a login, announcing the login and how it was made; its first refresh token. */
    public String start(UserItem user, Duration lifetime, LoginMethod method) {
        Instant now = clock.instant();
        RefreshFamilyItem family = new RefreshFamilyItem();
        family.setId(UUID.randomUUID().toString());
        family.setUserId(user.getId());
        family.setEpoch(user.getSessionEpoch() == null ? 0 : user.getSessionEpoch());
        family.setRevoked(false);
        family.setExpiresAt(now.plus(lifetime).getEpochSecond());
        String token = Secrets.newToken();
        RefreshTokenItem first = token(token, family);
        outbox.writeAndAnnounce(transaction -> transaction.addPutItem(families, family).addPutItem(tokens, first),
                List.of(UserEvents.loggedIn(new UserEvents.LoggedIn(user.getId(), family.getId(), method.method(), method.provider(),
                        UserEvents.timestamp(now)))));
        return token;
    }

    /** Uses up {@code presented} and hands out the next token of its family; 401 for anything but an active token of a live family. */
    public Rotated rotate(String presented, LongFunction<Optional<UserItem>> accounts) {
        Instant now = clock.instant();
        RefreshTokenItem token = tokens.getItem(r -> r.key(key(Secrets.sha256(presented))).consistentRead(true));
        if (token == null || token.getExpiresAt() <= now.getEpochSecond()) {
            throw new UnauthorizedException(INVALID);
        }
        String next = Secrets.newToken();
        if (!ACTIVE.equals(token.getState()) || !useUp(token, Secrets.sha256(next))) {
            revoke(token.getFamilyId());
            log.warn("refresh token reuse: family {} of user {} revoked", token.getFamilyId(), token.getUserId());
            throw new UnauthorizedException(INVALID);
        }
        RefreshFamilyItem family = families.getItem(r -> r.key(key(token.getFamilyId())).consistentRead(true));
        if (family == null || Boolean.TRUE.equals(family.getRevoked()) || family.getExpiresAt() <= now.getEpochSecond()) {
            throw new UnauthorizedException(INVALID);
        }
        UserItem user = accounts.apply(token.getUserId()).orElseThrow(() -> new UnauthorizedException(INVALID));
        if (!family.getEpoch().equals(user.getSessionEpoch() == null ? 0L : user.getSessionEpoch())) {
            revoke(family.getId());
            throw new UnauthorizedException(INVALID);
        }
        tokens.putItem(token(next, family));
        return new Rotated(user, next);
    }

    /** Ends the session the token belongs to; nothing to do for a token that is not ours (the answer is the same). */
    public void logout(String presented) {
        RefreshTokenItem token = tokens.getItem(r -> r.key(key(Secrets.sha256(presented))).consistentRead(true));
        if (token != null) {
            revoke(token.getFamilyId());
            useUp(token, null);
        }
    }

    /** Whether a family still refreshes (for tests and operators). */
    public boolean isRevoked(String familyId) {
        RefreshFamilyItem family = families.getItem(r -> r.key(key(familyId)).consistentRead(true));
        return family == null || Boolean.TRUE.equals(family.getRevoked());
    }

    public Optional<String> familyOf(String presented) {
        return Optional.ofNullable(tokens.getItem(r -> r.key(key(Secrets.sha256(presented))).consistentRead(true)))
                .map(RefreshTokenItem::getFamilyId);
    }

    /**
     * Marks the token used, if it still is active, recording the hash of the token that follows it. When the
     * condition fails, the token may have been used by this very call: the SDK sends an update again when its answer
     * was lost, and the second attempt finds the first one's write. That is no reuse, and the family lives on.
     */
    private boolean useUp(RefreshTokenItem token, String successor) {
        token.setState(USED);
        token.setSuccessor(successor);
        try {
            tokens.updateItem(UpdateItemEnhancedRequest.builder(RefreshTokenItem.class).item(token)
                    .conditionExpression(Expression.builder().expression("#state = :active")
                            .expressionNames(Map.of("#state", "state"))
                            .expressionValues(Map.of(":active", AttributeValue.fromS(ACTIVE))).build())
                    .build());
            return true;
        } catch (ConditionalCheckFailedException alreadyUsed) {
            if (successor == null) {
                return false;
            }
            RefreshTokenItem current = tokens.getItem(r -> r.key(key(token.getHash())).consistentRead(true));
            return current != null && USED.equals(current.getState()) && successor.equals(current.getSuccessor());
        }
    }

    private void revoke(String familyId) {
        RefreshFamilyItem family = families.getItem(r -> r.key(key(familyId)).consistentRead(true));
        if (family != null && !Boolean.TRUE.equals(family.getRevoked())) {
            family.setRevoked(true);
            families.updateItem(family);
        }
    }

    private static RefreshTokenItem token(String token, RefreshFamilyItem family) {
        RefreshTokenItem item = new RefreshTokenItem();
        item.setHash(Secrets.sha256(token));
        item.setFamilyId(family.getId());
        item.setUserId(family.getUserId());
        item.setState(ACTIVE);
        item.setExpiresAt(family.getExpiresAt());
        return item;
    }

    private static Key key(String value) {
        return Key.builder().partitionValue(value).build();
    }
}

package com.cinemaabyss.identity.store;

import com.cinemaabyss.identity.domain.Email;
import com.cinemaabyss.identity.domain.Role;
import com.cinemaabyss.identity.domain.Roles;
import com.cinemaabyss.identity.events.UserEvents;
import com.cinemaabyss.identity.security.Secrets;
import com.cinemaabyss.kit.core.ConflictException;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.kit.dynamo.InterleavedIds;
import com.cinemaabyss.kit.outbox.Outbox;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactUpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts, their one-time tokens and their identities at external OpenID providers. Every write is one DynamoDB transaction with the events it causes (the
 * outbox), and checks the account's revision, so two writers never overwrite each other. An email belongs to one
 * account because its normalised form is the key of an item written in the same transaction as the account, only if
 * absent.
 */
public class AccountStore {

    public static final String INVALID_TOKEN = "token is invalid, used or expired";
    private static final String CONFLICT_CODE = "ConditionalCheckFailed";
    private static final int ATTEMPTS = 3;

    /** What a one-time token is for. */
    public enum Purpose {
        VERIFY_EMAIL, RESET_PASSWORD
    }

    private final DynamoDbTable<UserItem> users;
    private final DynamoDbTable<EmailItem> emails;
    private final DynamoDbTable<OneTimeTokenItem> oneTimeTokens;
    private final DynamoDbTable<ExternalIdentityItem> externalIdentities;
    private final InterleavedIds ids;
    private final Outbox outbox;
    private final Clock clock;

    public AccountStore(DynamoDbTable<UserItem> users, DynamoDbTable<EmailItem> emails, DynamoDbTable<OneTimeTokenItem> oneTimeTokens,
                        DynamoDbTable<ExternalIdentityItem> externalIdentities, InterleavedIds ids, Outbox outbox, Clock clock) {
        this.users = users;
        this.emails = emails;
        this.oneTimeTokens = oneTimeTokens;
        this.externalIdentities = externalIdentities;
        this.ids = ids;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Creates the account, announcing it on user-events and the user changelog; 409 when the email has an account. */
    public UserItem create(Email email, String username, String passwordHash, Set<Role> roles) {
        return create(email, username, passwordHash, roles, false, null, null, null);
    }

    /**
     * Creates the account as {@link #create(Email, String, String, Set)} does and, in the same transaction, a
     * verification token for its address with the event that hands it over (email_verification_requested): the
     * welcome mail carries the link, and no account exists whose token was lost between two writes.
     */
    public UserItem createUnverified(Email email, String username, String passwordHash, Set<Role> roles, Duration verificationTtl, String country) {
        return create(email, username, passwordHash, roles, false, null, verificationTtl, country);
    }

    /**
     * Creates an account for an identity at an OpenID provider, linked to it in the same transaction: the same
     * registration as {@link #create} (an id from the same sequence, the same events), without a password. 409 when
     * the email has an account; {@link ExternalIdentityTaken} when another login linked the identity first.
     */
    public UserItem createLinked(Email email, String username, boolean emailVerified, Set<Role> roles, ExternalIdentityItem link) {
        return create(email, username, null, roles, emailVerified, link, null, null);
    }

    private UserItem create(Email email, String username, String passwordHash, Set<Role> roles, boolean emailVerified, ExternalIdentityItem link,
                            Duration verificationTtl, String country) {
        Instant now = clock.instant();
        UserItem user = new UserItem();
        user.setId(ids.next());
        user.setEmail(email.value());
        user.setEmailNormalized(email.normalized());
        user.setUsername(username);
        user.setPasswordHash(passwordHash);
        user.setRoles(Roles.names(roles));
        user.setEmailVerified(emailVerified);
        user.setSessionEpoch(0L);
        user.setCreatedAtMillis(now.toEpochMilli());
        EmailItem owner = new EmailItem();
        owner.setEmail(email.normalized());
        owner.setUserId(user.getId());
        List<Outbox.Announcement> events = new ArrayList<>(List.of(
                UserEvents.registered(new UserEvents.Registered(user.getId(), user.getEmail(), username, user.getRoles(), UserEvents.timestamp(now),
                        country)),
                // The version-attribute extension stores revision 1 on a new item.
                UserEvents.upserted(new UserEvents.Upserted(user.getId(), user.getEmail(), username, 1))));
        OneTimeTokenItem verification = null;
        if (verificationTtl != null && !emailVerified) {
            String token = Secrets.newToken();
            Instant expires = now.plus(verificationTtl);
            verification = oneTimeToken(token, Purpose.VERIFY_EMAIL, user.getId(), expires);
            events.add(UserEvents.emailVerificationRequested(new UserEvents.TokenIssued(user.getId(), user.getEmail(), token,
                    UserEvents.timestamp(expires))));
        }
        OneTimeTokenItem verificationToken = verification;
        try {
            outbox.writeAndAnnounce(transaction -> {
                        transaction.addPutItem(users, TransactPutItemEnhancedRequest.builder(UserItem.class).item(user)
                                        .conditionExpression(Expression.builder().expression("attribute_not_exists(id)").build()).build())
                                .addPutItem(emails, TransactPutItemEnhancedRequest.builder(EmailItem.class).item(owner)
                                        .conditionExpression(Expression.builder().expression("attribute_not_exists(email)").build()).build());
                        if (link != null) {
                            link.setUserId(user.getId());
                            link.setLinkedAtMillis(now.toEpochMilli());
                            transaction.addPutItem(externalIdentities, onlyIfUnlinked(link));
                        }
                        if (verificationToken != null) {
                            transaction.addPutItem(oneTimeTokens, verificationToken);
                        }
                    },
                    events);
        } catch (TransactionCanceledException cancelled) {
            if (failed(cancelled, 1)) {
                throw new ConflictException("an account with this email exists");
            }
            if (link != null && failed(cancelled, 2)) {
                throw new ExternalIdentityTaken();
            }
            throw cancelled;
        }
        return find(user.getId()).orElseThrow(() -> new IllegalStateException("account " + user.getId() + " vanished after it was created"));
    }

    /** The link of an identity at an OpenID provider (by {@link ExternalIdentityItem#getId()}), if it has one. */
    public Optional<ExternalIdentityItem> findLink(String id) {
        return Optional.ofNullable(externalIdentities.getItem(r -> r.key(Key.builder().partitionValue(id).build()).consistentRead(true)));
    }

    /**
     * Links an identity at an OpenID provider to the existing account of the email the provider verified, in one
     * transaction with what that proves. If identity never verified the account's email, whoever set its password
     * never proved they own the address (they may have registered it before its owner, waiting for a link): the email
     * counts as verified from now, the password goes (a reset sets a new one) and every session of the account ends.
     * {@link ExternalIdentityTaken} if another login linked the identity first.
     */
    public UserItem linkVerifiedOwner(ExternalIdentityItem link, long userId) {
        return update(userId, user -> {
            Instant now = clock.instant();
            link.setUserId(userId);
            link.setLinkedAtMillis(now.toEpochMilli());
            if (Boolean.TRUE.equals(user.getEmailVerified())) {
                return new Change(List.of(), null, link);
            }
            user.setEmailVerified(true);
            user.setPasswordHash(null);
            user.setSessionEpoch((user.getSessionEpoch() == null ? 0 : user.getSessionEpoch()) + 1);
            return new Change(List.of(UserEvents.emailVerified(new UserEvents.EmailVerified(userId, user.getEmail(), UserEvents.timestamp(now)))),
                    null, link);
        });
    }

    /** Another login linked the same external identity first; look the link up again. */
    public static final class ExternalIdentityTaken extends RuntimeException {
        ExternalIdentityTaken() {
            super("the external identity is linked already", null, false, false);
        }
    }

    private static TransactPutItemEnhancedRequest<ExternalIdentityItem> onlyIfUnlinked(ExternalIdentityItem link) {
        return TransactPutItemEnhancedRequest.builder(ExternalIdentityItem.class).item(link).conditionExpression(unlinked()).build();
    }

    private static Expression unlinked() {
        return Expression.builder().expression("attribute_not_exists(id)").build();
    }

    public Optional<UserItem> find(long id) {
        return Optional.ofNullable(users.getItem(r -> r.key(Key.builder().partitionValue(id).build()).consistentRead(true)));
    }

    /** The account an email belongs to, compared case-insensitively: for logins, resets and linking an external identity. */
    public Optional<UserItem> findByEmail(String email) {
        String normalized = email.strip().toLowerCase(java.util.Locale.ROOT);
        EmailItem owner = emails.getItem(r -> r.key(Key.builder().partitionValue(normalized).build()).consistentRead(true));
        return owner == null ? Optional.empty() : find(owner.getUserId());
    }

    /** Sets the roles of an account, announcing the change; the account as it is afterwards. */
    public UserItem changeRoles(long id, Set<Role> roles, long changedBy) {
        return update(id, user -> {
            List<String> previous = user.getRoles() == null ? List.of() : List.copyOf(user.getRoles());
            user.setRoles(Roles.names(roles));
            return new Change(List.of(UserEvents.rolesChanged(new UserEvents.RolesChanged(id, user.getRoles(), previous, changedBy,
                    UserEvents.timestamp(clock.instant())))), null);
        });
    }

    /**
     * Stores the hash of a new one-time token for the account, in one transaction with the event that hands the token
     * over ({@code announce} builds it from the token and its expiry). The token exists only in that event.
     */
    public void issueOneTimeToken(UserItem user, Purpose purpose, Duration ttl,
                                  java.util.function.BiFunction<String, Instant, Outbox.Announcement> announce) {
        String token = Secrets.newToken();
        Instant expires = clock.instant().plus(ttl);
        OneTimeTokenItem item = oneTimeToken(token, purpose, user.getId(), expires);
        outbox.writeAndAnnounce(transaction -> transaction.addPutItem(oneTimeTokens, item), List.of(announce.apply(token, expires)));
    }

    private static OneTimeTokenItem oneTimeToken(String token, Purpose purpose, long userId, Instant expires) {
        OneTimeTokenItem item = new OneTimeTokenItem();
        item.setHash(Secrets.sha256(token));
        item.setPurpose(purpose.name());
        item.setUserId(userId);
        item.setExpiresAt(expires.getEpochSecond());
        return item;
    }

    /**
     * Uses a one-time token once: in one transaction, marks it used (only if it is unused, unexpired and for this
     * purpose) and applies {@code change} to its account. A token that cannot be used answers 400, whatever the reason.
     */
    public UserItem redeem(String token, Purpose purpose, ChangeOf change) {
        String hash = Secrets.sha256(token);
        Instant now = clock.instant();
        OneTimeTokenItem item = oneTimeTokens.getItem(r -> r.key(Key.builder().partitionValue(hash).build()).consistentRead(true));
        if (item == null || !purpose.name().equals(item.getPurpose()) || item.getUsedAtMillis() != null || item.getExpiresAt() <= now.getEpochSecond()) {
            throw new InvalidInputException(INVALID_TOKEN);
        }
        Expression unused = Expression.builder()
                .expression("attribute_not_exists(#used) AND #purpose = :purpose AND #expires > :now")
                .expressionNames(Map.of("#used", "usedAtMillis", "#purpose", "purpose", "#expires", "expires_at"))
                .expressionValues(Map.of(":purpose", AttributeValue.fromS(purpose.name()), ":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
                .build();
        item.setUsedAtMillis(now.toEpochMilli());
        return update(item.getUserId(), user -> {
            Change changed = change.apply(user);
            return new Change(changed.events(), TransactUpdateItemEnhancedRequest.builder(OneTimeTokenItem.class)
                    .item(item).conditionExpression(unused).build());
        });
    }

    /** What an update does to an account: the events it causes, the token it uses up (or null), the external identity it links (or null). */
    public record Change(List<Outbox.Announcement> events, TransactUpdateItemEnhancedRequest<OneTimeTokenItem> token, ExternalIdentityItem link) {
        public Change(List<Outbox.Announcement> events, TransactUpdateItemEnhancedRequest<OneTimeTokenItem> token) {
            this(events, token, null);
        }
    }

    /** Changes an account in place and says what that causes. */
    @FunctionalInterface
    public interface ChangeOf {
        Change apply(UserItem user);
    }

    private UserItem update(long id, ChangeOf change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            UserItem user = find(id).orElseThrow(() -> new NotFoundException("user " + id + " not found"));
            Change changed = change.apply(user);
            try {
                outbox.writeAndAnnounce(transaction -> {
                    if (changed.token() != null) {
                        transaction.addUpdateItem(oneTimeTokens, changed.token());
                    }
                    transaction.addUpdateItem(users, TransactUpdateItemEnhancedRequest.builder(UserItem.class).item(user).build());
                    if (changed.link() != null) {
                        transaction.addPutItem(externalIdentities, onlyIfUnlinked(changed.link()));
                    }
                }, changed.events());
                return find(id).orElseThrow();
            } catch (TransactionCanceledException cancelled) {
                if (changed.token() != null && failed(cancelled, 0)) {
                    throw new InvalidInputException(INVALID_TOKEN);
                }
                if (changed.link() != null && failed(cancelled, changed.token() == null ? 1 : 2)) {
                    throw new ExternalIdentityTaken();
                }
                if (!failed(cancelled, changed.token() == null ? 0 : 1)) {
                    throw cancelled;
                }
                // Another write changed the account since it was read: read it again and redo the change.
            }
        }
        throw new ConflictException("account " + id + " is being changed by another request; retry");
    }

    private static boolean failed(TransactionCanceledException cancelled, int index) {
        List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : new ArrayList<>();
        return reasons.size() > index && CONFLICT_CODE.equals(reasons.get(index).code());
    }

}

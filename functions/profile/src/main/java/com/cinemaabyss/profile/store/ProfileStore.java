package com.cinemaabyss.profile.store;

import com.cinemaabyss.kit.core.ConflictException;
import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.profile.domain.Profile;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Accounts and their profiles. The account item's {@code profileCount} is the number every create and delete reads and
 * writes back, changed only if it is still the number read, in one transaction with the profile itself: two creates at
 * once cannot both take the last place (one transaction fails its condition and reads again), with no lock held.
 */
public class ProfileStore {

    /** Optimistic attempts before a busy account answers 503 (each lost one means another create or delete won). */
    static final int ATTEMPTS = 25;

    private final DynamoDbEnhancedClient client;
    private final DynamoDbTable<AccountItem> accounts;
    private final DynamoDbTable<ProfileItem> profiles;
    private final LongSupplier ids;

    public ProfileStore(DynamoDbEnhancedClient client, DynamoDbTable<AccountItem> accounts, DynamoDbTable<ProfileItem> profiles,
                        LongSupplier ids) {
        this.client = client;
        this.accounts = accounts;
        this.profiles = profiles;
        this.ids = ids;
    }

    /** The account's profiles, oldest first; the first use of an account creates its first profile. */
    public List<Profile> list(long accountId, Profile.Defaults defaults, Instant now) {
        ensureAccount(accountId, defaults, now);
        return all(accountId);
    }

    /** The account's first profile (the default when a request names none), created on first use. */
    public Profile first(long accountId, Profile.Defaults defaults, Instant now) {
        ensureAccount(accountId, defaults, now);
        List<ProfileItem> first = profiles.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(accountId).build()))
                        .consistentRead(true).limit(1).build())
                .stream().findFirst().map(page -> page.items()).orElse(List.of());
        if (first.isEmpty()) {
            throw new UnavailableException("account " + accountId + " has no profile yet; retry", null);
        }
        return toProfile(first.getFirst());
    }

    /** The account's profile {@code profileId}; another account's profile is not found, as is a deleted one. */
    public Profile get(long accountId, long profileId) {
        return find(accountId, profileId).orElseThrow(() -> new NotFoundException("profile " + profileId + " not found"));
    }

    public Optional<Profile> find(long accountId, long profileId) {
        return Optional.ofNullable(profiles.getItem(r -> r.key(key(accountId, profileId)).consistentRead(true))).map(ProfileStore::toProfile);
    }

    /** Adds a profile if the account has fewer than {@code limit}; 409 when it has them all already. */
    public Profile create(long accountId, Profile.Defaults defaults, String name, String language, int maxAgeRating, boolean kids,
                          int limit, Instant now) {
        ensureAccount(accountId, defaults, now);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            AccountItem account = account(accountId).orElseThrow();
            int count = account.getProfileCount();
            if (count >= limit) {
                throw new ConflictException("profile limit reached: the plan allows " + limit + " profile" + (limit == 1 ? "" : "s")
                        + " and the account has " + count + "; delete one or choose a larger plan");
            }
            Profile profile = new Profile(ids.getAsLong(), accountId, name, language, maxAgeRating, kids, now);
            try {
                client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                        .addPutItem(accounts, countChange(account, count + 1))
                        .addPutItem(profiles, TransactPutItemEnhancedRequest.builder(ProfileItem.class).item(toItem(profile))
                                .conditionExpression(Expression.builder().expression("attribute_not_exists(profileId)").build()).build())
                        .build());
                return profile;
            } catch (TransactionCanceledException lost) {
                // Another create or delete moved the count first: read it again.
            }
        }
        throw new UnavailableException("account " + accountId + " is changing its profiles too often at once; retry", null);
    }

    /** Replaces a profile's fields; it must still exist. */
    public Profile update(Profile profile) {
        try {
            profiles.putItem(PutItemEnhancedRequest.builder(ProfileItem.class).item(toItem(profile))
                    .conditionExpression(Expression.builder().expression("attribute_exists(profileId)").build()).build());
            return profile;
        } catch (ConditionalCheckFailedException gone) {
            throw new NotFoundException("profile " + profile.id() + " not found");
        }
    }

    /** Deletes a profile; an account keeps at least one (409 for its last). */
    public void delete(long accountId, long profileId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            get(accountId, profileId);
            AccountItem account = account(accountId).orElseThrow(() -> new NotFoundException("profile " + profileId + " not found"));
            int count = account.getProfileCount();
            if (count <= 1) {
                throw new ConflictException("an account keeps at least one profile: profile " + profileId + " is its last");
            }
            try {
                client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                        .addDeleteItem(profiles, TransactDeleteItemEnhancedRequest.builder().key(key(accountId, profileId))
                                .conditionExpression(Expression.builder().expression("attribute_exists(profileId)").build()).build())
                        .addPutItem(accounts, countChange(account, count - 1))
                        .build());
                return;
            } catch (TransactionCanceledException lost) {
                if ("ConditionalCheckFailed".equals(lost.cancellationReasons().getFirst().code())) {
                    throw new NotFoundException("profile " + profileId + " not found");
                }
            }
        }
        throw new UnavailableException("account " + accountId + " is changing its profiles too often at once; retry", null);
    }

    private void ensureAccount(long accountId, Profile.Defaults defaults, Instant now) {
        if (account(accountId).isPresent()) {
            return;
        }
        AccountItem account = new AccountItem();
        account.setAccountId(accountId);
        account.setProfileCount(1);
        account.setCreatedAt(now.toEpochMilli());
        Profile first = new Profile(ids.getAsLong(), accountId, defaults.name(), defaults.language(), 18, false, now);
        try {
            client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder()
                    .addPutItem(accounts, TransactPutItemEnhancedRequest.builder(AccountItem.class).item(account)
                            .conditionExpression(Expression.builder().expression("attribute_not_exists(accountId)").build()).build())
                    .addPutItem(profiles, toItem(first))
                    .build());
        } catch (TransactionCanceledException raced) {
            // A concurrent first request created the account and its first profile.
        }
    }

    private Optional<AccountItem> account(long accountId) {
        return Optional.ofNullable(accounts.getItem(r -> r.key(Key.builder().partitionValue(accountId).build()).consistentRead(true)));
    }

    private List<Profile> all(long accountId) {
        List<Profile> all = new ArrayList<>();
        profiles.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(accountId).build()))
                        .consistentRead(true).build())
                .items().forEach(item -> all.add(toProfile(item)));
        return all;
    }

    private static TransactPutItemEnhancedRequest<AccountItem> countChange(AccountItem read, int count) {
        AccountItem changed = new AccountItem();
        changed.setAccountId(read.getAccountId());
        changed.setCreatedAt(read.getCreatedAt());
        changed.setProfileCount(count);
        return TransactPutItemEnhancedRequest.builder(AccountItem.class).item(changed)
                .conditionExpression(Expression.builder().expression("profileCount = :read")
                        .expressionValues(Map.of(":read", AttributeValue.fromN(Integer.toString(read.getProfileCount())))).build())
                .build();
    }

    private static Key key(long accountId, long profileId) {
        return Key.builder().partitionValue(accountId).sortValue(profileId).build();
    }

    private static ProfileItem toItem(Profile p) {
        ProfileItem item = new ProfileItem();
        item.setAccountId(p.accountId());
        item.setProfileId(p.id());
        item.setName(p.name());
        item.setLanguage(p.language());
        item.setMaxAgeRating(p.maxAgeRating());
        item.setKids(p.kids());
        item.setCreatedAt(p.createdAt().toEpochMilli());
        return item;
    }

    private static Profile toProfile(ProfileItem i) {
        return new Profile(i.getProfileId(), i.getAccountId(), i.getName(), i.getLanguage(), i.getMaxAgeRating(),
                Boolean.TRUE.equals(i.getKids()), Instant.ofEpochMilli(i.getCreatedAt()));
    }
}

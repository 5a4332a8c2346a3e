package com.cinemaabyss.notifications.store;

import com.cinemaabyss.notifications.domain.Language;
import com.cinemaabyss.notifications.domain.Preferences;
import com.cinemaabyss.notifications.domain.PreferencesUpdate;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Map;
import java.util.Optional;

/**
 * The users notifications writes to. Each writer sets only its own attributes (updates that ignore nulls), so the
 * projection of identity's events and the user's own preference changes never overwrite each other.
 */
public class RecipientStore {

    private final DynamoDbTable<RecipientItem> table;
    private final Language defaultLanguage;
    private final boolean marketingByDefault;

    public RecipientStore(DynamoDbTable<RecipientItem> table, Language defaultLanguage, boolean marketingByDefault) {
        this.table = table;
        this.defaultLanguage = defaultLanguage;
        this.marketingByDefault = marketingByDefault;
    }

    public Optional<RecipientItem> find(long userId) {
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(userId).build()));
    }

    /** identity's address and name of the account at {@code version}; false when a newer version is stored already. */
    public boolean project(long userId, String email, String username, long version) {
        RecipientItem item = new RecipientItem();
        item.setUserId(userId);
        item.setEmail(email);
        item.setUsername(username);
        item.setEmailVersion(version);
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(RecipientItem.class).item(item).ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(emailVersion) OR emailVersion <= :v")
                            .expressionValues(Map.of(":v", AttributeValue.fromN(Long.toString(version)))).build())
                    .build());
            return true;
        } catch (ConditionalCheckFailedException newer) {
            return false;
        }
    }

    /**
     * Whether the event named {@code eventKey} is the account's welcome: the first to ask wins, and asking again for the
     * same event answers the same (a redelivered welcome is still the welcome).
     */
    public boolean claimWelcome(long userId, String eventKey) {
        RecipientItem item = new RecipientItem();
        item.setUserId(userId);
        item.setWelcomedBy(eventKey);
        try {
            table.updateItem(UpdateItemEnhancedRequest.builder(RecipientItem.class).item(item).ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(welcomedBy) OR welcomedBy = :e")
                            .expressionValues(Map.of(":e", AttributeValue.fromS(eventKey))).build())
                    .build());
            return true;
        } catch (ConditionalCheckFailedException someoneElse) {
            return false;
        }
    }

    public Preferences preferences(long userId) {
        return preferences(userId, find(userId).orElse(null));
    }

    public Preferences preferences(long userId, RecipientItem item) {
        Language language = item == null || item.getLanguage() == null ? defaultLanguage : Language.parse(item.getLanguage(), "language");
        return new Preferences(userId, language,
                new Preferences.ChannelChoice(choice(item == null ? null : item.getEmailMarketing())),
                new Preferences.ChannelChoice(choice(item == null ? null : item.getPushMarketing())),
                new Preferences.ChannelChoice(choice(item == null ? null : item.getSmsMarketing())),
                item == null || item.getPhone() == null || item.getPhone().isEmpty() ? null : item.getPhone());
    }

    public Preferences update(long userId, PreferencesUpdate update) {
        RecipientItem item = new RecipientItem();
        item.setUserId(userId);
        Language language = update.parsedLanguage();
        item.setLanguage(language == null ? null : language.code());
        item.setEmailMarketing(update.emailMarketing());
        item.setPushMarketing(update.pushMarketing());
        item.setSmsMarketing(update.smsMarketing());
        item.setPhone(update.phone());
        return preferences(userId, table.updateItem(UpdateItemEnhancedRequest.builder(RecipientItem.class).item(item)
                .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY).build()));
    }

    /** Where the account was opened from (user.registered). */
    public void country(long userId, String country) {
        RecipientItem item = new RecipientItem();
        item.setUserId(userId);
        item.setCountry(country);
        table.updateItem(UpdateItemEnhancedRequest.builder(RecipientItem.class).item(item).ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY).build());
    }

    /** The user's plan now (subscription-changes): null when the subscription is canceled or expired (stored as ""). */
    public void plan(long userId, String plan) {
        RecipientItem item = new RecipientItem();
        item.setUserId(userId);
        item.setPlan(plan == null ? "" : plan);
        table.updateItem(UpdateItemEnhancedRequest.builder(RecipientItem.class).item(item).ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY).build());
    }

    /**
     * The users of a segment with an address to mail: on one of {@code plans} (any, also none, when empty), reading
     * one of {@code languages} (their own, else the default; any when empty) and registered from one of
     * {@code countries} (any when empty; a user whose country is unknown is in no country segment). A scan: a campaign
     * reads every user once.
     */
    public java.util.List<Long> segment(java.util.Set<String> plans, java.util.Set<Language> languages, java.util.Set<String> countries) {
        java.util.List<Long> users = new java.util.ArrayList<>();
        for (RecipientItem item : table.scan().items()) {
            if (item.getEmail() == null) {
                continue;
            }
            if (!plans.isEmpty() && (item.getPlan() == null || !plans.contains(item.getPlan()))) {
                continue;
            }
            Language language = item.getLanguage() == null ? defaultLanguage : Language.parse(item.getLanguage(), "language");
            if (!languages.isEmpty() && !languages.contains(language)) {
                continue;
            }
            if (!countries.isEmpty() && (item.getCountry() == null || !countries.contains(item.getCountry()))) {
                continue;
            }
            users.add(item.getUserId());
        }
        return users;
    }

    private boolean choice(Boolean stored) {
        return stored == null ? marketingByDefault : stored;
    }
}

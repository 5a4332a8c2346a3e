package com.cinemaabyss.notifications.events;

import java.util.Map;

/**
 * What an event asks of notifications. Notify: a notification of {@code kind} to {@code userId}; {@code email} is the
 * address the event names (identity's token mails go to the address the token was issued for), else null and the
 * projection's. Project: identity's address and name of the account at a version.
 */
public sealed interface Trigger {

    record Notify(String kind, long userId, String email, Map<String, Object> values) implements Trigger {
    }

    /** country: where the account was opened from (user.registered only; null when unknown or from the changelog). */
    record Project(long userId, String email, String username, long version, String country) implements Trigger {
    }

    /** subscription-changes: the user's plan now, null when the subscription no longer gives access. */
    record Plan(long userId, String plan) implements Trigger {
    }

    /** One recipient of a campaign (campaign-recipients). */
    record CampaignRecipient(String campaignId, long userId, String template, String channel) implements Trigger {
    }

    /** profile-events: a title added to (or removed from) a profile's favourites at {@code at}. */
    record Favorite(long profileId, long userId, long titleId, boolean added, java.time.Instant at) implements Trigger {
    }

    /** title-changes: a series as it is now (published or not) with its episodes; movies are ignored. */
    record Series(long titleId, String title, boolean published, long version, java.util.List<Episode> episodes) implements Trigger {
    }

    record Episode(long id, int season, int number, String title) {
    }
}

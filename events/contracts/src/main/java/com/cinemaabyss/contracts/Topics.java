package com.cinemaabyss.contracts;

/** Kafka topics of the platform. Knative KafkaSources and Strimzi KafkaTopics in knative/ name the same ones. */
public final class Topics {
    public static final String MOVIE_EVENTS = "movie-events";
    public static final String USER_EVENTS = "user-events";
    public static final String PAYMENT_EVENTS = "payment-events";
    /** Compacted changelog of catalog movies, keyed by movie id; both sides of the migration publish and read it. */
    public static final String MOVIE_CHANGES = "movie-changes";
    /** Compacted changelog of identity's accounts, keyed by user id; the monolith stores each under the same id. */
    public static final String USER_CHANGES = "user-changes";
    /** payments' checkouts, payment outcomes and refunds, keyed by payment id. */
    public static final String BILLING_EVENTS = "billing-events";
    /** Compacted changelog of payments' payments, keyed by payment id; the monolith's legacy payments view reads it. */
    public static final String PAYMENT_CHANGES = "payment-changes";
    /** discounts' quote answers and promo uses (keyed by checkout id) and loyalty changes (keyed by user id). */
    public static final String DISCOUNT_EVENTS = "discount-events";
    /** subscriptions' lifecycle and renewals, keyed by subscription id. */
    public static final String SUBSCRIPTION_EVENTS = "subscription-events";
    /** Compacted changelog of subscriptions, keyed by subscription id; the monolith shows each under the same id. */
    public static final String SUBSCRIPTION_CHANGES = "subscription-changes";
    /** Compacted changelog of the catalog's titles (movies and series with their episodes), keyed by title id. */
    public static final String TITLE_CHANGES = "title-changes";
    /** content's playback starts, keyed by user id. */
    public static final String PLAYBACK_EVENTS = "playback-events";
    /** profile's favourites, ratings and watch progress, keyed by profile id. */
    public static final String PROFILE_EVENTS = "profile-events";
    /** Outside providers' items (published, withdrawn), keyed by provider/external id, through the events ingress. */
    public static final String PROVIDER_FEED = "provider-feed";
    /** notifications' campaign fan-out: one event per recipient, keyed by user id. */
    public static final String CAMPAIGN_RECIPIENTS = "campaign-recipients";
    /** Where the eventing layer parks events a subscriber kept failing on. */
    public static final String DEAD_LETTERS = "dead-letter-events";

    private Topics() {
    }
}

package com.cinemaabyss.contracts;

/**
 * CloudEvent types, named {@code com.cinemaabyss.<domain>.<entity>.<what>.v<version>}. A new incompatible
 * data shape gets a new version suffix; consumers filter on the exact type. Each type has a JSON Schema at
 * {@code contracts/schemas/<type>.json} and a message in {@code contracts/asyncapi.yaml}.
 */
public final class EventTypes {
    public static final String MOVIE_EVENT = "com.cinemaabyss.events.movie.recorded.v1";
    public static final String USER_EVENT = "com.cinemaabyss.events.user.recorded.v1";
    public static final String PAYMENT_EVENT = "com.cinemaabyss.events.payment.recorded.v1";
    public static final String MOVIE_UPSERTED = "com.cinemaabyss.catalog.movie.upserted.v1";
    public static final String USER_REGISTERED = "com.cinemaabyss.identity.user.registered.v1";
    public static final String USER_LOGGED_IN = "com.cinemaabyss.identity.user.logged_in.v1";
    public static final String USER_EMAIL_VERIFICATION_REQUESTED = "com.cinemaabyss.identity.user.email_verification_requested.v1";
    public static final String USER_EMAIL_VERIFIED = "com.cinemaabyss.identity.user.email_verified.v1";
    public static final String USER_PASSWORD_RESET_REQUESTED = "com.cinemaabyss.identity.user.password_reset_requested.v1";
    public static final String USER_ROLES_CHANGED = "com.cinemaabyss.identity.user.roles_changed.v1";
    /** identity's accounts on the user changelog, as the legacy users API shows them. */
    public static final String USER_UPSERTED = "com.cinemaabyss.identity.user.upserted.v1";
    /** payments on billing-events: a checkout was accepted and waits for discounts to confirm its quote. */
    public static final String CHECKOUT_STARTED = "com.cinemaabyss.payments.checkout.started.v1";
    public static final String PAYMENT_SUCCEEDED = "com.cinemaabyss.payments.payment.succeeded.v1";
    public static final String PAYMENT_FAILED = "com.cinemaabyss.payments.payment.failed.v1";
    public static final String PAYMENT_REFUNDED = "com.cinemaabyss.payments.payment.refunded.v1";
    /** payments' payments on the payment changelog, as the legacy payments API shows them. */
    public static final String PAYMENT_UPSERTED = "com.cinemaabyss.payments.payment.upserted.v1";
    /** discounts' answers in the checkout saga, and its promo and loyalty changes, on discount-events. */
    public static final String QUOTE_CONFIRMED = "com.cinemaabyss.discounts.quote.confirmed.v1";
    public static final String QUOTE_REJECTED = "com.cinemaabyss.discounts.quote.rejected.v1";
    public static final String PROMO_REDEEMED = "com.cinemaabyss.discounts.promo.redeemed.v1";
    public static final String PROMO_RELEASED = "com.cinemaabyss.discounts.promo.released.v1";
    public static final String LOYALTY_POINTS_EARNED = "com.cinemaabyss.discounts.loyalty.points_earned.v1";
    public static final String LOYALTY_POINTS_ADJUSTED = "com.cinemaabyss.discounts.loyalty.points_adjusted.v1";
    public static final String SUBSCRIPTION_ACTIVATED = "com.cinemaabyss.subscriptions.subscription.activated.v1";
    public static final String SUBSCRIPTION_STATUS_CHANGED = "com.cinemaabyss.subscriptions.subscription.status_changed.v1";
    public static final String SUBSCRIPTION_RENEWAL_REQUESTED = "com.cinemaabyss.subscriptions.subscription.renewal_requested.v1";
    public static final String SUBSCRIPTION_RENEWAL_UPCOMING = "com.cinemaabyss.subscriptions.subscription.renewal_upcoming.v1";
    /** Subscriptions on the subscription changelog, as the legacy subscriptions API shows them. */
    public static final String SUBSCRIPTION_UPSERTED = "com.cinemaabyss.subscriptions.subscription.upserted.v1";
    /** The whole title as it is now, after every change; on the compacted title-changes (catalog writes, content and profile read). */
    public static final String TITLE_UPSERTED = "com.cinemaabyss.catalog.title.upserted.v1";
    /** content granted a viewer a signed stream URL; on playback-events, keyed by user id. */
    public static final String PLAYBACK_STARTED = "com.cinemaabyss.content.playback.started.v1";
    /** profile's changes to a profile's library on profile-events, keyed by profile id. */
    public static final String PROFILE_RATING_SET = "com.cinemaabyss.profile.rating.set.v1";
    public static final String PROFILE_RATING_REMOVED = "com.cinemaabyss.profile.rating.removed.v1";
    public static final String PROFILE_FAVORITE_ADDED = "com.cinemaabyss.profile.favorite.added.v1";
    public static final String PROFILE_FAVORITE_REMOVED = "com.cinemaabyss.profile.favorite.removed.v1";
    public static final String PROFILE_PROGRESS_RECORDED = "com.cinemaabyss.profile.progress.recorded.v1";

    /** Outside providers' items on provider-feed (through the events ingress); the catalog maps them into titles. */
    public static final String PROVIDER_TITLE_PUBLISHED = "com.cinemaabyss.content.title.published.v1";
    public static final String PROVIDER_TITLE_WITHDRAWN = "com.cinemaabyss.content.title.withdrawn.v1";

    /** notifications' campaign fan-out: one recipient of one campaign, on campaign-recipients keyed by user id. */
    public static final String CAMPAIGN_RECIPIENT_QUEUED = "com.cinemaabyss.notifications.campaign.recipient_queued.v1";

    private EventTypes() {
    }
}

package com.cinemaabyss.discounts.events;

import com.cinemaabyss.kit.events.EventJson;
import com.cinemaabyss.contracts.ContractEvents;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.outbox.Outbox;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.net.URI;

/**
 * What discounts publishes on {@value Topics#DISCOUNT_EVENTS}: quote answers and promo uses keyed by checkout id,
 * loyalty changes keyed by user id (the record key is also the CloudEvent subject). Each event's data is held to its
 * JSON Schema before it is queued: a violation is our bug, and fails the write rather than reaching a consumer.
 */
public final class DiscountEvents {

    static final URI SOURCE = URI.create("/cinemaabyss/discounts");

    private DiscountEvents() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuoteConfirmed(@JsonProperty("checkout_id") long checkoutId, @JsonProperty("payment_id") long paymentId,
                                 @JsonProperty("user_id") long userId, @JsonProperty("quote_id") long quoteId,
                                 @JsonProperty("plan_id") String planId, String period, @JsonProperty("max_profiles") int maxProfiles,
                                 @JsonProperty("trial_days") int trialDays, @JsonProperty("list_price") long listPrice, long amount,
                                 String currency, @JsonProperty("promo_code") String promoCode, @JsonProperty("points_used") long pointsUsed) {
    }

    public record QuoteRejected(@JsonProperty("checkout_id") long checkoutId, @JsonProperty("payment_id") long paymentId,
                                @JsonProperty("user_id") long userId, @JsonProperty("quote_id") long quoteId,
                                @JsonProperty("reason_code") String reasonCode, String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PromoUse(@JsonProperty("checkout_id") long checkoutId, @JsonProperty("payment_id") long paymentId,
                           @JsonProperty("user_id") long userId, String code, @JsonProperty("discount_amount") long discountAmount,
                           String currency, String reason) {
    }

    public record PointsEarned(@JsonProperty("user_id") long userId, @JsonProperty("payment_id") long paymentId, long points, long balance) {
    }

    public record PointsAdjusted(@JsonProperty("user_id") long userId, @JsonProperty("payment_id") long paymentId, long delta,
                                 long balance, String reason) {
    }

    public static Outbox.Announcement confirmed(QuoteConfirmed data) {
        return announce(EventTypes.QUOTE_CONFIRMED, data.checkoutId(), data);
    }

    public static Outbox.Announcement rejected(QuoteRejected data) {
        return announce(EventTypes.QUOTE_REJECTED, data.checkoutId(), data);
    }

    public static Outbox.Announcement redeemed(PromoUse data) {
        return announce(EventTypes.PROMO_REDEEMED, data.checkoutId(), data);
    }

    public static Outbox.Announcement released(PromoUse data) {
        return announce(EventTypes.PROMO_RELEASED, data.checkoutId(), data);
    }

    public static Outbox.Announcement earned(PointsEarned data) {
        return announce(EventTypes.LOYALTY_POINTS_EARNED, data.userId(), data);
    }

    public static Outbox.Announcement adjusted(PointsAdjusted data) {
        return announce(EventTypes.LOYALTY_POINTS_ADJUSTED, data.userId(), data);
    }

    private static Outbox.Announcement announce(String type, long key, Object data) {
        String subject = Long.toString(key);
        return new Outbox.Announcement(Topics.DISCOUNT_EVENTS, subject, ContractEvents.create(SOURCE, type, subject, EventJson.toBytes(data)));
    }
}

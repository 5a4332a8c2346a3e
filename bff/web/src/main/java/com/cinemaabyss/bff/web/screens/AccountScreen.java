package com.cinemaabyss.bff.web.screens;

import com.cinemaabyss.bff.kit.Fields;
import com.cinemaabyss.bff.kit.Screens;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** {@code GET /api/web/account} (docs/bff-api.md). */
public record AccountScreen(User user, List<Profile> profiles, Subscription subscription, List<Receipt> receipts, Loyalty loyalty,
                            @JsonProperty("notification_preferences") JsonNode notificationPreferences, List<String> degraded) {

    public record User(@JsonProperty("user_id") long userId, String email, String username,
                       @JsonProperty("email_verified") boolean emailVerified, List<String> roles) {
    }

    public record Profile(@JsonProperty("profile_id") long profileId, String name, String language,
                          @JsonProperty("max_age_rating") Integer maxAgeRating, boolean kids) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subscription(@JsonProperty("plan_id") String planId, String period, String status,
                               @JsonProperty("period_end") String periodEnd,
                               @JsonProperty("cancel_at_period_end") boolean cancelAtPeriodEnd,
                               @JsonProperty("amount_minor") Long amountMinor, String currency) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receipt(@JsonProperty("payment_id") long paymentId, @JsonProperty("plan_id") String planId,
                          @JsonProperty("amount_minor") Long amountMinor, String currency, String status,
                          @JsonProperty("refunded_minor") Long refundedMinor, @JsonProperty("created_at") String createdAt) {
    }

    public record Loyalty(long balance, List<LoyaltyEntry> recent) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LoyaltyEntry(long delta, String reason, String at) {
    }

    public static AccountScreen of(Screens.Account account) {
        JsonNode user = account.user();
        return new AccountScreen(
                new User(user.path("user_id").asLong(), Fields.text(user, "email"), Fields.text(user, "username"),
                        user.path("email_verified").asBoolean(false), Fields.texts(user, "roles")),
                account.profiles() == null ? List.of() : Screens.items(account.profiles()).stream().map(p -> new Profile(
                        p.path("id").asLong(), Fields.text(p, "name"), Fields.text(p, "language"), Fields.integer(p, "max_age_rating"),
                        p.path("kids").asBoolean(false))).toList(),
                subscription(account.subscription()),
                account.receipts() == null ? List.of() : Screens.items(account.receipts()).stream().map(p -> new Receipt(
                        p.path("payment_id").asLong(), Fields.text(p, "plan_id"), Fields.number(p, "amount"), Fields.text(p, "currency"),
                        Fields.text(p, "status"), Fields.number(p, "refunded_total"), Fields.text(p, "created_at"))).toList(),
                account.loyalty() == null ? null : new Loyalty(account.loyalty().path("balance").asLong(),
                        account.loyalty().path("recent").valueStream().map(e -> new LoyaltyEntry(e.path("delta").asLong(),
                                Fields.text(e, "reason"), Fields.text(e, "at"))).toList()),
                account.notificationPreferences(), account.degraded());
    }

    private static Subscription subscription(JsonNode s) {
        return s == null ? null : new Subscription(Fields.text(s, "plan_id"), Fields.text(s, "period"), Fields.text(s, "status"),
                Fields.text(s, "period_end"), s.path("cancel_at_period_end").asBoolean(false), Fields.number(s, "amount"),
                Fields.text(s, "currency"));
    }
}

package com.cinemaabyss.bff.mobile.screens;

import com.cinemaabyss.bff.kit.Fields;
import com.cinemaabyss.bff.kit.Screens;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** {@code GET /api/mobile/account}: the web's account with the latest receipts only and the loyalty balance. */
public record AccountScreen(User user, List<Profile> profiles, Subscription subscription, List<Receipt> receipts, Loyalty loyalty,
                            @JsonProperty("notification_preferences") JsonNode notificationPreferences, List<String> degraded) {

    static final int RECEIPTS = 5;

    public record User(@JsonProperty("user_id") long userId, String email, String username) {
    }

    public record Profile(@JsonProperty("profile_id") long profileId, String name, boolean kids) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subscription(@JsonProperty("plan_id") String planId, String status, @JsonProperty("period_end") String periodEnd) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receipt(@JsonProperty("payment_id") long paymentId, @JsonProperty("amount_minor") Long amountMinor, String currency,
                          String status, @JsonProperty("created_at") String createdAt) {
    }

    public record Loyalty(long balance) {
    }

    public static AccountScreen of(Screens.Account account) {
        JsonNode user = account.user();
        JsonNode s = account.subscription();
        return new AccountScreen(new User(user.path("user_id").asLong(), Fields.text(user, "email"), Fields.text(user, "username")),
                account.profiles() == null ? List.of() : Screens.items(account.profiles()).stream()
                        .map(p -> new Profile(p.path("id").asLong(), Fields.text(p, "name"), p.path("kids").asBoolean(false))).toList(),
                s == null ? null : new Subscription(Fields.text(s, "plan_id"), Fields.text(s, "status"), Fields.text(s, "period_end")),
                account.receipts() == null ? List.of() : Screens.items(account.receipts()).stream().limit(RECEIPTS)
                        .map(p -> new Receipt(p.path("payment_id").asLong(), Fields.number(p, "amount"), Fields.text(p, "currency"),
                                Fields.text(p, "status"), Fields.text(p, "created_at"))).toList(),
                account.loyalty() == null ? null : new Loyalty(account.loyalty().path("balance").asLong()),
                account.notificationPreferences(), account.degraded());
    }
}

package com.cinemaabyss.notifications.events;

import com.cinemaabyss.contracts.ContractEvents;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.core.JsonLimits;
import io.cloudevents.CloudEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the events notifications acts on, each held to its contract first (a breach is a 400, which the eventing
 * layer dead-letters); every other type on the same topics is empty (acknowledged unread). Tokens are passed on to the
 * mail and never logged.
 */
public final class Triggers {

    public static final String WELCOME_OR_VERIFY = "welcome-or-verify";
    private static final JsonMapper JSON = JsonMapper.builder(JsonLimits.factory()).build();

    private Triggers() {
    }

    public static Optional<Trigger> read(CloudEvent event) {
        String type = event.getType();
        boolean known = switch (type) {
            case EventTypes.USER_REGISTERED, EventTypes.USER_UPSERTED, EventTypes.USER_EMAIL_VERIFICATION_REQUESTED,
                 EventTypes.USER_PASSWORD_RESET_REQUESTED, EventTypes.PAYMENT_SUCCEEDED, EventTypes.PAYMENT_FAILED,
                 EventTypes.PAYMENT_REFUNDED, EventTypes.SUBSCRIPTION_RENEWAL_UPCOMING, EventTypes.SUBSCRIPTION_UPSERTED,
                 EventTypes.CAMPAIGN_RECIPIENT_QUEUED, EventTypes.PROFILE_FAVORITE_ADDED, EventTypes.PROFILE_FAVORITE_REMOVED,
                 EventTypes.TITLE_UPSERTED -> true;
            default -> false;
        };
        if (!known) {
            return Optional.empty();
        }
        ContractEvents.requireValid(event);
        JsonNode d = JSON.readTree(event.getData().toBytes());
        return Optional.ofNullable(switch (type) {
            // A registration is version 1 of the account on the changelog (the upserted event of the same write says so).
            case EventTypes.USER_REGISTERED -> new Trigger.Project(d.path("user_id").asLong(), d.path("email").asString(),
                    d.path("username").asString(), 1, d.path("country").asString(null));
            case EventTypes.USER_UPSERTED -> new Trigger.Project(d.path("id").asLong(), d.path("email").asString(),
                    d.path("username").asString(), d.path("version").asLong(), null);
            case EventTypes.USER_EMAIL_VERIFICATION_REQUESTED -> token(WELCOME_OR_VERIFY, d);
            case EventTypes.USER_PASSWORD_RESET_REQUESTED -> token("password-reset", d);
            case EventTypes.PAYMENT_SUCCEEDED -> money("receipt", d);
            case EventTypes.PAYMENT_FAILED -> {
                Trigger.Notify n = money("payment-failed", d);
                n.values().put("failure_code", d.path("failure_code").asString());
                n.values().put("failure_message", d.path("failure_message").asString(""));
                yield n;
            }
            case EventTypes.PAYMENT_REFUNDED -> {
                Trigger.Notify n = money("refund", d);
                n.values().put("paid_minor", d.path("paid_amount").asLong());
                n.values().put("refunded_total_minor", d.path("refunded_total").asLong());
                n.values().put("full", d.path("full").asBoolean());
                yield n;
            }
            case EventTypes.SUBSCRIPTION_RENEWAL_UPCOMING -> {
                Trigger.Notify n = money("renewal-upcoming", d);
                n.values().put("renews_at", d.path("renews_at").asString());
                yield n;
            }
            case EventTypes.SUBSCRIPTION_UPSERTED -> new Trigger.Plan(d.path("user_id").asLong(),
                    switch (d.path("status").asString()) {
                        case "trialing", "active", "past_due" -> d.path("plan_id").asString();
                        default -> null;
                    });
            case EventTypes.CAMPAIGN_RECIPIENT_QUEUED -> new Trigger.CampaignRecipient(d.path("campaign_id").asString(),
                    d.path("user_id").asLong(), d.path("template").asString(), d.path("channel").asString());
            case EventTypes.PROFILE_FAVORITE_ADDED, EventTypes.PROFILE_FAVORITE_REMOVED -> new Trigger.Favorite(d.path("profile_id").asLong(),
                    d.path("user_id").asLong(), d.path("title_id").asLong(), EventTypes.PROFILE_FAVORITE_ADDED.equals(type),
                    java.time.OffsetDateTime.parse(d.path("at").asString()).toInstant());
            case EventTypes.TITLE_UPSERTED -> series(d);
            default -> throw new IllegalStateException("unhandled " + type);
        });
    }

    /** A series' episodes; null (acknowledged unread) for a movie: nothing new can come of it. */
    private static Trigger series(JsonNode d) {
        if (!"series".equals(d.path("kind").asString())) {
            return null;
        }
        java.util.List<Trigger.Episode> episodes = new java.util.ArrayList<>();
        for (JsonNode season : d.path("seasons")) {
            for (JsonNode episode : season.path("episodes")) {
                episodes.add(new Trigger.Episode(episode.path("id").asLong(), season.path("number").asInt(), episode.path("number").asInt(),
                        episode.path("title").asString()));
            }
        }
        return new Trigger.Series(d.path("id").asLong(), d.path("title").asString(), "published".equals(d.path("status").asString()),
                d.path("version").asLong(), episodes);
    }

    private static Trigger.Notify token(String kind, JsonNode d) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("token", d.path("token").asString());
        values.put("expires_at", d.path("expires_at").asString());
        return new Trigger.Notify(kind, d.path("user_id").asLong(), d.path("email").asString(), values);
    }

    private static Trigger.Notify money(String kind, JsonNode d) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("plan_id", d.path("plan_id").asString());
        values.put("amount_minor", d.path("amount").asLong());
        values.put("currency", d.path("currency").asString());
        if (d.has("list_price")) {
            values.put("list_price_minor", d.path("list_price").asLong());
        }
        if (d.has("period")) {
            values.put("period", d.path("period").asString());
        }
        if (d.has("purpose")) {
            values.put("purpose", d.path("purpose").asString());
        }
        if (d.has("payment_id")) {
            values.put("payment_id", d.path("payment_id").asLong());
        }
        return new Trigger.Notify(kind, d.path("user_id").asLong(), null, values);
    }
}

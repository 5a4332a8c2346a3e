package com.cinemaabyss.bff.web.screens;

import com.cinemaabyss.bff.kit.Fields;
import com.cinemaabyss.bff.kit.Screens;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** {@code GET /api/web/home} (docs/bff-api.md). */
public record HomeScreen(Viewer viewer, Subscription subscription,
                         @JsonProperty("continue_watching") List<Cards.Watching> continueWatching,
                         List<Cards.Recommended> recommendations, @JsonProperty("new_releases") List<Cards.Title> newReleases,
                         List<String> degraded) {

    public record Viewer(@JsonProperty("user_id") long userId, @JsonProperty("profile_id") Long profileId) {

        public static Viewer of(JsonNode user, Long profileId) {
            return user == null ? null : new Viewer(user.path("user_id").asLong(), profileId);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subscription(boolean active, @JsonProperty("plan_id") String planId, String until) {

        public static Subscription of(JsonNode entitlement) {
            return entitlement == null ? null : new Subscription(entitlement.path("active").asBoolean(false),
                    Fields.text(entitlement, "plan_id"), Fields.text(entitlement, "until"));
        }
    }

    public static HomeScreen of(Screens.Home home) {
        return new HomeScreen(Viewer.of(home.user(), home.profileId()), Subscription.of(home.entitlement()),
                home.continueWatching().stream().map(Cards.Watching::of).toList(),
                home.recommendations().stream().map(Cards.Recommended::of).toList(),
                home.newReleases().stream().map(Cards.Title::of).toList(), home.degraded());
    }
}

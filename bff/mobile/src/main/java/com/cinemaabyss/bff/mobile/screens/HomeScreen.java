package com.cinemaabyss.bff.mobile.screens;

import com.cinemaabyss.bff.kit.Fields;
import com.cinemaabyss.bff.kit.Screens;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/mobile/home}: lists on a phone or a tablet, rows on a TV (docs/bff-api.md). */
public sealed interface HomeScreen permits HomeScreen.Lists, HomeScreen.Rows {

    List<String> degraded();

    record Lists(Viewer viewer, Subscription subscription, @JsonProperty("continue_watching") List<Card> continueWatching,
                 List<Card> recommendations, @JsonProperty("new_releases") List<Card> newReleases, List<String> degraded)
            implements HomeScreen {
    }

    record Rows(Viewer viewer, Subscription subscription, List<Row> rows, List<String> degraded) implements HomeScreen {
    }

    record Row(String id, String title, List<Card> items) {
    }

    record Viewer(@JsonProperty("user_id") long userId, @JsonProperty("profile_id") Long profileId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Subscription(boolean active, @JsonProperty("plan_id") String planId, String until) {
    }

    static HomeScreen of(Screens.Home home, Shaping shaping) {
        Viewer viewer = home.user() == null ? null : new Viewer(home.user().path("user_id").asLong(), home.profileId());
        JsonNode entitlement = home.entitlement();
        Subscription subscription = entitlement == null ? null : new Subscription(entitlement.path("active").asBoolean(false),
                Fields.text(entitlement, "plan_id"), Fields.text(entitlement, "until"));
        List<Card> watching = home.continueWatching().stream().map(t -> Card.watching(t, shaping)).toList();
        List<Card> recommended = home.recommendations().stream().map(t -> Card.recommended(t, shaping)).toList();
        List<Card> releases = home.newReleases().stream().map(t -> Card.of(t, shaping)).toList();
        if (shaping.device() != DeviceClass.TV) {
            return new Lists(viewer, subscription, watching, recommended, releases, home.degraded());
        }
        List<Row> rows = new ArrayList<>();
        addRow(rows, Screens.CONTINUE_WATCHING, "Continue watching", watching);
        addRow(rows, Screens.RECOMMENDATIONS, "Recommended for you", recommended);
        addRow(rows, Screens.NEW_RELEASES, "New releases", releases);
        return new Rows(viewer, subscription, rows, home.degraded());
    }

    private static void addRow(List<Row> rows, String id, String title, List<Card> items) {
        if (!items.isEmpty()) {
            rows.add(new Row(id, title, items));
        }
    }
}

package com.cinemaabyss.bff.mobile.screens;

import com.cinemaabyss.bff.kit.Fields;
import com.cinemaabyss.bff.kit.Forwarded;
import com.cinemaabyss.bff.kit.Screens;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/mobile/titles/{id}}: the web's title screen with fewer fields and device-sized images. */
public record TitleScreen(Details title, Availability availability, List<Plan> plans, ViewerState viewer, List<Card> similar,
                          List<String> degraded) {

    static final int PEOPLE = 10;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Details(@JsonProperty("title_id") long titleId, String kind, String title, String description,
                          List<String> genres, @JsonProperty("release_year") Integer releaseYear,
                          @JsonProperty("age_rating") Integer ageRating, @JsonProperty("runtime_min") Integer runtimeMin,
                          Image poster, Image backdrop, JsonNode rating, List<JsonNode> people, List<Season> seasons) {
    }

    public record Season(Integer number, String title, List<Episode> episodes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Episode(@JsonProperty("episode_id") long episodeId, Integer number, String title,
                          @JsonProperty("runtime_min") Integer runtimeMin) {
    }

    public record Availability(String region, boolean playable, String reason) {
    }

    public record Plan(@JsonProperty("plan_id") String planId, String name, String period, JsonNode prices) {
    }

    public record ViewerState(Integer rating, boolean favorite, JsonNode progress) {
    }

    public static TitleScreen of(Screens.Title screen, Forwarded caller, Shaping shaping, int similar) {
        JsonNode t = screen.title();
        List<Season> seasons = new ArrayList<>();
        for (JsonNode season : t.path("seasons").values()) {
            seasons.add(new Season(Fields.integer(season, "number"), Fields.text(season, "title"),
                    season.path("episodes").valueStream().map(e -> new Episode(e.path("id").asLong(), Fields.integer(e, "number"),
                            Fields.text(e, "title"), Fields.integer(e, "runtime_min"))).toList()));
        }
        Details details = new Details(t.path("id").asLong(), Fields.text(t, "kind"), Fields.text(t, "title"), Fields.text(t, "description"),
                Fields.texts(t, "genres"), Fields.integer(t, "release_year"), Fields.integer(t, "age_rating"),
                Fields.integer(t, "runtime_min"), shaping.poster(Fields.poster(t)), shaping.backdrop(Fields.text(t.path("images"), "backdrop")),
                Fields.node(t, "rating"), t.path("people").valueStream().limit(PEOPLE).toList(), seasons);
        Availability availability;
        if (!caller.signedIn()) {
            availability = new Availability(caller.clientCountry(), false, "sign_in_required");
        } else if (screen.availability() == null) {
            availability = null;
        } else {
            String region = Fields.text(screen.availability(), "region");
            availability = new Availability(region != null ? region : caller.clientCountry(),
                    screen.availability().path("playable").asBoolean(false), Fields.text(screen.availability(), "reason"));
        }
        List<Plan> plans = screen.plans() == null ? List.of() : Screens.items(screen.plans()).stream()
                .map(p -> new Plan(Fields.text(p, "id"), Fields.text(p, "name"), Fields.text(p, "period"), Fields.node(p, "prices"))).toList();
        JsonNode v = screen.viewer();
        ViewerState viewer = v == null ? null : new ViewerState(Fields.integer(v, "rating"), v.path("favorite").asBoolean(false),
                Fields.node(v, "progress"));
        return new TitleScreen(details, availability, plans, viewer,
                screen.similar().stream().limit(similar).map(hit -> Card.of(hit, shaping)).toList(), screen.degraded());
    }
}

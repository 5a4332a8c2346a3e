package com.cinemaabyss.gateway.domain;

import com.cinemaabyss.kit.core.Checks;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How much movie traffic goes to the catalog: none unless gradual migration is on, then the given percent. */
public record MigrationSettings(@JsonProperty("gradual_migration") boolean gradualMigration,
                                @JsonProperty("movies_migration_percent") int moviesMigrationPercent) {

    public MigrationSettings {
        if (moviesMigrationPercent < 0 || moviesMigrationPercent > 100) {
            throw new InvalidInputException("field 'movies_migration_percent' must be an integer from 0 to 100, got " + moviesMigrationPercent);
        }
    }

    /**
     * The admin route's JSON. Taken as plain JSON values so that {@code "50"}, {@code 50.5} or {@code "yes"}
     * are refused instead of being coerced the way Jackson would by default.
     */
    @JsonCreator
    public static MigrationSettings fromJson(@JsonProperty("gradual_migration") Object gradual,
                                             @JsonProperty("movies_migration_percent") Object percent) {
        if (!(Checks.require(gradual, "gradual_migration") instanceof Boolean on)) {
            throw new InvalidInputException("field 'gradual_migration' must be true or false, got " + asJson(gradual));
        }
        if (!(Checks.require(percent, "movies_migration_percent") instanceof Integer share)) {
            throw new InvalidInputException("field 'movies_migration_percent' must be an integer from 0 to 100, got " + asJson(percent));
        }
        return new MigrationSettings(on, share);
    }

    /** The share of movie traffic the catalog gets, 0 to 100. */
    public int effectivePercent() {
        return gradualMigration ? moviesMigrationPercent : 0;
    }

    private static String asJson(Object value) {
        return value instanceof String text ? '"' + text + '"' : String.valueOf(value);
    }
}

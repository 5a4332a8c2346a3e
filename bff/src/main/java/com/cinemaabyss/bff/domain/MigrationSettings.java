package com.cinemaabyss.bff.domain;

import com.cinemaabyss.kit.web.Checks;
import com.cinemaabyss.kit.web.InvalidRequestException;
import com.fasterxml.jackson.annotation.JsonProperty;

/** How much movie traffic goes to the movies service: none unless gradual migration is on, then the given percent. */
public record MigrationSettings(@JsonProperty("gradual_migration") Boolean gradualMigration,
                                @JsonProperty("movies_migration_percent") Integer moviesMigrationPercent) {

    public MigrationSettings {
        Checks.require(gradualMigration, "gradual_migration");
        Checks.require(moviesMigrationPercent, "movies_migration_percent");
        if (moviesMigrationPercent < 0 || moviesMigrationPercent > 100) {
            throw new InvalidRequestException("field 'movies_migration_percent' must be an integer from 0 to 100, got " + moviesMigrationPercent);
        }
    }

    /** The share of movie traffic the movies service gets, 0 to 100. */
    public int effectivePercent() {
        return gradualMigration ? moviesMigrationPercent : 0;
    }
}

package com.cinemaabyss.recommendations.domain;

import java.time.Instant;

/** One interaction as the engine's contract has it (infra/recommendation-engine/openapi.yaml). */
public record Interaction(String user, long item, String kind, double weight, Instant at) {

    /** The engine's user for a profile: opaque to the engine, stable for the adapter. */
    public static String user(long profileId) {
        return "p" + profileId;
    }
}

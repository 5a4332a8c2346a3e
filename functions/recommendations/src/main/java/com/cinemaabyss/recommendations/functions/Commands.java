package com.cinemaabyss.recommendations.functions;

import java.util.Optional;

/** What the routes hand to the function beans, the caller already verified. */
public final class Commands {

    private Commands() {
    }

    /** {@code limit} 1..50; {@code profileId} as the caller gave it. */
    public record Recommend(long userId, Optional<Long> profileId, int limit) {
    }
}

package com.cinemaabyss.bff.kit;

/** What each screen function takes: the caller's headers passed on, and the screen's parameters (already bounded). */
public final class Queries {

    private Queries() {
    }

    public record Home(Forwarded caller, Long profileId) {
    }

    /** {@code query}: the catalog's search parameters, URL-encoded. */
    public record Browse(Forwarded caller, String query) {
    }

    public record Title(Forwarded caller, long id, Long profileId, Long episodeId) {
    }

    public record Account(Forwarded caller) {
    }
}

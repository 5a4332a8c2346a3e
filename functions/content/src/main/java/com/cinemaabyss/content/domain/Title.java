package com.cinemaabyss.content.domain;

/**
 * What content knows of a title or an episode, from title-changes: its kind, whether it is published, its age rating,
 * for an episode its series, and the version of the title it came with (an episode carries its series' version).
 */
public record Title(long id, Kind kind, boolean published, int ageRating, Long seriesId, long version) {

    public enum Kind {
        MOVIE, SERIES, EPISODE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind fromWire(String wire) {
            return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
        }
    }
}

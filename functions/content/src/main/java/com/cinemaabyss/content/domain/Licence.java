package com.cinemaabyss.content.domain;

import java.time.Instant;

/**
 * The right to stream a title (or an episode) in a region during [from, to). Manual licences are set by content
 * managers; provider licences come from what the title's provider offered (title-changes) and are replaced wholesale
 * by every newer version of the title. Both count the same for playback.
 */
public record Licence(long titleId, String region, Instant from, Instant to, Source source) {

    public enum Source {
        MANUAL, PROVIDER;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean validAt(Instant now) {
        return !now.isBefore(from) && now.isBefore(to);
    }
}

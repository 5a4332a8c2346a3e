package com.cinemaabyss.subscriptions.functions;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What one renewal tick did: subscriptions it found due, moved, and left to another writer that got there first. */
public record TickReport(int due, int moved, @JsonProperty("left_to_others") int leftToOthers,
                         @JsonProperty("renewals_requested") int renewalsRequested, int reminders, int ended) {
}

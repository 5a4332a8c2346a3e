package com.cinemaabyss.events.store;

/** Adds {@code count} (and {@code sum}, when not null) to the statistic {@code name}. */
public record StatIncrement(String name, long count, Double sum) {

    public static StatIncrement count(String name) {
        return new StatIncrement(name, 1, null);
    }
}

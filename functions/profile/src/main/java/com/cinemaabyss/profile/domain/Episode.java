package com.cinemaabyss.profile.domain;

/**
 * An episode as the title changelog places it: its series, season and number. {@link #order()} sorts a series' episodes
 * across seasons (season 1's last episode before season 2's first).
 */
public record Episode(long id, long seriesId, int season, int number) {

    /** Seasons 1..100, episodes 1..1000 per the contract: room for both without overlap. */
    public static final int SEASON_STRIDE = 10_000;

    public long order() {
        return order(season, number);
    }

    public static long order(int season, int number) {
        return (long) season * SEASON_STRIDE + number;
    }
}

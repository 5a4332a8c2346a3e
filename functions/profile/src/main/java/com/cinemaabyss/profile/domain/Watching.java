package com.cinemaabyss.profile.domain;

/**
 * When a title or episode counts as watched to the end: at 95 % of its duration, or within its last 2 minutes
 * (the credits), whichever comes first.
 */
public final class Watching {

    public static final int FINISHED_PERCENT = 95;
    public static final int CREDITS_SECONDS = 120;

    private Watching() {
    }

    public static boolean finished(int positionS, int durationS) {
        return (long) positionS * 100 >= (long) durationS * FINISHED_PERCENT || durationS - positionS <= CREDITS_SECONDS;
    }
}

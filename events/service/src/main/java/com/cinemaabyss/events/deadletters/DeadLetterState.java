package com.cinemaabyss.events.deadletters;

/** What an operator did with a dead letter: {@code status} parked, replayed or purged; replays counted. */
public record DeadLetterState(String status, int replays, String lastReplayAt, Integer lastReplayCode, String purgedAt) {

    public static final String PARKED = "parked";
    public static final String REPLAYED = "replayed";
    public static final String PURGED = "purged";

    public static DeadLetterState parked() {
        return new DeadLetterState(PARKED, 0, null, null, null);
    }
}

package com.cinemaabyss.content.domain;

/**
 * Playback was refused for a reason the client can act on, with its own status: 402 (no active entitlement: subscribe),
 * 451 (not licensed in the viewer's country), 403 (above the profile's age limit), 404 (unknown or withdrawn title).
 */
public final class PlaybackRefused extends RuntimeException {

    private final int status;

    public PlaybackRefused(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}

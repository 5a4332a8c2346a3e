package com.cinemaabyss.profile.domain;

/**
 * How many profiles an account may have: its plan's {@code max_profiles} while the entitlement is active, else 1.
 * Bounded, so a wrong upstream answer cannot open the door to unbounded profiles.
 */
public final class ProfileLimit {

    public static final int WITHOUT_PLAN = 1;
    public static final int MAX = 20;

    private ProfileLimit() {
    }

    public static int of(boolean active, Integer maxProfiles) {
        if (!active || maxProfiles == null || maxProfiles < 1) {
            return WITHOUT_PLAN;
        }
        return Math.min(maxProfiles, MAX);
    }
}

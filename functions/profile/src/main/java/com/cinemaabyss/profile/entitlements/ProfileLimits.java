package com.cinemaabyss.profile.entitlements;

/** How many profiles the caller's plan allows, asked with the caller's own access token. */
public interface ProfileLimits {

    /** The limit for the caller whose {@code Authorization} header this is; UnavailableException when it cannot be told. */
    int maxProfiles(String authorization);
}

package com.cinemaabyss.content.upstream;

import com.cinemaabyss.content.domain.Profile;

import java.util.Optional;

/**
 * The caller's profile {@code profileId}, read with the caller's own access token; empty when it is not one of the
 * caller's (the profile service answers 404). Throws UnavailableException (503) when it cannot tell.
 */
public interface Profiles {
    Optional<Profile> profile(String authorization, long profileId);
}

package com.cinemaabyss.content.domain;

/** The profile watching, as the profile service answers it: only what playback decides by. */
public record Profile(long id, int maxAgeRating) {
}

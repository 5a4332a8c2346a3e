package com.cinemaabyss.recommendations.domain;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A profile as the events describe it: its account (null when no event named the profile yet) and its titles.
 * {@code profileId} is null for an account none of whose profiles was seen: it gets what is popular.
 */
public record Viewer(Long profileId, Long ownerId, List<ViewerTitle> titles) {

    public static Viewer unknown(Long profileId) {
        return new Viewer(profileId, null, List.of());
    }

    public Set<Long> finished() {
        return titles.stream().filter(ViewerTitle::finished).map(ViewerTitle::titleId).collect(Collectors.toUnmodifiableSet());
    }
}

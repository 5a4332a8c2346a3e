package com.cinemaabyss.subscriptions.domain;

import java.util.List;

/** A subscription after a change, and what the change announces. */
public record Transition(Subscription after, List<Effect> effects) {

    public Transition {
        effects = List.copyOf(effects);
    }
}

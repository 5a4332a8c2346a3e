package com.cinemaabyss.events.deadletters;

import io.cloudevents.CloudEvent;

/**
 * One record of the dead-letter topic: the parked CloudEvent (its own id, type, source and data, unchanged), why it
 * was parked (the {@code knativeerror*} extensions Knative and the local bridge write) and what an operator did with it.
 * {@code id} is the record's place in the dead-letter topic, {@code partition-offset}.
 */
public record DeadLetter(String id, String subscription, String destination, String errorCode, String errorData,
                         long parkedAtMillis, CloudEvent event, DeadLetterState state) {

    public DeadLetter withState(DeadLetterState newState) {
        return new DeadLetter(id, subscription, destination, errorCode, errorData, parkedAtMillis, event, newState);
    }
}

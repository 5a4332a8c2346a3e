package com.cinemaabyss.events.deadletters;

import com.cinemaabyss.kit.core.ConflictException;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** The operator's view of the dead-letter topic: list and filter, inspect, replay to the original subscriber, purge. */
public class DeadLetters {

    private static final Pattern ID = Pattern.compile("^\\d{1,5}-\\d{1,19}$");

    private final DeadLetterTopic topic;
    private final DeadLetterStates states;
    private final Replayer replayer;
    private final Clock clock;

    public DeadLetters(DeadLetterTopic topic, DeadLetterStates states, Replayer replayer, Clock clock) {
        this.topic = topic;
        this.states = states;
        this.replayer = replayer;
        this.clock = clock;
    }

    /** Which letters: by subscription, CloudEvent type, parking time [since, until) and state ("all" for any). */
    public record Filter(String subscription, String type, Instant since, Instant until, String state, int limit) {
        boolean matches(DeadLetter letter) {
            return (subscription == null || subscription.equals(letter.subscription()))
                    && (type == null || type.equals(letter.event().getType()))
                    && (since == null || letter.parkedAtMillis() >= since.toEpochMilli())
                    && (until == null || letter.parkedAtMillis() < until.toEpochMilli());
        }

        boolean inState(DeadLetter letter) {
            return "all".equals(state) || state.equals(letter.state().status());
        }
    }

    /** Newest first, at most {@code filter.limit()}. */
    public List<DeadLetter> list(Filter filter) {
        List<DeadLetter> found = new ArrayList<>();
        List<DeadLetter> all = new ArrayList<>(topic.readAll());
        all.sort(Comparator.comparingLong(DeadLetter::parkedAtMillis).reversed());
        for (DeadLetter letter : all) {
            if (found.size() >= filter.limit()) {
                break;
            }
            if (filter.matches(letter)) {
                DeadLetter withState = letter.withState(states.of(letter.id()));
                if (filter.inState(withState)) {
                    found.add(withState);
                }
            }
        }
        return found;
    }

    public DeadLetter show(String id) {
        checkId(id);
        return topic.readAll().stream().filter(letter -> letter.id().equals(id)).findFirst()
                .map(letter -> letter.withState(states.of(id)))
                .orElseThrow(() -> new NotFoundException("no dead letter " + id));
    }

    /** What one replay did: the letter's state after it and the subscriber's answer. */
    public record Replay(DeadLetter letter, Replayer.Outcome outcome) {
    }

    /** Replays one letter, whether parked or replayed before (an idempotent subscriber applies it once); not a purged one. */
    public Replay replay(String id) {
        DeadLetter letter = show(id);
        if (DeadLetterState.PURGED.equals(letter.state().status())) {
            throw new ConflictException("dead letter " + id + " was purged; it is not replayed");
        }
        return replayNow(letter);
    }

    /** Replays every parked (not yet replayed, not purged) letter the filter selects, oldest first. */
    public List<Replay> replayAll(Filter filter) {
        List<DeadLetter> selected = new ArrayList<>(list(new Filter(filter.subscription(), filter.type(), filter.since(),
                filter.until(), DeadLetterState.PARKED, filter.limit())));
        selected.sort(Comparator.comparingLong(DeadLetter::parkedAtMillis));
        // Every destination is checked before anything is sent: a filter that selects one bad letter replays none.
        for (DeadLetter letter : selected) {
            try {
                replayer.destination(letter);
            } catch (IllegalArgumentException e) {
                throw new ConflictException("dead letter " + letter.id() + " cannot be replayed, so none was: " + e.getMessage());
            }
        }
        return selected.stream().map(this::replayNow).toList();
    }

    public DeadLetter purge(String id) {
        DeadLetter letter = show(id);
        return letter.withState(states.purged(id, clock.instant()));
    }

    public List<DeadLetter> purgeAll(Filter filter) {
        return list(new Filter(filter.subscription(), filter.type(), filter.since(), filter.until(), DeadLetterState.PARKED,
                filter.limit())).stream().map(letter -> letter.withState(states.purged(letter.id(), clock.instant()))).toList();
    }

    private Replay replayNow(DeadLetter letter) {
        try {
            replayer.destination(letter);
        } catch (IllegalArgumentException e) {
            throw new ConflictException("dead letter " + letter.id() + " cannot be replayed: " + e.getMessage());
        }
        Replayer.Outcome outcome = replayer.replay(letter);
        DeadLetterState state = states.replayed(letter.id(), outcome.status(), outcome.delivered(), clock.instant());
        return new Replay(letter.withState(state), outcome);
    }

    static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidInputException("a dead letter's id is <partition>-<offset>, e.g. 0-42");
        }
    }
}

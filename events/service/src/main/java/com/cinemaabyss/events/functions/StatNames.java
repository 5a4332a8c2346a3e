package com.cinemaabyss.events.functions;

import com.cinemaabyss.events.domain.KnownValue;
import com.cinemaabyss.events.domain.MovieAction;
import com.cinemaabyss.events.domain.PaymentStatus;
import com.cinemaabyss.events.domain.UserAction;
import com.cinemaabyss.events.publish.EventKind;

import java.util.ArrayList;
import java.util.List;

/**
 * The names of the rows of the stats table. Counters per type, action and status form a fixed set, {@link #fixed()};
 * the aggregates per movie and per user have one row per id and are read only by id.
 */
public final class StatNames {

    private StatNames() {
    }

    public static String type(EventKind kind) {
        return "type#" + kind.type();
    }

    /** {@code action} must be a {@link MovieAction} value, as a valid MovieEvent's is. */
    public static String movieAction(String action) {
        return "movie-action#" + action;
    }

    /** {@code action} must be a {@link UserAction} value, as a valid UserEvent's is. */
    public static String userAction(String action) {
        return "user-action#" + action;
    }

    /** {@code status} must be a {@link PaymentStatus} value, as a valid PaymentEvent's is. */
    public static String paymentStatus(String status) {
        return "payment-status#" + status;
    }

    public static String movieRatings(long movieId) {
        return "movie-ratings#" + movieId;
    }

    public static String failedPayments(long userId) {
        return "failed-payments#user#" + userId;
    }

    /** Every counter that is not per entity: one per type, per movie action, per user action and per payment status. */
    public static List<String> fixed() {
        List<String> names = new ArrayList<>();
        for (EventKind kind : EventKind.values()) {
            names.add(type(kind));
        }
        KnownValue.values(MovieAction.class).forEach(action -> names.add(movieAction(action)));
        KnownValue.values(UserAction.class).forEach(action -> names.add(userAction(action)));
        KnownValue.values(PaymentStatus.class).forEach(status -> names.add(paymentStatus(status)));
        return List.copyOf(names);
    }
}

package com.cinemaabyss.contracts;

/**
 * CloudEvent types, named {@code com.cinemaabyss.<domain>.<entity>.<what>.v<version>}. A new incompatible
 * data shape gets a new version suffix; consumers filter on the exact type. Each type has a JSON Schema at
 * {@code contracts/schemas/<type>.json} and a message in {@code contracts/asyncapi.yaml}.
 */
public final class EventTypes {
    public static final String MOVIE_EVENT = "com.cinemaabyss.events.movie.recorded.v1";
    public static final String USER_EVENT = "com.cinemaabyss.events.user.recorded.v1";
    public static final String PAYMENT_EVENT = "com.cinemaabyss.events.payment.recorded.v1";
    public static final String MOVIE_UPSERTED = "com.cinemaabyss.catalog.movie.upserted.v1";

    private EventTypes() {
    }
}

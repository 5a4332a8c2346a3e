package com.cinemaabyss.catalog.store;

import com.cinemaabyss.catalog.domain.Movie;
import com.cinemaabyss.kit.outbox.Outbox;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where legacy movies are mirrored besides the movie table: the catalog mirrors each as a title of kind movie under the
 * same id (so legacy movies are searchable); the monolith, which shares the movie code, mirrors nothing.
 */
public interface MovieMirror {

    /** What to add to the transaction that creates {@code movie}; adds the events announcing it to {@code events}. */
    Consumer<TransactWriteItemsEnhancedRequest.Builder> mirrorWrite(Movie movie, List<Outbox.Announcement> events);

    /** Mirrors a movie the other side created (once: a repeat changes nothing). */
    boolean mirror(Movie movie);
}

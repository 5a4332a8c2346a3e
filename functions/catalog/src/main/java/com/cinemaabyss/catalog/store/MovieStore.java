package com.cinemaabyss.catalog.store;

import com.cinemaabyss.kit.core.Page;

import com.cinemaabyss.catalog.domain.Movie;
import com.cinemaabyss.catalog.domain.NewMovie;
import com.cinemaabyss.kit.core.PageRequest;

import com.cinemaabyss.catalog.events.MovieChange;
import com.cinemaabyss.catalog.events.MovieChangelog;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.kit.outbox.Outbox;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The catalog's movies. Movies created here are announced on the changelog through the outbox; movies the
 * monolith accepted arrive from the changelog and are stored under the same id.
 */
public class MovieStore {

    private final KeyedTable<MovieItem> movies;
    private final MovieIds ids;
    private final Outbox outbox;
    private final MovieChangelog changelog;

    private final MovieMirror mirror;

    public MovieStore(KeyedTable<MovieItem> movies, MovieIds ids, Outbox outbox, MovieChangelog changelog) {
        this(movies, ids, outbox, changelog, null);
    }

    /** With a {@code mirror} (may be null): each movie is also mirrored there, a created one in the same transaction. */
    public MovieStore(KeyedTable<MovieItem> movies, MovieIds ids, Outbox outbox, MovieChangelog changelog, MovieMirror mirror) {
        this.movies = movies;
        this.ids = ids;
        this.outbox = outbox;
        this.changelog = changelog;
        this.mirror = mirror;
    }

    public Movie create(NewMovie request) {
        MovieItem item = item(ids.next(), request.title(), request.description(), request.genres(),
                request.rating() == null ? 0.0 : request.rating(), changelog.writer());
        Movie movie = toMovie(item);
        MovieChange change = new MovieChange(movie.id(), movie.title(), movie.description(), movie.genres(), movie.rating(), changelog.writer());
        if (mirror == null) {
            outbox.insertAndAnnounce(movies.table(), item, Topics.MOVIE_CHANGES, Long.toString(movie.id()), changelog.upserted(change));
            return movie;
        }
        List<Outbox.Announcement> events = new ArrayList<>();
        events.add(new Outbox.Announcement(Topics.MOVIE_CHANGES, Long.toString(movie.id()), changelog.upserted(change)));
        var mirrored = mirror.mirrorWrite(movie, events);
        outbox.writeAndAnnounce(transaction -> {
            transaction.addPutItem(movies.table(), TransactPutItemEnhancedRequest.builder(MovieItem.class)
                    .item(item).conditionExpression(KeyedTable.notExists()).build());
            mirrored.accept(transaction);
        }, events);
        return movie;
    }

    /** Stores a movie the monolith accepted; a replay of the same change does nothing. */
    public boolean applyReplica(MovieChange change) {
        MovieItem item = item(change.id(), change.title(), change.description(), change.genres(), change.rating(), change.writtenBy());
        boolean stored;
        try {
            movies.insert(item);
            stored = true;
        } catch (ConditionalCheckFailedException alreadyStored) {
            stored = false;
        }
        if (mirror != null) {
            // Also on a replay: a movie stored before mirroring existed, or whose mirror failed, gets it now.
            mirror.mirror(toMovie(item));
        }
        return stored;
    }

    public Optional<Movie> find(long id) {
        return movies.get(id).map(MovieStore::toMovie);
    }

    /** Every movie, read from the table while it is written out (see KeyedTable#all). */
    public Iterable<Movie> all() {
        return () -> movies.all().map(MovieStore::toMovie).iterator();
    }

    /** One page of a paged scan: each call reads at most {@code limit} items, however large the catalog. */
    public Page<Movie> page(PageRequest request) {
        software.amazon.awssdk.enhanced.dynamodb.model.Page<MovieItem> page = movies.table().scan(ScanEnhancedRequest.builder()
                        .limit(request.limit())
                        .exclusiveStartKey(Cursors.decode(request.cursor()))
                        .build())
                .iterator().next();
        return new Page<>(page.items().stream().map(MovieStore::toMovie).toList(), Cursors.encode(page.lastEvaluatedKey()));
    }

    private static MovieItem item(long id, String title, String description, List<String> genres, Double rating, String origin) {
        MovieItem item = new MovieItem();
        item.setId(id);
        item.setTitle(title);
        item.setDescription(description);
        item.setGenres(genres);
        item.setRating(rating);
        item.setOrigin(origin);
        return item;
    }

    private static Movie toMovie(MovieItem item) {
        return new Movie(item.getId(), item.getTitle(), item.getDescription() == null ? "" : item.getDescription(),
                item.getGenres() == null ? List.of() : item.getGenres(), item.getRating() == null ? 0.0 : item.getRating());
    }
}

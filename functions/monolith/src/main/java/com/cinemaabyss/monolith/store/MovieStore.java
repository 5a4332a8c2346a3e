package com.cinemaabyss.monolith.store;

import com.cinemaabyss.kit.contracts.MovieChange;
import com.cinemaabyss.kit.contracts.MovieChangelog;
import com.cinemaabyss.kit.contracts.Topics;
import com.cinemaabyss.kit.dynamo.IdSequences;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.kit.dynamo.MovieIds;
import com.cinemaabyss.kit.outbox.Outbox;
import com.cinemaabyss.monolith.domain.Movie;
import com.cinemaabyss.monolith.domain.NewMovie;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.List;
import java.util.Optional;

/**
 * Movies of the monolith. A created movie and its change event go to DynamoDB in one transaction (the
 * outbox), so the catalog service hears of every movie the monolith accepted.
 */
public class MovieStore {

    private final KeyedTable<MovieItem> movies;
    private final MovieIds ids;
    private final Outbox outbox;
    private final MovieChangelog changelog;

    public MovieStore(KeyedTable<MovieItem> movies, MovieIds ids, Outbox outbox, MovieChangelog changelog) {
        this.movies = movies;
        this.ids = ids;
        this.outbox = outbox;
        this.changelog = changelog;
    }

    public Movie create(NewMovie request) {
        MovieItem item = new MovieItem();
        item.setId(ids.next());
        item.setTitle(request.title());
        item.setDescription(request.description());
        item.setGenres(request.genres());
        item.setRating(request.rating() == null ? 0.0 : request.rating());
        Movie movie = toMovie(item);
        MovieChange change = new MovieChange(movie.id(), movie.title(), movie.description(), movie.genres(), movie.rating(), changelog.writer());
        outbox.insertAndAnnounce(movies.table(), item, Topics.MOVIE_CHANGES, Long.toString(movie.id()), changelog.upserted(change));
        return movie;
    }

    /** Stores a movie written on the other side under its id; a replay of the same change does nothing. */
    public boolean applyReplica(MovieChange change) {
        MovieItem item = new MovieItem();
        item.setId(change.id());
        item.setTitle(change.title());
        item.setDescription(change.description());
        item.setGenres(change.genres());
        item.setRating(change.rating());
        try {
            movies.insert(item);
            return true;
        } catch (ConditionalCheckFailedException alreadyStored) {
            return false;
        }
    }

    public Optional<Movie> find(long id) {
        return movies.get(id).map(MovieStore::toMovie);
    }

    public List<Movie> all() {
        return movies.all().stream().map(MovieStore::toMovie).toList();
    }

    private static Movie toMovie(MovieItem item) {
        return new Movie(item.getId(), item.getTitle(), item.getDescription() == null ? "" : item.getDescription(),
                item.getGenres() == null ? List.of() : item.getGenres(), item.getRating() == null ? 0.0 : item.getRating());
    }
}

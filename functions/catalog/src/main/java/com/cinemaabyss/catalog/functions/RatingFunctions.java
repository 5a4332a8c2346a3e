package com.cinemaabyss.catalog.functions;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.cinemaabyss.catalog.domain.RatingChange;
import com.cinemaabyss.catalog.events.RatingEvents;
import com.cinemaabyss.catalog.store.RatingStore;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.lambda.KafkaEventRecords;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The viewers' rating of each title, from the events that rate: a profile's rating set or removed on profile-events, and
 * the monolith-era movie events with {@code action: rated} on movie-events (a legacy movie is mirrored as the title of
 * the same id). Each consumer takes its own topic's rating types and acknowledges every other event of that topic
 * (favourites, progress, views...) without reading it. Idempotent: a redelivered event, or one older than the voter's
 * stored vote, changes nothing; an event that breaks its contract is refused (400) and dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
public class RatingFunctions {

    private static final Logger log = LoggerFactory.getLogger(RatingFunctions.class);
    private static final Set<String> PROFILE_TYPES = Set.of(EventTypes.PROFILE_RATING_SET, EventTypes.PROFILE_RATING_REMOVED);
    private static final Set<String> MOVIE_TYPES = Set.of(EventTypes.MOVIE_EVENT);

    @Bean
    public Consumer<CloudEvent> applyProfileRatings(RatingStore ratings) {
        return event -> apply(ratings, event, PROFILE_TYPES);
    }

    @Bean
    public Consumer<CloudEvent> applyMovieRatings(RatingStore ratings) {
        return event -> apply(ratings, event, MOVIE_TYPES);
    }

    /** The profile ratings consumer as an AWS Lambda Kafka trigger delivers it: a batch of records, each a CloudEvent. */
    @Bean
    public Function<KafkaEvent, KafkaEventRecords.Outcome> applyProfileRatingsFromKafka(Consumer<CloudEvent> applyProfileRatings) {
        return batch -> KafkaEventRecords.deliverEach(batch, applyProfileRatings);
    }

    /** The legacy movie ratings consumer as an AWS Lambda Kafka trigger delivers it. */
    @Bean
    public Function<KafkaEvent, KafkaEventRecords.Outcome> applyMovieRatingsFromKafka(Consumer<CloudEvent> applyMovieRatings) {
        return batch -> KafkaEventRecords.deliverEach(batch, applyMovieRatings);
    }

    private static void apply(RatingStore ratings, CloudEvent event, Set<String> types) {
        if (!types.contains(event.getType())) {
            log.debug("event={} type={} rates nothing: acknowledged", event.getId(), event.getType());
            return;
        }
        Optional<RatingChange> change = read(event);
        if (change.isEmpty()) {
            return;
        }
        RatingStore.Outcome outcome = ratings.apply(change.get());
        log.info("event={} type={} title={} voter={} -> {} votes={} average={}", event.getId(), event.getType(), change.get().titleId(),
                change.get().voter(), outcome.result(), outcome.totals().votes(), outcome.totals().average());
    }

    private static Optional<RatingChange> read(CloudEvent event) {
        try {
            return RatingEvents.read(event);
        } catch (DateTimeParseException | IllegalArgumentException meaningless) {
            // The schema checks shape; a time that does not parse or a value out of range is still the event's fault.
            throw new InvalidInputException("CloudEvent " + event.getType() + " cannot be a rating: " + meaningless.getMessage());
        }
    }
}

package com.cinemaabyss.content.functions;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.cinemaabyss.content.domain.Availability;
import com.cinemaabyss.content.domain.Playback;
import com.cinemaabyss.content.events.TitleChanges;
import com.cinemaabyss.content.store.ContentStore;
import com.cinemaabyss.kit.lambda.KafkaEventRecords;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;

/** content's operations as function beans; the routes bind them to the verified caller. */
@Configuration(proxyBeanMethods = false)
public class ContentFunctions {

    private static final Logger log = LoggerFactory.getLogger(ContentFunctions.class);

    @Bean
    public Function<Playbacks.Command, Playback> startPlayback(Playbacks playbacks) {
        return playbacks::start;
    }

    /** The same decision as startPlayback, read-only: for a title screen's "play" or "subscribe". */
    @Bean
    public Function<Playbacks.Check, Availability> checkAvailability(Playbacks playbacks) {
        return playbacks::availability;
    }

    @Bean
    public Function<Licences.Change, Licences.View> setLicence(Licences licences) {
        return licences::set;
    }

    @Bean
    public Consumer<Licences.Removal> removeLicence(Licences licences) {
        return licences::remove;
    }

    @Bean
    public Function<Long, Licences.TitleLicences> titleLicences(Licences licences) {
        return licences::of;
    }

    /**
     * Triggered by title-changes (a KafkaSource): the titles projection. Idempotent by version: a repeated event, or one
     * older than what is stored, changes nothing.
     */
    @Bean
    public Consumer<CloudEvent> applyTitleChange(ContentStore store, Clock clock) {
        return event -> TitleChanges.read(event).ifPresent(change -> {
            if (!store.apply(change, clock.instant())) {
                log.debug("title {} version {} is not newer than the stored one: ignored ({})", change.id(), change.version(), event.getId());
            }
        });
    }

    /** The same consumer as an AWS Lambda Kafka trigger delivers it: a batch of records, each a CloudEvent. */
    @Bean
    public Function<KafkaEvent, KafkaEventRecords.Outcome> applyTitleChangesFromKafka(Consumer<CloudEvent> applyTitleChange) {
        return batch -> KafkaEventRecords.deliverEach(batch, applyTitleChange);
    }
}

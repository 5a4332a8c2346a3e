package com.cinemaabyss.content.events;

import com.cinemaabyss.content.domain.Licence;
import com.cinemaabyss.content.domain.Regions;
import com.cinemaabyss.contracts.ContractEvents;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.events.EventJson;
import io.cloudevents.CloudEvent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what title-changes delivers: title.upserted, held to its contract first (a break answers 400, which the eventing
 * layer dead-letters); any other type is none of content's business (empty). The schema checks shape; what it cannot
 * (a window from before to, an assigned region, one offer per region, episode ids apart from the title's) is checked
 * here, with the same 400.
 */
public final class TitleChanges {

    private TitleChanges() {
    }

    public static Optional<TitleChange> read(CloudEvent event) {
        if (!EventTypes.TITLE_UPSERTED.equals(event.getType())) {
            return Optional.empty();
        }
        ContractEvents.requireValid(event);
        TitleChange change = EventJson.data(event, TitleChange.class);
        if (event.getSubject() != null && !event.getSubject().equals(Long.toString(change.id()))) {
            throw new InvalidInputException("title.upserted: subject " + event.getSubject() + " is not the title's id " + change.id());
        }
        Set<Long> episodes = new HashSet<>();
        for (long episode : change.episodeIds()) {
            if (episode == change.id() || !episodes.add(episode)) {
                throw new InvalidInputException("title.upserted " + change.id() + ": episode id " + episode + " repeats an id of the title");
            }
        }
        if (!episodes.isEmpty() && !"series".equals(change.kind())) {
            throw new InvalidInputException("title.upserted " + change.id() + ": a movie has no episodes");
        }
        licences(change);
        return Optional.of(change);
    }

    /** The provider licences a version offers; 400 for a window that is empty or a region offered twice. */
    public static List<Licence> licences(TitleChange change) {
        List<Licence> licences = new ArrayList<>();
        Set<String> regions = new HashSet<>();
        for (TitleChange.OfferedLicence offer : change.offeredLicences()) {
            String region = Regions.require(offer.region(), "offered_licences region");
            if (!regions.add(region)) {
                throw new InvalidInputException("title.upserted " + change.id() + ": region " + region + " is offered twice");
            }
            Instant from = instant(offer.from());
            Instant to = instant(offer.to());
            if (!from.isBefore(to)) {
                throw new InvalidInputException("title.upserted " + change.id() + ": the offer for " + region + " ends before it starts");
            }
            licences.add(new Licence(change.id(), region, from, to, Licence.Source.PROVIDER));
        }
        return licences;
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("title.upserted: an offered licence has a date-time that is not RFC 3339");
        }
    }
}

package com.cinemaabyss.catalog.events;

import com.cinemaabyss.catalog.domain.Title;
import com.cinemaabyss.contracts.ContractEvents;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.events.EventJson;
import com.cinemaabyss.kit.outbox.Outbox;
import io.cloudevents.CloudEvent;

import java.net.URI;

/**
 * The title changelog: {@value EventTypes#TITLE_UPSERTED} on the compacted {@value Topics#TITLE_CHANGES}, keyed by title
 * id, the whole title after each change. Checked against its contract before it is queued.
 */
public final class TitleChangelog {

    public static final URI SOURCE = URI.create("/cinemaabyss/catalog");

    private TitleChangelog() {
    }

    public static Outbox.Announcement upserted(Title title) {
        String key = Long.toString(title.id());
        return new Outbox.Announcement(Topics.TITLE_CHANGES, key, event(title));
    }

    public static CloudEvent event(Title title) {
        return ContractEvents.create(SOURCE, EventTypes.TITLE_UPSERTED, Long.toString(title.id()), EventJson.toBytes(title));
    }

    /** The title an event of the changelog carries (checked against the contract first). */
    public static Title read(CloudEvent event) {
        ContractEvents.requireValid(event);
        return EventJson.data(event, Title.class);
    }
}

package com.cinemaabyss.content.events;

import com.cinemaabyss.contracts.ContractEvents;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.events.EventJson;
import com.cinemaabyss.kit.outbox.Outbox;
import com.cinemaabyss.content.store.SessionItem;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** playback.started for the outbox, keyed by user id, held to its contract before it is queued. */
public final class PlaybackEvents {

    public static final URI SOURCE = URI.create("/cinemaabyss/content");

    private PlaybackEvents() {
    }

    public static Outbox.Announcement started(SessionItem session) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session_id", session.getSessionId());
        data.put("user_id", session.getUserId());
        if (session.getProfileId() != null) {
            data.put("profile_id", session.getProfileId());
        }
        data.put("title_id", session.getTitleId());
        if (session.getEpisodeId() != null) {
            data.put("episode_id", session.getEpisodeId());
        }
        data.put("region", session.getRegion());
        data.put("started_at", Instant.ofEpochMilli(session.getStartedAtMillis()).toString());
        data.put("expires_at", Instant.ofEpochMilli(session.getExpiresAtMillis()).toString());
        String key = Long.toString(session.getUserId());
        return new Outbox.Announcement(Topics.PLAYBACK_EVENTS, key,
                ContractEvents.create(SOURCE, EventTypes.PLAYBACK_STARTED, key, EventJson.toBytes(data)));
    }
}

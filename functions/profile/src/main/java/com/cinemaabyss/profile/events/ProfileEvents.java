package com.cinemaabyss.profile.events;

import com.cinemaabyss.contracts.ContractEvents;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.events.EventJson;
import com.cinemaabyss.kit.outbox.Outbox;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CloudEvents of a change to a profile's library, for the outbox: on profile-events, keyed by profile id (also the
 * subject), each held to its contract before it is queued (a break is our bug and fails loudly).
 */
public final class ProfileEvents {

    public static final URI SOURCE = URI.create("/cinemaabyss/profile");

    private ProfileEvents() {
    }

    public static Outbox.Announcement ratingSet(long profileId, long userId, long titleId, int rating, Instant at) {
        return event(EventTypes.PROFILE_RATING_SET, profileId, data("profile_id", profileId, "user_id", userId, "title_id", titleId,
                "rating", rating, "rated_at", at.toString()));
    }

    public static Outbox.Announcement ratingRemoved(long profileId, long userId, long titleId, Instant at) {
        return event(EventTypes.PROFILE_RATING_REMOVED, profileId, data("profile_id", profileId, "user_id", userId, "title_id", titleId,
                "removed_at", at.toString()));
    }

    public static Outbox.Announcement favoriteAdded(long profileId, long userId, long titleId, Instant at) {
        return event(EventTypes.PROFILE_FAVORITE_ADDED, profileId, data("profile_id", profileId, "user_id", userId, "title_id", titleId,
                "at", at.toString()));
    }

    public static Outbox.Announcement favoriteRemoved(long profileId, long userId, long titleId, Instant at) {
        return event(EventTypes.PROFILE_FAVORITE_REMOVED, profileId, data("profile_id", profileId, "user_id", userId, "title_id", titleId,
                "at", at.toString()));
    }

    public static Outbox.Announcement progressRecorded(long profileId, long userId, long titleId, Long episodeId, int positionS,
                                                       int durationS, boolean finished, Instant at) {
        return event(EventTypes.PROFILE_PROGRESS_RECORDED, profileId, data("profile_id", profileId, "user_id", userId, "title_id", titleId,
                "episode_id", episodeId, "position_s", positionS, "duration_s", durationS, "finished", finished, "at", at.toString()));
    }

    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                data.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return data;
    }

    private static Outbox.Announcement event(String type, long profileId, Map<String, Object> data) {
        String key = Long.toString(profileId);
        return new Outbox.Announcement(Topics.PROFILE_EVENTS, key, ContractEvents.create(SOURCE, type, key, EventJson.toBytes(data)));
    }
}

package com.cinemaabyss.recommendations;

import com.cinemaabyss.kit.test.TestHttp;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The events recommendations consumes, as the eventing layer delivers them (binary CloudEvents with the delivery token). */
final class Events {

    static final String TOKEN = "test-delivery-token";
    static final String TITLE = "com.cinemaabyss.catalog.title.upserted.v1";
    static final String PLAYBACK = "com.cinemaabyss.content.playback.started.v1";
    static final String PROGRESS = "com.cinemaabyss.profile.progress.recorded.v1";
    static final String FAVORITE_ADDED = "com.cinemaabyss.profile.favorite.added.v1";
    static final String FAVORITE_REMOVED = "com.cinemaabyss.profile.favorite.removed.v1";
    static final String RATING_SET = "com.cinemaabyss.profile.rating.set.v1";
    static final String NOW = Instant.now().toString();

    private Events() {
    }

    static String title(long id, long version, String name, String status, List<String> genres) {
        return "{\"id\":" + id + ",\"kind\":\"movie\",\"status\":\"" + status + "\",\"title\":\"" + name + "\",\"description\":\"\","
                + "\"genres\":[" + genres.stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(",")) + "],\"countries\":[\"RU\"],"
                + "\"original_language\":\"ru\",\"release_year\":1979,\"age_rating\":12,\"runtime_min\":100,\"people\":[],\"offered_licences\":[],"
                + "\"seasons\":[],\"rating\":{\"average\":0,\"votes\":0},\"version\":" + version + ",\"updated_at\":\"2026-11-25T10:00:00Z\"}";
    }

    static String playback(long userId, long profileId, long titleId) {
        return "{\"session_id\":\"" + UUID.randomUUID() + "\",\"user_id\":" + userId + ",\"profile_id\":" + profileId + ",\"title_id\":" + titleId
                + ",\"region\":\"RU\",\"started_at\":\"" + NOW + "\",\"expires_at\":\"" + Instant.now().plusSeconds(3600) + "\"}";
    }

    static String progress(long userId, long profileId, long titleId, boolean finished) {
        return "{\"profile_id\":" + profileId + ",\"user_id\":" + userId + ",\"title_id\":" + titleId + ",\"position_s\":" + (finished ? 5900 : 60)
                + ",\"duration_s\":6000,\"finished\":" + finished + ",\"at\":\"" + NOW + "\"}";
    }

    static String favorite(long userId, long profileId, long titleId, String at) {
        return "{\"profile_id\":" + profileId + ",\"user_id\":" + userId + ",\"title_id\":" + titleId + ",\"at\":\"" + at + "\"}";
    }

    static String rating(long userId, long profileId, long titleId, int rating) {
        return "{\"profile_id\":" + profileId + ",\"user_id\":" + userId + ",\"title_id\":" + titleId + ",\"rating\":" + rating
                + ",\"rated_at\":\"" + NOW + "\"}";
    }

    static HttpResponse<String> deliver(TestHttp http, String topic, String type, String id, String data) {
        return http.send(http.request("/internal/events/" + topic)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/cinemaabyss/test")
                .header("ce-type", type).header("ce-subject", "1")
                .POST(HttpRequest.BodyPublishers.ofString(data)));
    }

    static HttpResponse<String> deliver(TestHttp http, String topic, String type, String data) {
        return deliver(http, topic, type, UUID.randomUUID().toString(), data);
    }
}

package com.cinemaabyss.profile;

import com.cinemaabyss.kit.test.TestHttp;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

/** Title changelog entries as the eventing layer delivers them to profile (binary CloudEvents with the delivery token). */
final class Titles {

    static final String TOKEN = "test-delivery-token";
    static final String TYPE = "com.cinemaabyss.catalog.title.upserted.v1";

    private Titles() {
    }

    /** A series' data: {@code seasons.get(s)} lists the episode ids of season s+1, numbered from 1. */
    static String series(long id, long version, List<List<Long>> seasons) {
        StringBuilder s = new StringBuilder();
        for (int season = 0; season < seasons.size(); season++) {
            if (season > 0) {
                s.append(',');
            }
            s.append("{\"number\":").append(season + 1).append(",\"episodes\":[");
            List<Long> episodes = seasons.get(season);
            for (int e = 0; e < episodes.size(); e++) {
                s.append(e > 0 ? "," : "").append("{\"id\":").append(episodes.get(e)).append(",\"number\":").append(e + 1)
                        .append(",\"title\":\"Episode ").append(e + 1).append("\"}");
            }
            s.append("]}");
        }
        return title(id, "series", version, s.toString());
    }

    static String movie(long id, long version) {
        return title(id, "movie", version, "");
    }

    private static String title(long id, String kind, long version, String seasons) {
        return "{\"id\":" + id + ",\"kind\":\"" + kind + "\",\"status\":\"published\",\"title\":\"T" + id + "\",\"description\":\"\","
                + "\"genres\":[\"Drama\"],\"countries\":[\"RU\"],\"original_language\":\"ru\",\"release_year\":1979,\"age_rating\":12,"
                + "\"people\":[],\"offered_licences\":[],\"seasons\":[" + seasons + "],\"rating\":{\"average\":0,\"votes\":0},\"version\":" + version
                + ",\"updated_at\":\"2026-11-25T10:00:00Z\"}";
    }

    static HttpResponse<String> deliver(TestHttp http, String id, long titleId, String data) {
        return http.send(http.request("/internal/events/title-changes")
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/cinemaabyss/catalog")
                .header("ce-type", TYPE).header("ce-subject", Long.toString(titleId))
                .POST(HttpRequest.BodyPublishers.ofString(data)));
    }

    static HttpResponse<String> deliver(TestHttp http, long titleId, String data) {
        return deliver(http, UUID.randomUUID().toString(), titleId, data);
    }
}

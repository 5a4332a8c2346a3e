package com.cinemaabyss.content;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.test.TestHttp;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Builds title.upserted data as the catalog writes it and delivers it to content's sink as the eventing layer does. */
final class Titles {

    static final String TOKEN = "test-delivery-token";
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() / 1000 % 1_000_000_000_000L * 10);

    private Titles() {
    }

    static long newId() {
        return IDS.addAndGet(10);
    }

    static String movie(long id, String status, int ageRating, long version, String offered) {
        return "{\"id\":" + id + ",\"kind\":\"movie\",\"status\":\"" + status + "\",\"title\":\"Film " + id + "\",\"description\":\"\",\"people\":[],\"genres\":[\"drama\"],"
                + "\"countries\":[\"RU\"],\"original_language\":\"ru\",\"release_year\":2020,\"age_rating\":" + ageRating + ",\"runtime_min\":90,"
                + "\"seasons\":[],\"rating\":{\"average\":0,\"votes\":0},\"offered_licences\":[" + offered + "],\"version\":" + version
                + ",\"updated_at\":\"2030-01-01T00:00:00Z\"}";
    }

    static String series(long id, int ageRating, long version, String offered, long... episodes) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < episodes.length; i++) {
            list.append(i == 0 ? "" : ",").append("{\"id\":").append(episodes[i]).append(",\"number\":").append(i + 1)
                    .append(",\"title\":\"Episode ").append(i + 1).append("\"}");
        }
        return "{\"id\":" + id + ",\"kind\":\"series\",\"status\":\"published\",\"title\":\"Series " + id + "\",\"description\":\"A series\",\"people\":[{\"name\":\"A. Director\",\"role\":\"director\"}],\"genres\":[],"
                + "\"countries\":[],\"original_language\":\"en\",\"release_year\":2021,\"age_rating\":" + ageRating + ","
                + "\"seasons\":[{\"number\":1,\"episodes\":[" + list + "]}],\"rating\":{\"average\":7.5,\"votes\":2},"
                + "\"offered_licences\":[" + offered + "],\"version\":" + version + ",\"updated_at\":\"2030-01-01T00:00:00Z\"}";
    }

    static String offer(String region, String from, String to) {
        return "{\"region\":\"" + region + "\",\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
    }

    static String deliver(TestHttp http, long id, String data) {
        String eventId = UUID.randomUUID().toString();
        deliver(http, eventId, id, data, 202);
        return eventId;
    }

    static void deliver(TestHttp http, String eventId, long id, String data, int expected) {
        HttpResponse<String> response = http.send(http.request("/internal/events/title-changes")
                .header("ce-specversion", "1.0").header("ce-id", eventId).header("ce-source", "/cinemaabyss/catalog")
                .header("ce-type", EventTypes.TITLE_UPSERTED).header("ce-subject", Long.toString(id)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(data)));
        if (response.statusCode() != expected) {
            throw new AssertionError("title.upserted answered " + response.statusCode() + ": " + response.body());
        }
    }
}

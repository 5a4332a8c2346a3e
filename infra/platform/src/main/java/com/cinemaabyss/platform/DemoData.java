package com.cinemaabyss.platform;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A few users and movies, created through the gateway's API on a first start so that there is something to look at. */
final class DemoData {

    private static final List<String> USERS = List.of(
            "{\"username\":\"anna\",\"email\":\"anna@cinemaabyss.example\"}",
            "{\"username\":\"boris\",\"email\":\"boris@cinemaabyss.example\"}",
            "{\"username\":\"vera\",\"email\":\"vera@cinemaabyss.example\"}");
    private static final List<String> MOVIES = List.of(
            "{\"title\":\"Stalker\",\"description\":\"A guide leads two men through the Zone to a room that grants wishes.\",\"genres\":[\"Sci-Fi\",\"Drama\"],\"rating\":8.1}",
            "{\"title\":\"Solaris\",\"description\":\"A psychologist is sent to a station orbiting a strange ocean planet.\",\"genres\":[\"Sci-Fi\",\"Mystery\"],\"rating\":8.0}",
            "{\"title\":\"The Irony of Fate\",\"description\":\"A New Year's Eve mix-up sends a Muscovite to Leningrad.\",\"genres\":[\"Comedy\",\"Romance\"],\"rating\":8.2}",
            "{\"title\":\"Brother\",\"description\":\"A demobilised soldier joins his brother in 1990s St. Petersburg.\",\"genres\":[\"Crime\",\"Drama\"],\"rating\":7.8}",
            "{\"title\":\"Hard to Be a God\",\"description\":\"Earth scientists watch a planet stuck in its Middle Ages.\",\"genres\":[\"Drama\",\"Sci-Fi\"],\"rating\":6.6}");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI gateway;

    DemoData(URI gateway) {
        this.gateway = gateway;
    }

    /**
     * Seeds a platform that does not have the demo users yet; returns whether it did. Not "a platform without users":
     * identity's bootstrap admin reaches the legacy users through the user changelog, sometimes before this check.
     */
    boolean seedIfEmpty() {
        HttpResponse<String> users = send(HttpRequest.newBuilder(gateway.resolve("/api/users")).GET());
        if (users.statusCode() != 200) {
            throw new IllegalStateException("GET /api/users answered " + users.statusCode() + ": " + users.body());
        }
        if (users.body().contains("\"username\":\"anna\"")) {
            return false;
        }
        List<Long> userIds = USERS.stream().map(user -> post("/api/users", user)).toList();
        MOVIES.forEach(movie -> post("/api/movies", movie));
        post("/api/payments", "{\"user_id\":" + userIds.getFirst() + ",\"amount\":399.00}");
        post("/api/subscriptions", "{\"user_id\":" + userIds.getFirst() + ",\"plan_type\":\"premium\"}");
        return true;
    }

    /** POSTs and returns the id of what was created. */
    private long post(String path, String json) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        JsonNode id = response.statusCode() == 201 ? JSON.readTree(response.body()).get("id") : null;
        if (id == null || !id.canConvertToLong()) {
            throw new IllegalStateException("seeding " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return id.asLong();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

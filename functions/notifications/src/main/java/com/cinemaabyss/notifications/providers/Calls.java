package com.cinemaabyss.notifications.providers;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One provider request: 2xx is done; any other answer, a timeout or a connection that failed is a {@link ProviderFailure}. */
final class Calls {

    private Calls() {
    }

    static int status(String channel, HttpClient http, HttpRequest request, boolean goneMeansRemoved) {
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new ProviderFailure(ProviderFailure.Kind.TRANSIENT, channel + " provider unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure(ProviderFailure.Kind.TRANSIENT, channel + " send interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw ProviderFailure.of(channel, response.statusCode(), goneMeansRemoved);
        }
        return response.statusCode();
    }
}

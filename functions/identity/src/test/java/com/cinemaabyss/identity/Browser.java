package com.cinemaabyss.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser of an SSO login, as plain HTTP: keeps cookies, follows no redirect by itself, fills in the login form. */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> get(URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "text/html");
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request.GET().build());
    }

    HttpResponse<String> postForm(URI uri, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static URI redirect(HttpResponse<String> response) {
        assertEquals(302, response.statusCode(), response.uri() + " answered " + response.statusCode() + ": " + response.body());
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    /**
     * Logs in at the provider the authorization URL belongs to, as the user would in a browser: the provider sends the
     * browser to its login page, the form goes back with the CSRF token, and the provider redirects to identity's
     * callback with a code; a browser still logged in there goes straight back. Answers that callback URL, not yet visited.
     */
    URI logInAtProvider(URI authorizationUrl, String username, String password) {
        URI loginPage = redirect(get(authorizationUrl));
        if (!loginPage.getPath().equals("/login")) {
            return loginPage; // logged in at the provider already (its session cookie): straight back to identity
        }
        HttpResponse<String> page = get(loginPage);
        assertEquals(200, page.statusCode(), page.body());
        Matcher csrf = CSRF.matcher(page.body());
        assertTrue(csrf.find(), "the login page has a CSRF token: " + page.body());
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        URI continued = redirect(postForm(loginPage, Map.of("username", username, "password", password, "_csrf", token)));
        return redirect(get(continued));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

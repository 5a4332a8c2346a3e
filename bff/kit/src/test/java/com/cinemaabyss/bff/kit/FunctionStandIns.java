package com.cinemaabyss.bff.kit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The domain functions a BFF calls, stood in by one JDK HttpServer on 127.0.0.1 (the BFF's dependencies are HTTP):
 * canned answers in the functions' documented shapes, per path; a path can be made to fail (a status) or be slow.
 * Every request's path and forwarded headers are recorded. {@link #BAD_TOKEN} is refused with 401 everywhere.
 */
public final class FunctionStandIns implements AutoCloseable {

    public static final String TOKEN = "Bearer viewer-token";
    public static final String BAD_TOKEN = "Bearer expired-token";

    public record Seen(String path, String authorization, String country, String traceparent) {
    }

    private record Answer(int status, String body, Duration delay) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Answer> overrides = new ConcurrentHashMap<>();
    public final List<Seen> seen = new CopyOnWriteArrayList<>();

    public FunctionStandIns() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        canned();
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code status} (with a JSON error) on the path (without its query). */
    public void fail(String path, int status) {
        overrides.put(path, new Answer(status, "{\"error\":\"stand-in failure\"}", Duration.ZERO));
    }

    /** Answers the usual body, after {@code delay}. */
    public void slow(String path, Duration delay) {
        Answer usual = answers.get(path);
        overrides.put(path, new Answer(usual.status(), usual.body(), delay));
    }

    /** Back to the canned answers, nothing seen. */
    public void reset() {
        overrides.clear();
        seen.clear();
    }

    public List<String> pathsSeen() {
        return seen.stream().map(Seen::path).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            seen.add(new Seen(exchange.getRequestURI().toString(), authorization, exchange.getRequestHeaders().getFirst("X-Client-Country"),
                    exchange.getRequestHeaders().getFirst("traceparent")));
            Answer answer = overrides.getOrDefault(path, answers.get(path));
            if (answer == null) {
                answer = new Answer(404, "{\"error\":\"not found\"}", Duration.ZERO);
            } else if (BAD_TOKEN.equals(authorization)) {
                answer = new Answer(401, "{\"error\":\"the access token has expired\"}", Duration.ZERO);
            }
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // The BFF gave up on a slow answer and closed the connection: nothing to do.
        }
    }

    private void canned() {
        ok("/api/auth/me", """
                {"user_id":2,"email":"neo@matrix.io","username":"neo","roles":["viewer"],"email_verified":true}""");
        ok("/api/v1/me/profiles", """
                [{"id":4,"name":"Main","language":"en","max_age_rating":18,"kids":false,"created_at":"2026-11-01T00:00:00Z"},
                 {"id":5,"name":"Masha","language":"ru","max_age_rating":6,"kids":true,"created_at":"2026-11-02T00:00:00Z"}]""");
        ok("/api/v1/entitlements/me", """
                {"active":true,"plan_id":"premium-year","until":"2027-11-26T00:00:00Z","max_profiles":5}""");
        ok("/api/v1/subscriptions/me", """
                {"id":8,"plan_id":"premium-year","period":"year","status":"active","period_start":"2026-11-26T00:00:00Z",
                 "period_end":"2027-11-26T00:00:00Z","cancel_at_period_end":false,"max_profiles":5,"amount":17999,"currency":"EUR"}""");
        ok("/api/v1/me/continue-watching", """
                [{"title_id":42,"episode_id":1002,"season":1,"episode":2,"position_s":2700,"duration_s":2800,"finished":false,"at":"2026-11-25T20:00:00Z"},
                 {"title_id":99,"position_s":10,"duration_s":6000,"finished":false,"at":"2026-11-24T20:00:00Z"}]""");
        ok("/api/v1/me/recommendations", """
                {"profile_id":4,"source":"engine","items":[{"title_id":12,"title":"Stalker","genres":["Drama"],"reason":"because you watched Solaris"}]}""");
        ok("/api/v1/titles", """
                {"items":[{"id":7,"kind":"movie","title":"Solaris","original_title":"Солярис","release_year":1972,"genres":["Sci-Fi"],
                           "countries":["SU"],"age_rating":12,"rating":{"average":8.1,"votes":3},"poster":"https://img.example/7.jpg"},
                          {"id":42,"kind":"series","title":"Dark","release_year":2017,"genres":["Drama"],"countries":["DE"],"age_rating":16,
                           "rating":{"average":8.7,"votes":12}},
                          {"id":12,"kind":"movie","title":"Stalker","release_year":1979,"genres":["Drama","Sci-Fi"],"countries":["SU"],
                           "age_rating":12,"rating":{"average":8.3,"votes":5},"poster":"https://img.example/12.jpg"}],
                 "total":3,"facets":{"genres":[{"value":"Drama","count":2}],"countries":[{"value":"SU","count":2}],"decades":[{"value":"1970s","count":2}]},
                 "next_cursor":null}""");
        ok("/api/v1/titles/42", """
                {"id":42,"kind":"series","status":"published","title":"Dark","original_title":"Dark","description":"A missing child.",
                 "genres":["Drama"],"countries":["DE"],"original_language":"de","release_year":2017,"age_rating":16,
                 "images":{"poster":"https://img.example/42.jpg","backdrop":"https://img.example/42-wide.jpg"},
                 "people":[{"name":"Baran bo Odar","role":"director"},{"name":"Louis Hofmann","role":"actor","character":"Jonas"}],
                 "seasons":[{"number":1,"title":"Season 1","episodes":[{"id":1001,"number":1,"title":"Secrets","runtime_min":51,"description":"…"},
                                                                      {"id":1002,"number":2,"title":"Lies","runtime_min":44}]}],
                 "rating":{"average":8.7,"votes":12},"version":3,"updated_at":"2026-11-20T00:00:00Z"}""");
        ok("/api/v1/titles/12", """
                {"id":12,"kind":"movie","status":"published","title":"Stalker","genres":["Drama","Sci-Fi"],"countries":["SU"],
                 "original_language":"ru","release_year":1979,"age_rating":12,"runtime_min":161,"images":{"poster":"https://img.example/12.jpg"},
                 "people":[],"seasons":[],"rating":{"average":8.3,"votes":5},"version":1,"updated_at":"2026-11-20T00:00:00Z"}""");
        ok("/api/v1/playback/availability/42", """
                {"title_id":42,"episode_id":1001,"region":"RU","playable":true,"reason":null}""");
        ok("/api/v1/playback/availability/12", """
                {"title_id":12,"region":"RU","playable":false,"reason":"not_licensed"}""");
        ok("/api/v1/plans", """
                [{"id":"premium-year","name":"Premium, yearly","period":"year","prices":{"RUB":1799000,"EUR":17999},"trial_days":7,"max_profiles":5}]""");
        ok("/api/v1/me/titles/42", """
                {"profile_id":4,"title_id":42,"rating":9,"favorite":true,
                 "progress":{"title_id":42,"episode_id":1002,"season":1,"episode":2,"position_s":2700,"duration_s":2800,"finished":false,"at":"2026-11-25T20:00:00Z"}}""");
        ok("/api/v1/me/titles/12", """
                {"profile_id":4,"title_id":12,"rating":null,"favorite":false,"progress":null}""");
        ok("/api/v1/me/payments", """
                [{"payment_id":4,"user_id":2,"purpose":"checkout","status":"succeeded","amount":16199,"currency":"EUR","refunded_total":0,
                  "plan_id":"premium-year","checkout_id":1,"created_at":"2026-11-26T01:00:00Z"}]""");
        ok("/api/v1/loyalty/me", """
                {"user_id":2,"balance":161,"recent":[{"delta":161,"reason":"earned","payment_id":4,"balance":161,"at":"2026-11-26T01:00:01Z"}]}""");
        ok("/api/v1/me/notification-preferences", """
                {"channels":{"email":true,"push":false,"sms":false},"topics":{"new_episodes":true}}""");
    }

    private void ok(String path, String body) {
        answers.put(path, new Answer(200, body, Duration.ZERO));
    }
}

package com.cinemaabyss.events.deadletters;

import com.cinemaabyss.kit.auth.Role;
import com.cinemaabyss.kit.core.ErrorBody;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.web.Requests;
import com.cinemaabyss.kit.web.Responses;
import com.cinemaabyss.kit.web.auth.Callers;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/**
 * The dead-letter operator routes, for admins only (kit-web Callers: 401 without a token, 403 without the role):
 * <pre>
 * GET  /api/v1/dead-letters?subscription=&amp;type=&amp;since=&amp;until=&amp;state=parked|replayed|purged|all&amp;limit=
 * GET  /api/v1/dead-letters/{id}
 * POST /api/v1/dead-letters/{id}/replay        POST /api/v1/dead-letters/replay  {subscription?, type?, since?, until?, limit?}
 * POST /api/v1/dead-letters/{id}/purge         POST /api/v1/dead-letters/purge   (same filter)
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterRoutes {

    static final String PATH = "/api/v1/dead-letters";
    private static final Pattern SUBSCRIPTION = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    private static final Pattern TYPE = Pattern.compile("^[A-Za-z0-9._-]{1,200}$");
    private static final Set<String> STATES = Set.of(DeadLetterState.PARKED, DeadLetterState.REPLAYED, DeadLetterState.PURGED, "all");
    private static final int MAX_LIMIT = 500;
    private static final int MAX_DATA_CHARS = 65_536;

    /** The filter of the replay and purge POSTs. */
    public record FilterBody(String subscription, String type, String since, String until, Integer limit) {
    }

    @Bean
    RouterFunction<ServerResponse> deadLetterRouter(DeadLetters deadLetters, Callers callers) {
        return route()
                .GET(PATH, request -> {
                    admin(callers, request);
                    DeadLetters.Filter filter = new DeadLetters.Filter(subscription(request.param("subscription").orElse(null)),
                            type(request.param("type").orElse(null)), instant("since", request.param("since").orElse(null)),
                            instant("until", request.param("until").orElse(null)), state(request.param("state").orElse(DeadLetterState.PARKED)),
                            Requests.intParam(request, "limit", 1, MAX_LIMIT).orElse(100));
                    return Responses.ok(Map.of("items", deadLetters.list(filter).stream().map(l -> summary(l)).toList()));
                })
                .POST(PATH + "/replay", request -> {
                    admin(callers, request);
                    List<DeadLetters.Replay> replays = deadLetters.replayAll(filter(Requests.body(request, FilterBody.class)));
                    return Responses.ok(Map.of(
                            "replayed", replays.stream().filter(r -> r.outcome().delivered()).map(r -> r.letter().id()).toList(),
                            "failed", replays.stream().filter(r -> !r.outcome().delivered()).map(DeadLetterRoutes::failure).toList()));
                })
                .POST(PATH + "/purge", request -> {
                    admin(callers, request);
                    return Responses.ok(Map.of("purged", deadLetters.purgeAll(filter(Requests.body(request, FilterBody.class)))
                            .stream().map(DeadLetter::id).toList()));
                })
                .GET(PATH + "/{id}", request -> {
                    admin(callers, request);
                    return Responses.ok(details(deadLetters.show(request.pathVariable("id"))));
                })
                .POST(PATH + "/{id}/replay", request -> {
                    admin(callers, request);
                    DeadLetters.Replay replay = deadLetters.replay(request.pathVariable("id"));
                    if (!replay.outcome().delivered()) {
                        return ServerResponse.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.APPLICATION_JSON)
                                .body(new ErrorBody("the subscriber " + replay.letter().destination() + " answered "
                                        + (replay.outcome().status() == 0 ? "nothing" : replay.outcome().status()) + ": "
                                        + replay.outcome().detail()));
                    }
                    return Responses.ok(summary(replay.letter()));
                })
                .POST(PATH + "/{id}/purge", request -> {
                    admin(callers, request);
                    return Responses.ok(summary(deadLetters.purge(request.pathVariable("id"))));
                })
                .build();
    }

    private static void admin(Callers callers, ServerRequest request) {
        callers.requireRole(request, Role.ADMIN.wireName());
    }

    private static DeadLetters.Filter filter(FilterBody body) {
        if (body == null) {
            throw new InvalidInputException("the body is a JSON object: {subscription?, type?, since?, until?, limit?}");
        }
        int limit = body.limit() == null ? 100 : body.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("field 'limit' must be from 1 to " + MAX_LIMIT);
        }
        return new DeadLetters.Filter(subscription(body.subscription()), type(body.type()), instant("since", body.since()),
                instant("until", body.until()), DeadLetterState.PARKED, limit);
    }

    private static String subscription(String value) {
        if (value != null && !SUBSCRIPTION.matcher(value).matches()) {
            throw new InvalidInputException("'subscription' is a KafkaSource name (lowercase letters, digits, dashes; up to 63)");
        }
        return value;
    }

    private static String type(String value) {
        if (value != null && !TYPE.matcher(value).matches()) {
            throw new InvalidInputException("'type' is a CloudEvent type (letters, digits, '.', '_', '-'; up to 200)");
        }
        return value;
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.length() > 64 ? "x" : value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("'" + name + "' is an ISO-8601 instant, e.g. 2026-11-26T10:00:00Z");
        }
    }

    private static String state(String value) {
        if (!STATES.contains(value)) {
            throw new InvalidInputException("'state' is one of parked, replayed, purged, all");
        }
        return value;
    }

    private static Map<String, Object> failure(DeadLetters.Replay replay) {
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("id", replay.letter().id());
        failed.put("status", replay.outcome().status());
        failed.put("detail", replay.outcome().detail());
        return failed;
    }

    static Map<String, Object> summary(DeadLetter letter) {
        CloudEvent event = letter.event();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", letter.id());
        summary.put("subscription", letter.subscription());
        summary.put("parked_at", Instant.ofEpochMilli(letter.parkedAtMillis()).toString());
        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put("code", letter.errorCode());
        reason.put("data", letter.errorData());
        reason.put("destination", letter.destination());
        summary.put("reason", reason);
        Map<String, Object> ce = new LinkedHashMap<>();
        ce.put("id", event.getId());
        ce.put("type", event.getType());
        ce.put("source", event.getSource().toString());
        ce.put("subject", event.getSubject());
        ce.put("time", event.getTime() == null ? null : event.getTime().toString());
        summary.put("event", ce);
        summary.put("state", letter.state().status());
        summary.put("replays", letter.state().replays());
        summary.put("last_replay_at", letter.state().lastReplayAt());
        summary.put("last_replay_code", letter.state().lastReplayCode());
        summary.put("purged_at", letter.state().purgedAt());
        return summary;
    }

    /** The summary, plus the event's data (as text when it is UTF-8) and content type, and all its extensions. */
    static Map<String, Object> details(DeadLetter letter) {
        Map<String, Object> details = summary(letter);
        @SuppressWarnings("unchecked")
        Map<String, Object> ce = (Map<String, Object>) details.get("event");
        CloudEvent event = letter.event();
        ce.put("datacontenttype", event.getDataContentType());
        Map<String, Object> extensions = new LinkedHashMap<>();
        event.getExtensionNames().stream().sorted().forEach(name -> extensions.put(name, String.valueOf(event.getExtension(name))));
        ce.put("extensions", extensions);
        ce.put("data", Optional.ofNullable(event.getData()).map(data -> text(data.toBytes())).orElse(null));
        return details;
    }

    private static String text(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.length() > MAX_DATA_CHARS ? text.substring(0, MAX_DATA_CHARS) : text;
        } catch (CharacterCodingException e) {
            return "(" + bytes.length + " bytes, not UTF-8)";
        }
    }
}

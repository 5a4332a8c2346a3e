package com.cinemaabyss.bff.kit;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.kit.core.UnauthorizedException;
import com.cinemaabyss.kit.web.tracing.TraceHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * GETs to the domain functions with the caller's {@link Forwarded} headers, each bounded by the dependency's timeout
 * and by what is left of the part's {@link Budget}. The answer's status decides: 2xx is the body; 401 is the caller's
 * (the token is bad: the screen answers 401); 404 is "none" where the caller says so, else {@link NotFoundException};
 * 400 is {@link BadRequest} with the function's message (the part fails, unless the screen passes the caller's
 * parameters on and makes it the caller's 400); anything else fails the part.
 */
public final class Upstreams {

    static final int MAX_BODY_BYTES = 1 << 20;

    /** A function refused what the BFF asked (400): a failed part, or the caller's fault where the caller chose the parameters. */
    public static final class BadRequest extends DependencyFailedException {

        public BadRequest(String message) {
            super(message);
        }

        public InvalidInputException callersFault() {
            return new InvalidInputException(getMessage());
        }
    }

    private final BffSettings settings;
    private final JsonMapper json;
    private final HttpClient client;
    private final TraceHeaders trace;

    public Upstreams(BffSettings settings, JsonMapper json) {
        this(settings, json, TraceHeaders.NONE);
    }

    /** {@code trace}: the current span's W3C headers go with each call, so the functions' spans join the screen's trace. */
    public Upstreams(BffSettings settings, JsonMapper json, TraceHeaders trace) {
        this.trace = trace;
        this.settings = settings;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The body of a 2xx answer; 404 answers {@link NotFoundException}. */
    public JsonNode get(String dependency, String pathAndQuery, Forwarded caller, Budget budget) {
        return find(dependency, pathAndQuery, caller, budget)
                .orElseThrow(() -> new NotFoundException(dependency + " has no " + pathAndQuery.replaceAll("\\?.*", "")));
    }

    /** The body of a 2xx answer, or empty on a 404 (the dependency's way of saying "none"). */
    public Optional<JsonNode> find(String dependency, String pathAndQuery, Forwarded caller, Budget budget) {
        BffSettings.Dependency target = settings.dependency(dependency);
        Duration timeout = budget.within(target.timeout());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(target) + pathAndQuery)).timeout(timeout)
                .header("Accept", "application/json").GET();
        caller.headers().forEach(request::header);
        trace.current().forEach(request::header);
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException | InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw new DependencyFailedException(dependency + ": interrupted");
        } catch (IOException e) {
            throw new DependencyFailedException(dependency + ": " + e.getClass().getSimpleName());
        }
        int status = answer.statusCode();
        if (status >= 200 && status < 300) {
            return Optional.of(parse(dependency, answer.body()));
        }
        return switch (status) {
            case 401 -> throw new UnauthorizedException(errorOf(answer.body(), "the access token was refused"));
            case 404 -> Optional.empty();
            case 400 -> throw new BadRequest(errorOf(answer.body(), dependency + " refused the request"));
            default -> throw new DependencyFailedException(dependency + " answered " + status);
        };
    }

    private static String base(BffSettings.Dependency target) {
        String url = target.url().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private JsonNode parse(String dependency, byte[] body) {
        if (body.length > MAX_BODY_BYTES) {
            throw new DependencyFailedException(dependency + " answered more than " + MAX_BODY_BYTES + " bytes");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new DependencyFailedException(dependency + " answered a body that is not JSON");
        }
    }

    private String errorOf(byte[] body, String otherwise) {
        try {
            String error = json.readTree(body).path("error").asString("");
            return error.isBlank() || error.length() > 500 ? otherwise : error;
        } catch (JacksonException e) {
            return otherwise;
        }
    }
}

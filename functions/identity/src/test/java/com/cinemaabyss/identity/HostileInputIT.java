package com.cinemaabyss.identity;

import com.cinemaabyss.kit.test.HostileRequests;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whatever a client throws at identity's routes, it answers below 500, says what it refused in JSON, and is still up
 * afterwards. Bounded: a few hundred requests (logins hash, so fewer than elsewhere).
 */
class HostileInputIT {

    private static final List<String> PATHS = List.of("/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout",
            "/api/auth/me", "/api/auth/users/{id}/roles", "/api/auth/verify-email/request", "/api/auth/verify-email",
            "/api/auth/password-reset/request", "/api/auth/password-reset", "/.well-known/jwks.json", "/api/auth/health", "/api/auth/{id}",
            "/api/auth/sso/{id}/authorize", "/api/auth/sso/{id}/callback", "/api/auth/sso/corp/callback?code={id}&state={id}",
            "/api/auth/sso/corp/callback?error={id}&error_description={id}");
    private static final List<String> FIELDS = List.of("email", "password", "username", "refresh_token", "token", "new_password", "roles", "id");

    private static ConfigurableApplicationContext identity;
    private static TestHttp http;

    @BeforeContainer
    static void start() {
        List<String> arguments = new ArrayList<>(List.of(SharedTestInfra.functionAppArguments()));
        // Every request comes from 127.0.0.1: keep the address lock out of the way of what is being tested here.
        arguments.add("--cinemaabyss.identity.login.address-limit=100000");
        // A configured provider, so the SSO routes get past "no such provider"; nothing is asked of it before a state is found.
        arguments.add("--cinemaabyss.identity.sso.providers.corp.issuer=http://127.0.0.1:9/");
        arguments.add("--cinemaabyss.identity.sso.providers.corp.client-id=cinemaabyss");
        arguments.add("--cinemaabyss.identity.sso.providers.corp.redirect-uri=http://127.0.0.1:9/api/auth/sso/corp/callback");
        identity = new SpringApplicationBuilder(IdentityApplication.class).run(arguments.toArray(String[]::new));
        http = TestHttp.at(Integer.parseInt(identity.getEnvironment().getProperty("local.server.port")));
    }

    @AfterContainer
    static void stop() {
        assertEquals(200, http.get("/api/auth/health").statusCode(), "identity must still answer after all of it");
        identity.close();
    }

    @Property(tries = 250)
    void nothingAClientSendsIsAServerError(@ForAll("hostile") HostileRequests.Request request) {
        HostileRequests.assertHandled(request, http.send(request.on(http)));
    }

    @Provide
    Arbitrary<HostileRequests.Request> hostile() {
        return HostileRequests.on(PATHS, FIELDS).map(request -> request.headers().containsKey("Authorization") ? request
                : new HostileRequests.Request(request.method(), request.pathAndQuery(), withHostileAuth(request), request.body()));
    }

    /** Half the requests also carry a hostile Authorization header or X-User-Id. */
    private static java.util.Map<String, String> withHostileAuth(HostileRequests.Request request) {
        java.util.Map<String, String> headers = new java.util.HashMap<>(request.headers());
        int pick = Math.floorMod(request.body().hashCode() + request.pathAndQuery().hashCode(), 6);
        switch (pick) {
            case 0 -> headers.put("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.");
            case 1 -> headers.put("Authorization", "Bearer " + "x".repeat(9_000));
            case 2 -> headers.put("X-User-Id", "99999999999999999999");
            default -> {
            }
        }
        return headers;
    }
}

package com.cinemaabyss.discounts;

import com.cinemaabyss.kit.test.HostileRequests;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.kit.test.TestIdentity;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whatever a client throws at discounts' routes, signed in as a viewer, as an admin, with a forged token or none, it
 * answers below 500, says what it refused in JSON, and is still up afterwards.
 */
class HostileInputIT {

    private static final List<String> PATHS = List.of("/api/v1/plans", "/api/v1/plans/{id}", "/api/v1/plans/basic-month",
            "/api/v1/promo-codes", "/api/v1/promo-codes/{id}", "/api/v1/loyalty/me", "/api/v1/quotes", "/api/v1/quotes/{id}",
            "/api/v1/discounts/health", "/internal/events/billing-events");
    private static final List<String> FIELDS = List.of("plan_id", "promo_code", "use_points", "currency", "code", "kind", "percent",
            "amounts", "valid_from", "valid_until", "plan_ids", "max_uses", "per_user_limit", "name", "period", "prices", "trial_days",
            "max_profiles", "checkout_id", "payment_id", "user_id", "quote_id", "id");

    private static ConfigurableApplicationContext discounts;
    private static TestHttp http;

    @BeforeContainer
    static void start() {
        List<String> arguments = new ArrayList<>(List.of(SharedTestInfra.functionAppArguments()));
        TestIdentity.shared().properties().forEach((name, value) -> arguments.add("--" + name + "=" + value.get()));
        arguments.add("--cinemaabyss.discounts.seed-demo=true");
        discounts = new SpringApplicationBuilder(DiscountsApplication.class).run(arguments.toArray(String[]::new));
        http = TestHttp.at(Integer.parseInt(discounts.getEnvironment().getProperty("local.server.port")));
    }

    @AfterContainer
    static void stop() {
        assertEquals(200, http.get("/api/v1/discounts/health").statusCode(), "discounts must still answer after all of it");
        discounts.close();
    }

    @Property(tries = 300)
    void nothingAClientSendsIsAServerError(@ForAll("hostile") HostileRequests.Request request) {
        HostileRequests.assertHandled(request, http.send(request.on(http)));
    }

    @Provide
    Arbitrary<HostileRequests.Request> hostile() {
        return HostileRequests.on(PATHS, FIELDS).map(request ->
                new HostileRequests.Request(request.method(), request.pathAndQuery(), withCaller(request), request.body()));
    }

    /** Most requests get past authentication (a viewer or an admin), so the parsing behind it is what is tried. */
    private static Map<String, String> withCaller(HostileRequests.Request request) {
        Map<String, String> headers = new HashMap<>(request.headers());
        int pick = Math.floorMod(request.body().hashCode() * 31 + request.pathAndQuery().hashCode(), 8);
        switch (pick) {
            case 0 -> headers.put("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.");
            case 1 -> headers.put("Authorization", "Bearer " + "x".repeat(9_000));
            case 2 -> headers.put("X-User-Id", "99999999999999999999");
            case 3, 4 -> headers.put("Authorization", TestIdentity.shared().bearer(7, "viewer"));
            default -> headers.put("Authorization", TestIdentity.shared().bearer(1, "admin"));
        }
        if (pick % 2 == 0) {
            headers.put("ce-specversion", "1.0");
            headers.put("ce-id", "hostile-" + pick);
            headers.put("ce-source", "/cinemaabyss/payments");
            headers.put("ce-type", pick == 4 ? "com.cinemaabyss.payments.checkout.started.v1" : "com.cinemaabyss.payments.payment.succeeded.v1");
        }
        return headers;
    }
}

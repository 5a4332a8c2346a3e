package com.cinemaabyss.subscriptions;

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
 * Whatever a client (or a broken event) throws at subscriptions' routes, it answers below 500 and says what it refused
 * in JSON, and is still up afterwards. Half the requests carry a valid user token or the delivery token, so the
 * hostile parts reach the code behind the checks.
 */
class HostileInputIT {

    private static final List<String> PATHS = List.of("/api/v1/subscriptions/me", "/api/v1/subscriptions/me/cancel",
            "/api/v1/entitlements/me", "/api/v1/subscriptions/health", "/api/v1/subscriptions/{id}", "/internal/events/billing-events",
            "/internal/schedules/renewals", "/internal/{id}");
    private static final List<String> FIELDS = List.of("payment_id", "user_id", "purpose", "subscription_id", "plan_id", "period",
            "max_profiles", "trial_days", "amount", "currency", "refund_id", "paid_amount", "full", "occurred_at", "id");

    private static ConfigurableApplicationContext app;
    private static TestHttp http;

    @BeforeContainer
    static void start() {
        List<String> arguments = new ArrayList<>(List.of(SharedTestInfra.functionAppArguments()));
        TestIdentity.shared().properties().forEach((name, value) -> arguments.add("--" + name + "=" + value.get()));
        arguments.add("--cinemaabyss.eventing.delivery-token=" + Billing.TOKEN);
        app = new SpringApplicationBuilder(SubscriptionsApplication.class).run(arguments.toArray(String[]::new));
        http = TestHttp.at(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    @AfterContainer
    static void stop() {
        assertEquals(200, http.get("/api/v1/subscriptions/health").statusCode(), "subscriptions must still answer after all of it");
        app.close();
    }

    @Property(tries = 250)
    void nothingAClientSendsIsAServerError(@ForAll("hostile") HostileRequests.Request request) {
        HostileRequests.assertHandled(request, http.send(request.on(http)));
    }

    @Provide
    Arbitrary<HostileRequests.Request> hostile() {
        return HostileRequests.on(PATHS, FIELDS).map(request -> new HostileRequests.Request(request.method(), request.pathAndQuery(),
                withCredentials(request), request.body()));
    }

    /** A valid user token, the delivery token with CloudEvent headers of the billing types, a forged token, or none. */
    private static Map<String, String> withCredentials(HostileRequests.Request request) {
        Map<String, String> headers = new HashMap<>(request.headers());
        int pick = Math.floorMod(request.body().hashCode() * 31 + request.pathAndQuery().hashCode(), 6);
        switch (pick) {
            case 0 -> headers.put("Authorization", TestIdentity.shared().bearer(Billing.newId()));
            case 1, 2 -> {
                headers.put("Authorization", "Bearer " + Billing.TOKEN);
                headers.put("ce-specversion", "1.0");
                headers.put("ce-id", "hostile-" + Math.abs(request.body().hashCode()));
                headers.put("ce-source", "/hostile");
                headers.put("ce-type", List.of(Billing.SUCCEEDED, Billing.FAILED, Billing.REFUNDED).get(pick == 1 ? 0 : Math.floorMod(request.body().length(), 3)));
            }
            case 3 -> headers.put("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.");
            default -> {
            }
        }
        return headers;
    }
}

package com.cinemaabyss.payments;

import com.cinemaabyss.kit.test.HostileRequests;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.kit.test.TestIdentity;
import com.cinemaabyss.sandbox.PaymentSandbox;
import com.cinemaabyss.sandbox.SandboxSettings;
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
 * Whatever a client (or someone posing as the provider, or as the eventing layer) throws at payments' routes, it answers
 * below 500, says what it refused in JSON, and is still up afterwards.
 */
class HostileInputIT {

    private static final List<String> PATHS = List.of("/api/v1/checkouts", "/api/v1/checkouts/{id}", "/api/v1/payments/{id}",
            "/api/v1/payments/{id}/refunds", "/api/v1/payments/webhooks/sandbox", "/api/v1/payments/webhooks/{id}",
            "/api/v1/payments/health", "/internal/events/discount-events", "/internal/events/subscription-events");
    private static final List<String> FIELDS = List.of("quote_id", "payment_token", "amount", "id", "type", "data", "checkout_id", "payment_id");

    private static PaymentSandbox sandbox;
    private static ConfigurableApplicationContext payments;
    private static TestHttp http;

    @BeforeContainer
    static void start() {
        sandbox = PaymentSandbox.start(SandboxSettings.forTests("sk_hostile", "whsec_hostile"));
        List<String> arguments = new ArrayList<>(List.of(SharedTestInfra.functionAppArguments()));
        TestIdentity.shared().properties().forEach((name, value) -> arguments.add("--" + name + "=" + value.get()));
        arguments.add("--cinemaabyss.payments.provider.url=" + sandbox.url());
        arguments.add("--cinemaabyss.payments.provider.api-key=sk_hostile");
        arguments.add("--cinemaabyss.payments.provider.webhook-secret=whsec_hostile");
        payments = new SpringApplicationBuilder(PaymentsApplication.class).run(arguments.toArray(String[]::new));
        http = TestHttp.at(Integer.parseInt(payments.getEnvironment().getProperty("local.server.port")));
    }

    @AfterContainer
    static void stop() {
        assertEquals(200, http.get("/api/v1/payments/health").statusCode(), "payments must still answer after all of it");
        payments.close();
        sandbox.close();
    }

    @Property(tries = 250)
    void nothingAClientSendsIsAServerError(@ForAll("hostile") HostileRequests.Request request) {
        HostileRequests.assertHandled(request, http.send(request.on(http)));
    }

    @Provide
    Arbitrary<HostileRequests.Request> hostile() {
        return HostileRequests.on(PATHS, FIELDS).map(request -> new HostileRequests.Request(request.method(), request.pathAndQuery(),
                withHostileHeaders(request), request.body()));
    }

    /** Most requests carry a valid user's or admin's token (to get past 401), some a signature or CloudEvent headers. */
    private static Map<String, String> withHostileHeaders(HostileRequests.Request request) {
        Map<String, String> headers = new HashMap<>(request.headers());
        int pick = Math.floorMod(request.body().hashCode() * 31 + request.pathAndQuery().hashCode(), 8);
        switch (pick) {
            case 0, 1 -> headers.put("Authorization", TestIdentity.shared().bearer(4));
            case 2, 3 -> headers.put("Authorization", TestIdentity.shared().bearer(2, "admin"));
            case 4 -> headers.put("Sandbox-Signature", "t=" + (System.currentTimeMillis() / 1000) + ",v1=" + "0".repeat(64));
            case 5 -> {
                headers.put("ce-specversion", "1.0");
                headers.put("ce-id", "hostile-" + request.hashCode());
                headers.put("ce-source", "/hostile");
                headers.put("ce-type", pick % 2 == 0 ? "com.cinemaabyss.discounts.quote.confirmed.v1"
                        : "com.cinemaabyss.subscriptions.subscription.renewal_requested.v1");
            }
            case 6 -> headers.put("Authorization", "Bearer " + "x".repeat(9_000));
            default -> {
            }
        }
        return headers;
    }
}

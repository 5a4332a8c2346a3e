package com.cinemaabyss.notifications;

import com.cinemaabyss.contracts.EventTypes;
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
 * Whatever a client, a forged unsubscribe link or a broken event throws at notifications' routes, it answers below 500
 * with a JSON error and is still up afterwards. Most requests carry a valid user token or the delivery token with one
 * of the event types it acts on, so the hostile parts reach the code behind the checks (and the mail server is real).
 */
class HostileInputIT {

    private static final List<String> PATHS = List.of("/api/v1/me/notification-preferences", "/api/v1/notifications/unsubscribe",
            "/api/v1/notifications/unsubscribe?user={id}&channel=email&sig={id}", "/api/v1/notifications/health",
            "/internal/events/user-events", "/internal/events/user-changes", "/internal/events/billing-events",
            "/internal/events/subscription-events", "/api/v1/campaigns", "/api/v1/campaigns/{id}", "/internal/events/subscription-changes",
            "/internal/events/campaign-recipients", "/api/v1/me/push-subscriptions");
    private static final List<String> FIELDS = List.of("language", "email", "push", "sms", "marketing", "transactional", "user_id", "id",
            "username", "token", "expires_at", "payment_id", "amount", "list_price", "currency", "plan_id", "purpose", "occurred_at", "version",
            "template", "channel", "segment", "plans", "countries", "languages", "campaign_id", "status",
            "endpoint", "keys", "p256dh", "auth", "expirationTime");
    private static final List<String> TYPES = List.of(EventTypes.USER_REGISTERED, EventTypes.USER_EMAIL_VERIFICATION_REQUESTED,
            EventTypes.USER_UPSERTED, EventTypes.PAYMENT_SUCCEEDED, EventTypes.PAYMENT_REFUNDED, EventTypes.SUBSCRIPTION_RENEWAL_UPCOMING,
            EventTypes.SUBSCRIPTION_UPSERTED, EventTypes.CAMPAIGN_RECIPIENT_QUEUED);

    private static Mailboxes mail;
    private static ConfigurableApplicationContext app;
    private static TestHttp http;

    @BeforeContainer
    static void start() {
        mail = new Mailboxes();
        List<String> arguments = new ArrayList<>(List.of(SharedTestInfra.functionAppArguments()));
        // The shared embedded Kafka: a campaign the hostile requests happen to make well-formed publishes its fan-out there.
        TestIdentity.shared().properties().forEach((name, value) -> arguments.add("--" + name + "=" + value.get()));
        arguments.add("--cinemaabyss.eventing.delivery-token=" + NotificationsIT.TOKEN);
        arguments.add("--cinemaabyss.notifications.unsubscribe.secret=hostile-test-secret-of-at-least-32-bytes");
        arguments.add("--spring.mail.port=" + mail.smtpPort());
        app = new SpringApplicationBuilder(NotificationsApplication.class).run(arguments.toArray(String[]::new));
        http = TestHttp.at(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    @AfterContainer
    static void stop() {
        assertEquals(200, http.get("/api/v1/notifications/health").statusCode(), "notifications must still answer after all of it");
        app.close();
        mail.close();
    }

    @Property(tries = 200)
    void nothingAClientSendsIsAServerError(@ForAll("hostile") HostileRequests.Request request) {
        HostileRequests.assertHandled(request, http.send(request.on(http)));
    }

    @Provide
    Arbitrary<HostileRequests.Request> hostile() {
        return HostileRequests.on(PATHS, FIELDS).map(request -> new HostileRequests.Request(request.method(), request.pathAndQuery(),
                withCredentials(request), request.body()));
    }

    private static Map<String, String> withCredentials(HostileRequests.Request request) {
        Map<String, String> headers = new HashMap<>(request.headers());
        int pick = Math.floorMod(request.body().hashCode() * 31 + request.pathAndQuery().hashCode(), 8);
        if (pick < 3) {
            headers.put("Authorization", pick == 2 ? TestIdentity.shared().bearer(800_000_000L + pick, "admin")
                    : TestIdentity.shared().bearer(800_000_000L + pick));
        } else if (pick < 7) {
            headers.put("Authorization", "Bearer " + NotificationsIT.TOKEN);
            headers.put("ce-specversion", "1.0");
            headers.put("ce-id", "hostile-" + Math.abs(request.body().hashCode()));
            headers.put("ce-source", "/cinemaabyss/hostile");
            headers.put("ce-type", TYPES.get(pick % TYPES.size()));
            headers.put("Content-Type", "application/json");
        }
        return headers;
    }
}

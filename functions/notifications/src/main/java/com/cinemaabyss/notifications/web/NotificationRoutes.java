package com.cinemaabyss.notifications.web;

import com.cinemaabyss.kit.web.CloudEventRequests;
import com.cinemaabyss.kit.web.IdempotencyFilter;
import com.cinemaabyss.kit.web.Requests;
import com.cinemaabyss.notifications.campaigns.Campaign;
import com.cinemaabyss.notifications.campaigns.CampaignRequest;
import com.cinemaabyss.notifications.campaigns.Campaigns;
import org.springframework.http.MediaType;
import com.cinemaabyss.notifications.push.PushSubscriptionRequest;
import com.cinemaabyss.notifications.push.PushSubscriptions;
import java.util.List;
import com.cinemaabyss.kit.web.Responses;
import com.cinemaabyss.kit.web.auth.Callers;
import com.cinemaabyss.notifications.domain.Preferences;
import com.cinemaabyss.notifications.domain.PreferencesUpdate;
import com.cinemaabyss.notifications.functions.NotificationFunctions.PreferenceChange;
import com.cinemaabyss.notifications.mail.UnsubscribeLinks;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/**
 * notifications' routes: the caller's preferences (signed in), one-click unsubscribe (public: the link's signature is
 * the proof), the VAPID public key (public), and the event deliveries of the topics it reads.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationRoutes {

    public static final String HEALTH_PATH = "/api/v1/notifications/health";
    public static final String PREFERENCES_PATH = "/api/v1/me/notification-preferences";
    public static final String CAMPAIGNS_PATH = "/api/v1/campaigns";
    public static final String PUSH_SUBSCRIPTIONS_PATH = "/api/v1/me/push-subscriptions";
    /** Public: the VAPID key a browser subscribes with (PushManager.subscribe's applicationServerKey). */
    public static final String PUSH_KEY_PATH = "/api/v1/notifications/push-key";
    public static final String[] EVENT_PATHS = {"/internal/events/user-events", "/internal/events/user-changes",
            "/internal/events/billing-events", "/internal/events/subscription-events", "/internal/events/subscription-changes",
            "/internal/events/campaign-recipients", "/internal/events/profile-events", "/internal/events/title-changes"};

    @Bean
    RouterFunction<ServerResponse> notificationsApi(Callers callers, Function<Long, Preferences> getPreferences,
                                                    Function<PreferenceChange, Preferences> updatePreferences,
                                                    Function<UnsubscribeLinks.Target, Preferences> unsubscribe,
                                                    UnsubscribeLinks links, Consumer<CloudEvent> notifyOnEvent,
                                                    Function<Campaigns.Post, Campaign> createCampaign, Function<String, Campaign> getCampaign,
                                                    Function<PushSubscriptions.Subscribe, PushSubscriptions.View> subscribePush,
                                                    Function<Long, List<PushSubscriptions.View>> listPushSubscriptions,
                                                    com.cinemaabyss.notifications.providers.Vapid vapid) {
        var routes = route()
                .GET(HEALTH_PATH, request -> Responses.healthy())
                .GET(PUSH_KEY_PATH, request -> Responses.ok(Map.of("public_key", vapid.publicKey())))
                .GET(PREFERENCES_PATH, request -> Responses.ok(getPreferences.apply(callers.require(request).userId())))
                .PUT(PREFERENCES_PATH, request -> {
                    long me = callers.require(request).userId();
                    return Responses.ok(updatePreferences.apply(new PreferenceChange(me, Requests.body(request, PreferencesUpdate.class))));
                })
                .POST(PUSH_SUBSCRIPTIONS_PATH, request -> {
                    long me = callers.require(request).userId();
                    PushSubscriptions.View created = subscribePush.apply(
                            new PushSubscriptions.Subscribe(me, Requests.body(request, PushSubscriptionRequest.class)));
                    return ServerResponse.status(201).contentType(MediaType.APPLICATION_JSON).body(created);
                })
                .GET(PUSH_SUBSCRIPTIONS_PATH, request -> Responses.ok(Map.of("items",
                        listPushSubscriptions.apply(callers.require(request).userId()))))
                .POST(CAMPAIGNS_PATH, request -> {
                    long admin = callers.requireRole(request, "admin").userId();
                    CampaignRequest body = Requests.body(request, CampaignRequest.class);
                    Campaign created = createCampaign.apply(new Campaigns.Post(admin,
                            request.headers().firstHeader(IdempotencyFilter.KEY_HEADER), body));
                    return ServerResponse.status(202).contentType(MediaType.APPLICATION_JSON).body(created);
                })
                .GET(CAMPAIGNS_PATH + "/{id}", request -> {
                    callers.requireRole(request, "admin");
                    return Responses.ok(getCampaign.apply(request.pathVariable("id")));
                })
                // RFC 8058: the mail client POSTs the link (body "List-Unsubscribe=One-Click", not needed: the link says it all).
                .POST(UnsubscribeLinks.PATH, request -> {
                    Preferences now = unsubscribe.apply(target(links, request));
                    return Responses.ok(Map.of("unsubscribed", true, "channel", target(links, request).channel().code(), "user_id", now.userId()));
                })
                // A GET (a person following the link, or a scanner prefetching it) only checks it: unsubscribing takes a POST.
                .GET(UnsubscribeLinks.PATH, request -> {
                    UnsubscribeLinks.Target target = target(links, request);
                    return Responses.ok(Map.of("valid", true, "channel", target.channel().code(),
                            "unsubscribe", "POST this same URL to stop marketing on this channel"));
                });
        for (String path : EVENT_PATHS) {
            routes.POST(path, CloudEventRequests.deliverTo(notifyOnEvent));
        }
        return routes.filter(Responses.jsonErrors()).build();
    }

    private static UnsubscribeLinks.Target target(UnsubscribeLinks links, ServerRequest request) {
        return links.verify(request.param("user").orElse(null), request.param("channel").orElse(null), request.param("sig").orElse(null));
    }
}

package com.cinemaabyss.subscriptions.web;

import com.cinemaabyss.kit.web.CloudEventRequests;
import com.cinemaabyss.kit.web.Responses;
import com.cinemaabyss.kit.web.auth.Callers;
import com.cinemaabyss.subscriptions.domain.Entitlement;
import com.cinemaabyss.subscriptions.domain.SubscriptionView;
import com.cinemaabyss.subscriptions.functions.TickReport;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/**
 * The caller's own subscription and entitlement (the user is the verified token's subject, never a parameter), the
 * billing-events sink and the renewal schedule's sink (both under /internal: the eventing layer only).
 */
@Configuration(proxyBeanMethods = false)
public class SubscriptionRoutes {

    public static final String BILLING_EVENTS_PATH = "/internal/events/billing-events";
    public static final String RENEWALS_PATH = "/internal/schedules/renewals";

    private static final Logger log = LoggerFactory.getLogger(SubscriptionRoutes.class);

    @Bean
    RouterFunction<ServerResponse> subscriptionApi(Callers callers, Function<Long, SubscriptionView> mySubscription,
                                                   Function<Long, SubscriptionView> cancelMySubscription,
                                                   Function<Long, Entitlement> myEntitlement,
                                                   Consumer<CloudEvent> applyBillingEvent, Supplier<TickReport> renewalTick) {
        return route()
                .GET("/api/v1/subscriptions/health", request -> Responses.healthy())
                .GET("/api/v1/subscriptions/me", request -> Responses.ok(mySubscription.apply(callers.require(request).userId())))
                .POST("/api/v1/subscriptions/me/cancel", request -> Responses.ok(cancelMySubscription.apply(callers.require(request).userId())))
                .GET("/api/v1/entitlements/me", request -> Responses.ok(myEntitlement.apply(callers.require(request).userId())))
                .POST(BILLING_EVENTS_PATH, CloudEventRequests.deliverTo(applyBillingEvent))
                .POST(RENEWALS_PATH, request -> {
                    // A PingSource delivery (dev.knative.sources.ping); what it carries does not matter, only that it came.
                    CloudEvent ping = CloudEventRequests.read(request);
                    log.debug("renewal tick from {} ({})", ping.getSource(), ping.getId());
                    return Responses.ok(renewalTick.get());
                })
                .filter(Responses.jsonErrors())
                .build();
    }
}

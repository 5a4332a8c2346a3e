package com.cinemaabyss.discounts.web;

import com.cinemaabyss.discounts.domain.LoyaltyView;
import com.cinemaabyss.discounts.domain.NewPromoCode;
import com.cinemaabyss.discounts.domain.Plan;
import com.cinemaabyss.discounts.domain.PlanUpdate;
import com.cinemaabyss.discounts.domain.PromoCode;
import com.cinemaabyss.discounts.domain.Quote;
import com.cinemaabyss.discounts.domain.QuoteRequest;
import com.cinemaabyss.kit.web.CloudEventRequests;
import com.cinemaabyss.kit.web.Requests;
import com.cinemaabyss.kit.web.Responses;
import com.cinemaabyss.kit.web.auth.Caller;
import com.cinemaabyss.kit.web.auth.Callers;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/**
 * discounts' routes, each bound to a function bean. The plans are public (the gateway lets anyone read them before
 * signing up); changing a plan and creating a promo code take the admin role; the rest a signed-in user, who is who
 * the verified access token says, never a header or a body field.
 */
@Configuration(proxyBeanMethods = false)
public class DiscountRoutes {

    public static final String HEALTH_PATH = "/api/v1/discounts/health";
    public static final String BILLING_EVENTS_PATH = "/internal/events/billing-events";

    @Bean
    RouterFunction<ServerResponse> discountApi(Callers callers, Supplier<List<Plan>> listPlans, Function<Plan, Plan> putPlan,
                                               Function<NewPromoCode, Message<PromoCode>> createPromoCode,
                                               Function<Long, LoyaltyView> loyaltyOf,
                                               Function<QuoteRequest.Order, Message<Quote>> createQuote,
                                               Consumer<CloudEvent> applyBillingEvent) {
        return route()
                .GET(HEALTH_PATH, request -> Responses.healthy())
                .GET("/api/v1/plans", request -> Responses.ok(listPlans.get()))
                .PUT("/api/v1/plans/{id}", request -> {
                    callers.requireRole(request, Caller.ADMIN);
                    PlanUpdate update = Requests.body(request, PlanUpdate.class);
                    return Responses.ok(putPlan.apply(update.withId(request.pathVariable("id"))));
                })
                .POST("/api/v1/promo-codes", request -> {
                    callers.requireRole(request, Caller.ADMIN);
                    return Responses.of(createPromoCode.apply(Requests.body(request, NewPromoCode.class)));
                })
                .GET("/api/v1/loyalty/me", request -> Responses.ok(loyaltyOf.apply(callers.require(request).userId())))
                .POST("/api/v1/quotes", request -> {
                    Caller caller = callers.require(request);
                    return Responses.of(createQuote.apply(Requests.body(request, QuoteRequest.class).by(caller.userId())));
                })
                .POST(BILLING_EVENTS_PATH, CloudEventRequests.deliverTo(applyBillingEvent))
                .filter(Responses.jsonErrors())
                .build();
    }
}

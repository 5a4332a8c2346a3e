package com.cinemaabyss.payments.web;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.web.CloudEventRequests;
import com.cinemaabyss.kit.web.IdempotencyFilter;
import com.cinemaabyss.kit.web.Requests;
import com.cinemaabyss.kit.web.Responses;
import com.cinemaabyss.kit.web.auth.Caller;
import com.cinemaabyss.kit.web.auth.Callers;
import com.cinemaabyss.payments.domain.CheckoutView;
import com.cinemaabyss.payments.domain.Commands;
import com.cinemaabyss.payments.domain.NewCheckout;
import com.cinemaabyss.payments.domain.NewRefund;
import com.cinemaabyss.payments.domain.PaymentView;
import com.cinemaabyss.payments.domain.RefundView;
import com.cinemaabyss.payments.domain.Started;
import com.cinemaabyss.payments.provider.WebhookSignatures;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/**
 * payments' routes, each bound to a function bean. Callers come from the forwarded access token (kit Callers); the
 * provider's webhooks carry no token (the gateway leaves them public) and are believed only for their signature.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentRoutes {

    public static final String DISCOUNT_EVENTS_PATH = "/internal/events/discount-events";
    public static final String SUBSCRIPTION_EVENTS_PATH = "/internal/events/subscription-events";
    private static final int MAX_ID_DIGITS = 18;
    static final int DEFAULT_PAYMENTS = 20;
    static final int MAX_PAYMENTS = 50;

    @Bean
    RouterFunction<ServerResponse> paymentApi(Callers callers,
                                              Function<Commands.StartCheckout, Message<Started>> startCheckout,
                                              Function<Commands.ShowCheckout, CheckoutView> getCheckout,
                                              Function<Commands.ShowPayment, PaymentView> getPayment,
                                              Function<Commands.MyPayments, List<PaymentView>> listMyPayments,
                                              Function<Commands.Refund, Message<RefundView>> refundPayment,
                                              Function<Commands.Webhook, Commands.WebhookReceived> receiveProviderWebhook,
                                              Consumer<CloudEvent> applyDiscountEvent,
                                              Consumer<CloudEvent> applySubscriptionEvent) {
        return route()
                .GET("/api/v1/payments/health", request -> Responses.healthy())
                .POST("/api/v1/checkouts", request -> {
                    Caller caller = callers.require(request);
                    if (request.headers().firstHeader(IdempotencyFilter.KEY_HEADER) == null) {
                        throw new InvalidInputException("header '" + IdempotencyFilter.KEY_HEADER + "' is required: a retried checkout must not pay twice");
                    }
                    return Responses.of(startCheckout.apply(new Commands.StartCheckout(caller.userId(), Requests.body(request, NewCheckout.class))));
                })
                .GET("/api/v1/checkouts/{id}", request -> Responses.ok(
                        getCheckout.apply(new Commands.ShowCheckout(callers.require(request).userId(), id(request)))))
                .POST("/api/v1/payments/webhooks/{provider}", request -> Responses.ok(receiveProviderWebhook.apply(
                        new Commands.Webhook(request.pathVariable("provider"), request.headers().firstHeader(WebhookSignatures.HEADER), body(request)))))
                .GET("/api/v1/me/payments", request -> Responses.ok(listMyPayments.apply(new Commands.MyPayments(
                        callers.require(request).userId(), Requests.intParam(request, "limit", 1, MAX_PAYMENTS).orElse(DEFAULT_PAYMENTS)))))
                .GET("/api/v1/payments/{id}", request -> {
                    Caller caller = callers.require(request);
                    return Responses.ok(getPayment.apply(new Commands.ShowPayment(caller.userId(), caller.hasRole(Caller.ADMIN), id(request))));
                })
                .POST("/api/v1/payments/{id}/refunds", request -> {
                    callers.requireRole(request, Caller.ADMIN);
                    long id = id(request);
                    NewRefund refund = hasBody(request) ? Requests.body(request, NewRefund.class) : new NewRefund(null);
                    return Responses.of(refundPayment.apply(new Commands.Refund(id, refund)));
                })
                .POST(DISCOUNT_EVENTS_PATH, CloudEventRequests.deliverTo(applyDiscountEvent))
                .POST(SUBSCRIPTION_EVENTS_PATH, CloudEventRequests.deliverTo(applySubscriptionEvent))
                .filter(Responses.jsonErrors())
                .build();
    }

    static long id(ServerRequest request) {
        String raw = request.pathVariable("id");
        if (raw.isEmpty() || raw.length() > MAX_ID_DIGITS || !raw.chars().allMatch(Character::isDigit) || raw.charAt(0) == '0') {
            throw new InvalidInputException("path id must be a positive integer");
        }
        return Long.parseLong(raw);
    }

    private static boolean hasBody(ServerRequest request) {
        return request.headers().contentLength().orElse(-1) != 0;
    }

    /** The body as sent: its signature is over these bytes. The kit bounds how many there may be. */
    private static byte[] body(ServerRequest request) {
        try {
            return request.servletRequest().getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.cinemaabyss.monolith.web;

import com.cinemaabyss.kit.web.CloudEventRequests;
import com.cinemaabyss.kit.web.CollectionRoutes;
import io.cloudevents.CloudEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import com.cinemaabyss.kit.web.Responses;
import com.cinemaabyss.monolith.domain.NewPayment;
import com.cinemaabyss.monolith.domain.NewSubscription;
import com.cinemaabyss.monolith.domain.NewUser;
import com.cinemaabyss.monolith.domain.Payment;
import com.cinemaabyss.monolith.domain.Subscription;
import com.cinemaabyss.monolith.domain.User;
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

/** The monolith's HTTP routes, each bound to a function bean; its movie routes come from the kit's MovieRoutes. */
@Configuration(proxyBeanMethods = false)
public class MonolithRoutes {

    public static final String USER_CHANGES_PATH = "/internal/events/user-changes";
    public static final String PAYMENT_CHANGES_PATH = "/internal/events/payment-changes";
    public static final String SUBSCRIPTION_CHANGES_PATH = "/internal/events/subscription-changes";

    @Bean
    RouterFunction<ServerResponse> monolithApi(
            Supplier<Iterable<User>> listUsers, Function<Long, User> getUser, Function<NewUser, Message<User>> createUser,
            Supplier<Iterable<Payment>> listPayments, Function<Long, Payment> getPayment,
            Function<Long, List<Payment>> paymentsOfUser, Function<NewPayment, Message<Payment>> createPayment,
            Supplier<Iterable<Subscription>> listSubscriptions, Function<Long, Subscription> getSubscription,
            Function<Long, List<Subscription>> subscriptionsOfUser, Function<NewSubscription, Message<Subscription>> createSubscription,
            @Qualifier("applyUserChange") Consumer<CloudEvent> applyUserChange,
            @Qualifier("applyPaymentChange") Consumer<CloudEvent> applyPaymentChange,
            @Qualifier("applySubscriptionChange") Consumer<CloudEvent> applySubscriptionChange) {
        return route()
                .GET("/health", request -> Responses.healthy())
                .add(CollectionRoutes.at("/api/users", NewUser.class).list(listUsers).get(getUser).create(createUser).build())
                .add(CollectionRoutes.at("/api/payments", NewPayment.class)
                        .list(listPayments).get(getPayment).byUser(paymentsOfUser).create(createPayment).build())
                .add(CollectionRoutes.at("/api/subscriptions", NewSubscription.class)
                        .list(listSubscriptions).get(getSubscription).byUser(subscriptionsOfUser).create(createSubscription).build())
                .POST(USER_CHANGES_PATH, CloudEventRequests.deliverTo(applyUserChange))
                .POST(PAYMENT_CHANGES_PATH, CloudEventRequests.deliverTo(applyPaymentChange))
                .POST(SUBSCRIPTION_CHANGES_PATH, CloudEventRequests.deliverTo(applySubscriptionChange))
                .filter(Responses.jsonErrors())
                .build();
    }
}

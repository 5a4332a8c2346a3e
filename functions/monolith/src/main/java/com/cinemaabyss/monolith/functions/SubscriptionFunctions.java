package com.cinemaabyss.monolith.functions;

import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.monolith.domain.NewSubscription;
import com.cinemaabyss.monolith.domain.Subscription;
import com.cinemaabyss.monolith.store.SubscriptionStore;
import com.cinemaabyss.monolith.store.UserStore;
import com.cinemaabyss.kit.web.Created;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

@Configuration(proxyBeanMethods = false)
public class SubscriptionFunctions {

    @Bean
    public Supplier<Iterable<Subscription>> listSubscriptions(SubscriptionStore subscriptions) {
        return subscriptions::all;
    }

    @Bean
    public Function<Long, Subscription> getSubscription(SubscriptionStore subscriptions) {
        return id -> subscriptions.find(id).orElseThrow(() -> new NotFoundException("subscription " + id + " not found"));
    }

    @Bean
    public Function<Long, List<Subscription>> subscriptionsOfUser(SubscriptionStore subscriptions) {
        return subscriptions::byUser;
    }

    @Bean
    public Function<NewSubscription, Message<Subscription>> createSubscription(SubscriptionStore subscriptions, UserStore users) {
        return request -> {
            users.requireExists(request.userId());
            return Created.of(subscriptions.create(request));
        };
    }
}

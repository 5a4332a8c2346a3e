package com.cinemaabyss.monolith.functions;

import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.monolith.domain.NewSubscription;
import com.cinemaabyss.monolith.domain.Subscription;
import com.cinemaabyss.monolith.store.SubscriptionStore;
import com.cinemaabyss.monolith.store.UserStore;
import com.cinemaabyss.kit.web.Created;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.lambda.KafkaEventRecords;
import com.cinemaabyss.monolith.events.Changelog;
import com.cinemaabyss.monolith.events.SubscriptionChange;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Consumer;
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

    /** Triggered by the subscriptions function's changelog: its subscriptions appear in the legacy API under the same id. */
    @Bean
    public Consumer<CloudEvent> applySubscriptionChange(SubscriptionStore subscriptions) {
        return Changelog.of(EventTypes.SUBSCRIPTION_UPSERTED, SubscriptionChange.class).applying(subscriptions::applySubscriptionsChange);
    }

    /** The subscription changelog consumer as an AWS Lambda Kafka trigger delivers it. */
    @Bean
    public Function<KafkaEvent, KafkaEventRecords.Outcome> applySubscriptionChangesFromKafka(Consumer<CloudEvent> applySubscriptionChange) {
        return batch -> KafkaEventRecords.deliverEach(batch, applySubscriptionChange);
    }
}

package com.cinemaabyss.subscriptions.functions;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.kit.lambda.KafkaEventRecords;
import com.cinemaabyss.subscriptions.domain.Entitlement;
import com.cinemaabyss.subscriptions.domain.SubscriptionView;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** The subscription operations as function beans; the routes bind them to the verified caller's id. */
@Configuration(proxyBeanMethods = false)
public class SubscriptionFunctions {

    @Bean
    public Function<Long, SubscriptionView> mySubscription(Subscriptions subscriptions) {
        return userId -> subscriptions.mine(userId).orElseThrow(() -> new NotFoundException("user " + userId + " has no subscription"));
    }

    @Bean
    public Function<Long, SubscriptionView> cancelMySubscription(Subscriptions subscriptions) {
        return subscriptions::cancel;
    }

    /** The check playback makes: one key read. */
    @Bean
    public Function<Long, Entitlement> myEntitlement(Subscriptions subscriptions) {
        return subscriptions::entitlement;
    }

    /** Triggered by billing-events (a KafkaSource): payments' answers become access. */
    @Bean
    public Consumer<CloudEvent> applyBillingEvent(Subscriptions subscriptions) {
        return subscriptions::apply;
    }

    /** The same consumer as an AWS Lambda Kafka trigger delivers it: a batch of records, each a CloudEvent. */
    @Bean
    public Function<KafkaEvent, KafkaEventRecords.Outcome> applyBillingEventsFromKafka(Consumer<CloudEvent> applyBillingEvent) {
        return batch -> KafkaEventRecords.deliverEach(batch, applyBillingEvent);
    }

    /** The renewal tick, driven by a PingSource (a schedule on AWS): renew, remind, expire, run dunning. */
    @Bean
    public Supplier<TickReport> renewalTick(Subscriptions subscriptions) {
        return subscriptions::tick;
    }
}

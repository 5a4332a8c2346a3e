package com.cinemaabyss.discounts.functions;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.cinemaabyss.discounts.domain.LoyaltyView;
import com.cinemaabyss.discounts.domain.NewPromoCode;
import com.cinemaabyss.discounts.domain.Plan;
import com.cinemaabyss.discounts.domain.PromoCode;
import com.cinemaabyss.discounts.domain.Quote;
import com.cinemaabyss.discounts.domain.QuoteRequest;
import com.cinemaabyss.discounts.events.BillingEvents;
import com.cinemaabyss.discounts.store.CheckoutSaga;
import com.cinemaabyss.discounts.store.LoyaltyStore;
import com.cinemaabyss.discounts.store.PlanStore;
import com.cinemaabyss.discounts.store.PromoStore;
import com.cinemaabyss.kit.lambda.KafkaEventRecords;
import com.cinemaabyss.kit.web.Created;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** discounts' operations as function beans. Who may call which is the routes' business (web.DiscountRoutes). */
@Configuration(proxyBeanMethods = false)
public class DiscountFunctions {

    private static final Logger log = LoggerFactory.getLogger(DiscountFunctions.class);

    @Bean
    public Supplier<List<Plan>> listPlans(PlanStore plans) {
        return plans::all;
    }

    @Bean
    public Function<Plan, Plan> putPlan(PlanStore plans) {
        return plans::put;
    }

    @Bean
    public Function<NewPromoCode, Message<PromoCode>> createPromoCode(PromoStore promos) {
        return request -> Created.of(promos.create(request.toCode()));
    }

    @Bean
    public Function<Long, LoyaltyView> loyaltyOf(LoyaltyStore loyalty) {
        return loyalty::view;
    }

    @Bean
    public Function<QuoteRequest.Order, Message<Quote>> createQuote(Quoting quoting) {
        return order -> Created.of(quoting.quote(order));
    }

    /** Triggered by billing-events: each step of the saga once; types discounts does not handle are acknowledged. */
    @Bean
    public Consumer<CloudEvent> applyBillingEvent(CheckoutSaga saga) {
        return event -> BillingEvents.read(event).ifPresentOrElse(
                billing -> log.info("event={} type={} outcome={}", event.getId(), event.getType(), saga.handle(event.getId(), billing)),
                () -> log.debug("event={} type={} not handled here", event.getId(), event.getType()));
    }

    /** The same consumer as an AWS Lambda Kafka trigger delivers it: a batch of records, each a CloudEvent. */
    @Bean
    public Function<KafkaEvent, KafkaEventRecords.Outcome> applyBillingEventsFromKafka(Consumer<CloudEvent> applyBillingEvent) {
        return batch -> KafkaEventRecords.deliverEach(batch, applyBillingEvent);
    }
}

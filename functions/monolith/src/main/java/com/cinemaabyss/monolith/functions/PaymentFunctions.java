package com.cinemaabyss.monolith.functions;

import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.monolith.domain.NewPayment;
import com.cinemaabyss.monolith.domain.Payment;
import com.cinemaabyss.monolith.store.PaymentStore;
import com.cinemaabyss.monolith.store.UserStore;
import com.cinemaabyss.kit.web.Created;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.lambda.KafkaEventRecords;
import com.cinemaabyss.monolith.events.Changelog;
import com.cinemaabyss.monolith.events.PaymentChange;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

@Configuration(proxyBeanMethods = false)
public class PaymentFunctions {

    @Bean
    public Supplier<Iterable<Payment>> listPayments(PaymentStore payments) {
        return payments::all;
    }

    @Bean
    public Function<Long, Payment> getPayment(PaymentStore payments) {
        return id -> payments.find(id).orElseThrow(() -> new NotFoundException("payment " + id + " not found"));
    }

    @Bean
    public Function<Long, List<Payment>> paymentsOfUser(PaymentStore payments) {
        return payments::byUser;
    }

    @Bean
    public Function<NewPayment, Message<Payment>> createPayment(PaymentStore payments, UserStore users) {
        return request -> {
            users.requireExists(request.userId());
            return Created.of(payments.create(request));
        };
    }

    /** Triggered by the payments function's changelog: its payments appear in the legacy API under the same id. */
    @Bean
    public Consumer<CloudEvent> applyPaymentChange(PaymentStore payments) {
        return Changelog.of(EventTypes.PAYMENT_UPSERTED, PaymentChange.class).applying(payments::applyPaymentsChange);
    }

    /** The payment changelog consumer as an AWS Lambda Kafka trigger delivers it. */
    @Bean
    public Function<KafkaEvent, KafkaEventRecords.Outcome> applyPaymentChangesFromKafka(Consumer<CloudEvent> applyPaymentChange) {
        return batch -> KafkaEventRecords.deliverEach(batch, applyPaymentChange);
    }
}

package com.cinemaabyss.payments.functions;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.kit.lambda.KafkaEventRecords;
import com.cinemaabyss.kit.web.Created;
import com.cinemaabyss.payments.domain.CheckoutView;
import com.cinemaabyss.payments.domain.Commands;
import com.cinemaabyss.payments.domain.PaymentView;
import com.cinemaabyss.payments.domain.RefundView;
import com.cinemaabyss.payments.domain.Started;
import com.cinemaabyss.payments.events.BillingEvents;
import com.cinemaabyss.payments.events.QuoteConfirmed;
import com.cinemaabyss.payments.events.QuoteRejected;
import com.cinemaabyss.payments.events.RenewalRequested;
import com.cinemaabyss.payments.store.PaymentItem;
import com.cinemaabyss.payments.store.PaymentStore;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.List;
import java.util.function.Function;

/** payments' operations as function beans: the routes, the event consumers and the Lambda entries call exactly these. */
@Configuration(proxyBeanMethods = false)
public class PaymentFunctions {

    private static final Logger log = LoggerFactory.getLogger(PaymentFunctions.class);

    /** 202: the checkout is accepted; its outcome comes later (GET /api/v1/checkouts/{id}). */
    @Bean
    public Function<Commands.StartCheckout, Message<Started>> startCheckout(Checkouts checkouts) {
        return command -> MessageBuilder.withPayload(checkouts.start(command))
                .setHeader(Created.STATUS_CODE, HttpStatus.ACCEPTED.value()).build();
    }

    @Bean
    public Function<Commands.ShowCheckout, CheckoutView> getCheckout(Checkouts checkouts) {
        return checkouts::show;
    }

    @Bean
    public Function<Commands.ShowPayment, PaymentView> getPayment(PaymentStore store) {
        return query -> store.payment(query.paymentId())
                .filter(p -> query.admin() || p.getUserId() == query.userId())
                .map(PaymentFunctions::view)
                .orElseThrow(() -> new NotFoundException("payment " + query.paymentId() + " not found"));
    }

    @Bean
    public Function<Commands.MyPayments, List<PaymentView>> listMyPayments(PaymentStore store) {
        return query -> store.paymentsOf(query.userId(), query.limit()).stream().map(PaymentFunctions::view).toList();
    }

    @Bean
    public Function<Commands.Refund, Message<RefundView>> refundPayment(Refunds refunds) {
        return command -> Created.of(refunds.refund(command));
    }

    @Bean
    public Function<Commands.Webhook, Commands.WebhookReceived> receiveProviderWebhook(Webhooks webhooks) {
        return webhooks::receive;
    }

    /** discount-events: quote.confirmed charges, quote.rejected fails the checkout; other types are acknowledged and left. */
    @Bean
    public Consumer<CloudEvent> applyDiscountEvent(Checkouts checkouts) {
        return event -> {
            String key = receiptKey(event);
            BillingEvents.read(event, EventTypes.QUOTE_CONFIRMED, QuoteConfirmed.class).ifPresent(q -> checkouts.quoteConfirmed(key, q));
            BillingEvents.read(event, EventTypes.QUOTE_REJECTED, QuoteRejected.class).ifPresent(r -> checkouts.quoteRejected(key, r));
            log.debug("event={} type={} handled", event.getId(), event.getType());
        };
    }

    /** subscription-events: renewal_requested charges the saved payment method; other types are acknowledged and left. */
    @Bean
    public Consumer<CloudEvent> applySubscriptionEvent(Renewals renewals) {
        return event -> BillingEvents.read(event, EventTypes.SUBSCRIPTION_RENEWAL_REQUESTED, RenewalRequested.class)
                .ifPresent(r -> renewals.renewalRequested(receiptKey(event), r));
    }

    /** discount-events as an AWS Lambda Kafka trigger delivers them. */
    @Bean
    public Function<KafkaEvent, KafkaEventRecords.Outcome> applyDiscountEventsFromKafka(Consumer<CloudEvent> applyDiscountEvent) {
        return batch -> KafkaEventRecords.deliverEach(batch, applyDiscountEvent);
    }

    /** subscription-events as an AWS Lambda Kafka trigger delivers them. */
    @Bean
    public Function<KafkaEvent, KafkaEventRecords.Outcome> applySubscriptionEventsFromKafka(Consumer<CloudEvent> applySubscriptionEvent) {
        return batch -> KafkaEventRecords.deliverEach(batch, applySubscriptionEvent);
    }

    /** A CloudEvent is the same event when its source and id are (CloudEvents 1.0); hashed, so no sender sets our key's length. */
    static String receiptKey(CloudEvent event) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((event.getSource() + "\n" + event.getId()).getBytes(StandardCharsets.UTF_8));
            return "event:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static PaymentView view(PaymentItem p) {
        return new PaymentView(p.getId(), p.getUserId(), p.getPurpose(), p.getStatus(), p.getAmount(), p.getCurrency(),
                p.getRefundedTotal() == null ? 0 : p.getRefundedTotal(), p.getPlanId(),
                p.getCheckoutId(), p.getSubscriptionId(), p.getFailureCode(), p.getFailureMessage(), p.getCreatedAt());
    }
}

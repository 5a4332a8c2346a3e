package com.cinemaabyss.payments.functions;

import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.payments.domain.Commands;
import com.cinemaabyss.payments.provider.WebhookEvent;
import com.cinemaabyss.payments.provider.WebhookSignatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider's webhooks: nothing is read before the signature is verified (400 otherwise, and nothing changes); a
 * charge's outcome then decides its payment, once per webhook event id (the receipt is written with the decision).
 */
public class Webhooks {

    public static final String PROVIDER = "sandbox";
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    private final WebhookSignatures signatures;
    private final Settlement settlement;

    public Webhooks(WebhookSignatures signatures, Settlement settlement) {
        this.signatures = signatures;
        this.settlement = settlement;
    }

    public Commands.WebhookReceived receive(Commands.Webhook webhook) {
        if (!PROVIDER.equals(webhook.provider())) {
            throw new NotFoundException("no payment provider named like that sends webhooks here");
        }
        signatures.verify(webhook.signature(), webhook.body());
        WebhookEvent event = WebhookEvent.parse(webhook.body());
        if (!event.isOutcome()) {
            log.debug("webhook event={} type={} ignored", event.id(), event.type());
            return new Commands.WebhookReceived(true, false);
        }
        Settlement.Result result = event.succeeded()
                ? Settlement.Result.succeeded(event.chargeId(), event.paymentMethod())
                : Settlement.Result.failed(event.chargeId(), event.failureCode(), event.failureMessage());
        boolean applied = settlement.settle("webhook:" + PROVIDER + ":" + event.id(), event.paymentId(), result);
        log.info("webhook event={} type={} payment={} applied={}", event.id(), event.type(), event.paymentId(), applied);
        return new Commands.WebhookReceived(true, applied);
    }
}

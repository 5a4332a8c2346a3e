package com.cinemaabyss.payments.functions;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.payments.domain.CheckoutView;
import com.cinemaabyss.payments.domain.Commands;
import com.cinemaabyss.payments.domain.PaymentStatus;
import com.cinemaabyss.payments.domain.Purpose;
import com.cinemaabyss.payments.domain.Started;
import com.cinemaabyss.payments.events.BillingEvents;
import com.cinemaabyss.payments.events.CheckoutStarted;
import com.cinemaabyss.payments.events.QuoteConfirmed;
import com.cinemaabyss.payments.events.QuoteRejected;
import com.cinemaabyss.payments.store.CheckoutItem;
import com.cinemaabyss.payments.store.PaymentItem;
import com.cinemaabyss.payments.store.PaymentStore;

import java.util.List;
import java.util.Objects;

/**
 * The checkout saga on payments' side: a checkout starts pending with its payment (and checkout.started, in the same
 * transaction); discounts' quote.confirmed gives the payment its amount and plan and has it charged, quote.rejected
 * fails it with the reason.
 */
public class Checkouts {

    private final PaymentStore store;
    private final Charging charging;

    public Checkouts(PaymentStore store, Charging charging) {
        this.store = store;
        this.charging = charging;
    }

    public Started start(Commands.StartCheckout command) {
        long checkoutId = store.nextCheckoutId();
        long paymentId = store.nextPaymentId();
        String now = store.now();
        CheckoutItem checkout = new CheckoutItem();
        checkout.setId(checkoutId);
        checkout.setUserId(command.userId());
        checkout.setQuoteId(command.checkout().quoteId());
        checkout.setPaymentId(paymentId);
        checkout.setStatus("pending");
        checkout.setCreatedAt(now);
        PaymentItem payment = new PaymentItem();
        payment.setId(paymentId);
        payment.setUserId(command.userId());
        payment.setPurpose(Purpose.CHECKOUT.wire());
        payment.setStatus(PaymentStatus.PENDING.wire());
        payment.setCheckoutId(checkoutId);
        payment.setPaymentToken(command.checkout().paymentToken());
        payment.setRefundedTotal(0L);
        payment.setCreatedAt(now);
        payment.setUpdatedAt(now);
        store.create(List.of(checkout, payment), PaymentStore.Change.of().billing(paymentId,
                BillingEvents.checkoutStarted(new CheckoutStarted(checkoutId, paymentId, command.userId(), command.checkout().quoteId(), now))));
        return new Started(checkoutId, paymentId, "pending");
    }

    public CheckoutView show(Commands.ShowCheckout query) {
        CheckoutItem checkout = store.checkout(query.checkoutId())
                .filter(c -> c.getUserId() == query.userId())
                .orElseThrow(() -> new NotFoundException("checkout " + query.checkoutId() + " not found"));
        return new CheckoutView(checkout.getId(), checkout.getPaymentId(), checkout.getStatus(), checkout.getReasonCode(), checkout.getReason());
    }

    /** Stores what the quote charges (once) and charges it; a redelivery finds it stored and charged, and does nothing new. */
    public void quoteConfirmed(String eventKey, QuoteConfirmed quote) {
        if (store.received(eventKey)) {
            return;
        }
        PaymentItem payment = store.retrying(attempt -> {
            PaymentItem p = paymentOf(quote.paymentId(), quote.checkoutId(), quote.userId(), "quote.confirmed");
            if (p.getAmount() != null || !PaymentStatus.PENDING.wire().equals(p.getStatus())) {
                return p;
            }
            p.setAmount(quote.amount());
            p.setCurrency(quote.currency());
            p.setPlanId(quote.planId());
            p.setPeriod(quote.period());
            p.setMaxProfiles(quote.maxProfiles());
            p.setTrialDays(quote.trialDays());
            p.setListPrice(quote.listPrice());
            p.setPurpose(quote.trialDays() > 0 ? Purpose.TRIAL.wire() : Purpose.CHECKOUT.wire());
            p.setUpdatedAt(store.now());
            store.update(PaymentStore.Change.of().put(p).upserted(p));
            return p;
        });
        charging.charge(payment);
        store.remember(eventKey);
    }

    /** Fails the checkout and its payment with discounts' reason; nothing is charged. */
    public void quoteRejected(String eventKey, QuoteRejected rejected) {
        if (store.received(eventKey)) {
            return;
        }
        store.retrying(attempt -> {
            PaymentItem p = paymentOf(rejected.paymentId(), rejected.checkoutId(), rejected.userId(), "quote.rejected");
            if (!PaymentStatus.PENDING.wire().equals(p.getStatus())) {
                return null;
            }
            p.setStatus(PaymentStatus.FAILED.wire());
            p.setFailureCode(rejected.reasonCode());
            p.setFailureMessage(rejected.reason());
            p.setPaymentToken(null);
            p.setUpdatedAt(store.now());
            PaymentStore.Change change = PaymentStore.Change.of().put(p).upserted(p);
            store.checkout(rejected.checkoutId()).ifPresent(checkout -> {
                Settlement.decide(checkout, Settlement.Result.failed(null, rejected.reasonCode(), rejected.reason()));
                change.put(checkout);
            });
            store.update(change);
            return null;
        });
        store.remember(eventKey);
    }

    private PaymentItem paymentOf(long paymentId, long checkoutId, long userId, String what) {
        PaymentItem p = store.payment(paymentId)
                .orElseThrow(() -> new InvalidInputException(what + " names payment " + paymentId + ", which payments does not have"));
        if (!Objects.equals(p.getCheckoutId(), checkoutId) || p.getUserId() != userId) {
            throw new InvalidInputException(what + " for payment " + paymentId + " names another checkout or user than the payment's");
        }
        return p;
    }
}

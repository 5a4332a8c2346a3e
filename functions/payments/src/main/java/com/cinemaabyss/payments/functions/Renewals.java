package com.cinemaabyss.payments.functions;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.payments.domain.PaymentStatus;
import com.cinemaabyss.payments.domain.Purpose;
import com.cinemaabyss.payments.events.RenewalRequested;
import com.cinemaabyss.payments.store.PaymentItem;
import com.cinemaabyss.payments.store.PaymentStore;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Renewals: subscriptions asks, payments charges the user's saved payment method off-session. One payment per
 * subscription and renewal_of (a business key written with the payment), however often the request is delivered.
 */
public class Renewals {

    private final PaymentStore store;
    private final Charging charging;
    private final Settlement settlement;

    public Renewals(PaymentStore store, Charging charging, Settlement settlement) {
        this.store = store;
        this.charging = charging;
        this.settlement = settlement;
    }

    static String businessKey(RenewalRequested request) {
        try {
            return "renewal:" + request.subscriptionId() + ":" + OffsetDateTime.parse(request.renewalOf()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("renewal_of must be an RFC 3339 date-time");
        }
    }

    public void renewalRequested(String eventKey, RenewalRequested request) {
        if (store.received(eventKey)) {
            return;
        }
        String key = businessKey(request);
        long paymentId = store.paymentOf(key).orElseGet(() -> create(key, request));
        PaymentItem payment = store.payment(paymentId).orElseThrow();
        if (PaymentStatus.PENDING.wire().equals(payment.getStatus()) && payment.getProviderChargeId() == null) {
            if (payment.getPaymentMethod() == null) {
                settlement.settle(null, paymentId, Settlement.Result.failed(null, "no_payment_method",
                        "The user has no saved payment method to renew with."));
            } else {
                charging.charge(payment);
            }
        }
        store.remember(eventKey);
    }

    private long create(String key, RenewalRequested request) {
        long id = store.nextPaymentId();
        String now = store.now();
        PaymentItem payment = new PaymentItem();
        payment.setId(id);
        payment.setUserId(request.userId());
        payment.setPurpose(Purpose.RENEWAL.wire());
        payment.setStatus(PaymentStatus.PENDING.wire());
        payment.setAmount(request.amount());
        payment.setListPrice(request.amount());
        payment.setCurrency(request.currency());
        payment.setPlanId(request.planId());
        payment.setPeriod(request.period());
        payment.setMaxProfiles(request.maxProfiles());
        payment.setTrialDays(0);
        payment.setSubscriptionId(request.subscriptionId());
        payment.setPaymentMethod(store.paymentMethod(request.userId()).orElse(null));
        payment.setRefundedTotal(0L);
        payment.setCreatedAt(now);
        payment.setUpdatedAt(now);
        if (store.once(key, id, false, PaymentStore.Change.of().put(payment).upserted(payment)) == PaymentStore.Applied.DUPLICATE) {
            // Another delivery of the same renewal made it first: that payment is the one.
            return store.paymentOf(key).orElseThrow();
        }
        return id;
    }
}

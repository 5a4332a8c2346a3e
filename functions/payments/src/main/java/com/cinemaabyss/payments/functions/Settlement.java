package com.cinemaabyss.payments.functions;

import com.cinemaabyss.payments.domain.PaymentStatus;
import com.cinemaabyss.payments.domain.Purpose;
import com.cinemaabyss.payments.events.BillingEvents;
import com.cinemaabyss.payments.events.PaymentOutcome;
import com.cinemaabyss.payments.store.CheckoutItem;
import com.cinemaabyss.payments.store.PaymentItem;
import com.cinemaabyss.payments.store.PaymentMethodItem;
import com.cinemaabyss.payments.store.PaymentStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Decides a pending payment: succeeded or failed, with its checkout, the payment method a success saved, and the
 * events (payment.succeeded / payment.failed, and the legacy view), all in one transaction. Only a pending payment with
 * an amount is decided, once: a payment decided already (a second webhook, a late one) is left as it is.
 */
public class Settlement {

    private final PaymentStore store;
    /** {@code payments_settled_total{purpose=checkout|renewal, outcome=succeeded|failed}}: the money path's dashboard. */
    private final Meter.MeterProvider<Counter> settled;

    public Settlement(PaymentStore store, MeterRegistry meters) {
        this.store = store;
        this.settled = Counter.builder("payments.settled")
                .description("Payments decided (once each), by purpose and outcome").withRegistry(meters);
    }

    /** The provider's word (or ours, for a charge that could not be made). {@code receiptKey} makes it happen once, or null. */
    public record Result(boolean succeeded, String chargeId, String paymentMethod, String failureCode, String failureMessage) {
        public static Result succeeded(String chargeId, String paymentMethod) {
            return new Result(true, chargeId, paymentMethod, null, null);
        }

        public static Result failed(String chargeId, String code, String message) {
            return new Result(false, chargeId, null, code, message);
        }
    }

    /** True when this call decided the payment; false when it was decided before (or is not ours, or was seen). */
    public boolean settle(String receiptKey, long paymentId, Result result) {
        String[] purpose = new String[1];
        boolean decided = store.retrying(attempt -> {
            PaymentItem payment = store.payment(paymentId).orElse(null);
            if (payment == null || !PaymentStatus.PENDING.wire().equals(payment.getStatus()) || payment.getAmount() == null) {
                if (receiptKey != null) {
                    store.remember(receiptKey);
                }
                return false;
            }
            String now = store.now();
            payment.setStatus(result.succeeded() ? PaymentStatus.SUCCEEDED.wire() : PaymentStatus.FAILED.wire());
            if (result.chargeId() != null) {
                payment.setProviderChargeId(result.chargeId());
            }
            payment.setPaymentToken(null);
            payment.setFailureCode(result.failureCode());
            payment.setFailureMessage(result.failureMessage());
            payment.setUpdatedAt(now);
            PaymentStore.Change change = PaymentStore.Change.of().put(payment);
            if (payment.getCheckoutId() != null) {
                store.checkout(payment.getCheckoutId()).filter(c -> PaymentStatus.PENDING.wire().equals(c.getStatus())).ifPresent(checkout -> {
                    decide(checkout, result);
                    change.put(checkout);
                });
            }
            if (result.succeeded() && result.paymentMethod() != null) {
                PaymentMethodItem method = new PaymentMethodItem();
                method.setId(payment.getUserId());
                method.setPaymentMethod(result.paymentMethod());
                method.setSavedAt(now);
                change.put(method);
            }
            purpose[0] = payment.getPurpose();
            PaymentOutcome outcome = outcome(payment, now);
            change.billing(payment.getId(), result.succeeded() ? BillingEvents.paymentSucceeded(outcome) : BillingEvents.paymentFailed(outcome))
                    .upserted(payment);
            if (receiptKey == null) {
                store.update(change);
                return true;
            }
            return store.once(receiptKey, null, true, change) == PaymentStore.Applied.APPLIED;
        });
        if (decided) {
            settled.withTags("purpose", purpose[0] == null ? "unknown" : purpose[0],
                    "outcome", result.succeeded() ? PaymentStatus.SUCCEEDED.wire() : PaymentStatus.FAILED.wire()).increment();
        }
        return decided;
    }

    static void decide(CheckoutItem checkout, Result result) {
        checkout.setStatus(result.succeeded() ? "succeeded" : "failed");
        checkout.setReasonCode(result.failureCode());
        checkout.setReason(result.failureMessage());
    }

    static PaymentOutcome outcome(PaymentItem p, String now) {
        boolean renewal = Purpose.RENEWAL.wire().equals(p.getPurpose());
        return new PaymentOutcome(p.getId(), p.getUserId(), p.getPurpose(), renewal ? null : p.getCheckoutId(),
                renewal ? p.getSubscriptionId() : null, p.getPlanId(), p.getPeriod(), p.getMaxProfiles(), p.getTrialDays(),
                p.getAmount(), p.getListPrice(), p.getCurrency(), p.getProviderChargeId(), p.getFailureCode(), p.getFailureMessage(), now);
    }
}

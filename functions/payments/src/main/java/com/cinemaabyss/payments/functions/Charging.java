package com.cinemaabyss.payments.functions;

import com.cinemaabyss.payments.domain.PaymentStatus;
import com.cinemaabyss.payments.provider.PaymentProvider;
import com.cinemaabyss.payments.provider.ProviderRefusedException;
import com.cinemaabyss.payments.store.PaymentItem;
import com.cinemaabyss.payments.store.PaymentStore;

/**
 * Asks the provider to charge a pending payment. The provider's Idempotency-Key is the payment id, so however often
 * this runs for a payment (a redelivered event, a retry after an outage) the provider charges it once. A provider that
 * cannot be reached throws {@link com.cinemaabyss.kit.core.UnavailableException}: the payment stays pending and the
 * delivery that asked fails, to be delivered again. A provider that refuses the charge for good fails the payment.
 */
public class Charging {

    private final PaymentProvider provider;
    private final PaymentStore store;
    private final Settlement settlement;

    public Charging(PaymentProvider provider, PaymentStore store, Settlement settlement) {
        this.provider = provider;
        this.store = store;
        this.settlement = settlement;
    }

    public static String idempotencyKey(long paymentId) {
        return "payment-" + paymentId;
    }

    /** Charges {@code payment} unless it is decided or charged already. */
    public void charge(PaymentItem payment) {
        if (!PaymentStatus.PENDING.wire().equals(payment.getStatus()) || payment.getProviderChargeId() != null) {
            return;
        }
        PaymentProvider.ProviderCharge charge;
        try {
            charge = provider.charge(new PaymentProvider.ChargeRequest(idempotencyKey(payment.getId()), payment.getId(),
                    payment.getAmount(), payment.getCurrency(), payment.getPaymentToken(), payment.getPaymentMethod()));
        } catch (ProviderRefusedException refused) {
            settlement.settle(null, payment.getId(), Settlement.Result.failed(null, refused.code(), refused.getMessage()));
            return;
        }
        recordCharge(payment.getId(), charge.id());
    }

    /** Notes the provider's charge id on the payment (its webhook may have done so first) and forgets the token. */
    private void recordCharge(long paymentId, String chargeId) {
        store.retrying(attempt -> {
            PaymentItem payment = store.payment(paymentId).orElseThrow();
            if (payment.getProviderChargeId() == null) {
                payment.setProviderChargeId(chargeId);
                payment.setPaymentToken(null);
                payment.setUpdatedAt(store.now());
                store.update(PaymentStore.Change.of().put(payment));
            }
            return null;
        });
    }
}

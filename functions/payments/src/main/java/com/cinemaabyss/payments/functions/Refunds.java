package com.cinemaabyss.payments.functions;

import com.cinemaabyss.kit.core.ConflictException;
import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.payments.domain.Commands;
import com.cinemaabyss.payments.domain.PaymentStatus;
import com.cinemaabyss.payments.domain.RefundView;
import com.cinemaabyss.payments.events.BillingEvents;
import com.cinemaabyss.payments.events.PaymentRefunded;
import com.cinemaabyss.payments.provider.PaymentProvider;
import com.cinemaabyss.payments.provider.ProviderRefusedException;
import com.cinemaabyss.payments.store.PaymentItem;
import com.cinemaabyss.payments.store.PaymentStore;
import com.cinemaabyss.payments.store.RefundItem;

import java.util.List;

/**
 * Refunds of succeeded payments, whole or in part, never beyond what was paid minus what was refunded: checked here
 * first, and by the provider, which holds the charge's own total (two refunds racing past the check here cannot both
 * pass there). The provider refunds at once; the refund, the payment's new total and payment.refunded are then written
 * together.
 */
public class Refunds {

    private final PaymentStore store;
    private final PaymentProvider provider;

    public Refunds(PaymentStore store, PaymentProvider provider) {
        this.store = store;
        this.provider = provider;
    }

    public RefundView refund(Commands.Refund command) {
        PaymentItem payment = store.payment(command.paymentId())
                .orElseThrow(() -> new NotFoundException("payment " + command.paymentId() + " not found"));
        PaymentStatus status = PaymentStatus.of(payment.getStatus());
        if (status != PaymentStatus.SUCCEEDED && status != PaymentStatus.PARTIALLY_REFUNDED) {
            throw new ConflictException("payment " + payment.getId() + " is " + status.wire() + ": only a succeeded payment can be refunded");
        }
        long paid = payment.getAmount();
        long refunded = payment.getRefundedTotal() == null ? 0 : payment.getRefundedTotal();
        long remaining = paid - refunded;
        if (remaining <= 0) {
            throw new ConflictException("payment " + payment.getId() + " has nothing left to refund (paid " + paid + ", refunded " + refunded + ")");
        }
        long amount = command.refund().amount() == null ? remaining : command.refund().amount();
        if (amount > remaining) {
            throw new ConflictException("at most " + remaining + " of payment " + payment.getId() + " can be refunded (paid " + paid
                    + ", refunded " + refunded + "), not " + amount);
        }
        long refundId = store.nextRefundId();
        PaymentProvider.ProviderRefund done;
        try {
            done = provider.refund(payment.getProviderChargeId(), amount, "refund-" + refundId);
        } catch (ProviderRefusedException refused) {
            throw new ConflictException("the provider refused the refund: " + refused.getMessage());
        }
        return store.retrying(attempt -> {
            PaymentItem p = store.payment(command.paymentId()).orElseThrow();
            long total = (p.getRefundedTotal() == null ? 0 : p.getRefundedTotal()) + amount;
            String now = store.now();
            p.setRefundedTotal(total);
            p.setStatus(PaymentStore.afterRefunds(p.getAmount(), total).wire());
            p.setUpdatedAt(now);
            RefundItem refund = new RefundItem();
            refund.setId(refundId);
            refund.setPaymentId(p.getId());
            refund.setAmount(amount);
            refund.setCurrency(p.getCurrency());
            refund.setProviderRefundId(done.id());
            refund.setCreatedAt(now);
            store.create(List.of(refund), PaymentStore.Change.of().put(p)
                    .billing(p.getId(), BillingEvents.paymentRefunded(new PaymentRefunded(p.getId(), refundId, p.getUserId(), p.getPurpose(),
                            p.getPlanId(), amount, total, p.getAmount(), p.getCurrency(), total >= p.getAmount(), now)))
                    .upserted(p));
            return new RefundView(refundId, p.getId(), amount, p.getCurrency(), total, p.getStatus());
        });
    }
}

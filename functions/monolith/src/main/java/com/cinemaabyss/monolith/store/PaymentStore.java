package com.cinemaabyss.monolith.store;

import com.cinemaabyss.kit.dynamo.InterleavedIds;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.monolith.domain.NewPayment;
import com.cinemaabyss.monolith.domain.Payment;

import com.cinemaabyss.monolith.events.PaymentChange;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** The legacy payments: the monolith's own (odd ids) and copies of the payments function's (even ids, origin payments). */
public class PaymentStore {

    private static final String PAYMENTS = "payments";

    private final KeyedTable<PaymentItem> payments;
    private final InterleavedIds ids;

    public PaymentStore(KeyedTable<PaymentItem> payments, InterleavedIds ids) {
        this.payments = payments;
        this.ids = ids;
    }

    public Payment create(NewPayment request) {
        PaymentItem item = new PaymentItem();
        item.setId(ids.next());
        item.setUserId(request.userId());
        item.setAmount(request.amount());
        item.setTimestamp(Instant.now().toString());
        payments.insert(item);
        return toPayment(item);
    }

    /**
     * Stores a payment of the payments function under its id, the amount as the legacy API shows amounts (a decimal
     * in the currency's major unit); the latest change wins.
     */
    public void applyPaymentsChange(PaymentChange change) {
        PaymentItem item = new PaymentItem();
        item.setId(change.paymentId());
        item.setUserId(change.userId());
        item.setAmount(BigDecimal.valueOf(change.amount(), fractionDigits(change.currency())));
        item.setTimestamp(change.createdAt());
        item.setOrigin(PAYMENTS);
        ExtractedCopies.put(payments, PaymentItem.class, item, ids, "payment");
    }

    /** Digits after the point of an ISO 4217 currency (2 for EUR, 0 for JPY); 2 for a code the JVM does not know. */
    private static int fractionDigits(String currency) {
        try {
            return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }

    public Optional<Payment> find(long id) {
        return payments.get(id).map(PaymentStore::toPayment);
    }

    /** Every payment, read from the table while it is written out (see KeyedTable#all). */
    public Iterable<Payment> all() {
        return () -> payments.all().map(PaymentStore::toPayment).iterator();
    }

    public List<Payment> byUser(long userId) {
        return payments.byIndex(MonolithTables.BY_USER, userId).stream().map(PaymentStore::toPayment).toList();
    }

    private static Payment toPayment(PaymentItem item) {
        return new Payment(item.getId(), item.getUserId(), item.getAmount(), item.getTimestamp());
    }
}

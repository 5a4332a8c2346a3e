package com.cinemaabyss.monolith.store;

import com.cinemaabyss.kit.dynamo.InterleavedIds;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.monolith.domain.NewPayment;
import com.cinemaabyss.monolith.domain.Payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public class PaymentStore {

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

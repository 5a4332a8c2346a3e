package com.cinemaabyss.payments.store;

import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.kit.dynamo.IdSequences;
import com.cinemaabyss.kit.dynamo.InterleavedIds;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.kit.outbox.Outbox;
import com.cinemaabyss.payments.domain.PaymentStatus;
import com.cinemaabyss.payments.events.BillingEvents;
import com.cinemaabyss.payments.events.PaymentUpserted;
import io.cloudevents.CloudEvent;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * payments' tables. Every change to a payment is a versioned write (the item's {@code version}) in one transaction with
 * the events it causes (the outbox), and, where something must happen once, with the receipt that says it happened:
 * a concurrent or repeated change loses the race on the version or the receipt and changes nothing.
 */
public class PaymentStore {

    /** A user's payments, newest (highest id) first: partition {@code userId}, sort {@code id}. */
    public static final String BY_USER = "by-user";

    /** How many times a change that lost a version race is read again and retried before the caller is told to come back. */
    static final int ATTEMPTS = 5;

    private final KeyedTable<CheckoutItem> checkouts;
    private final KeyedTable<PaymentItem> payments;
    private final KeyedTable<RefundItem> refunds;
    private final DynamoDbTable<PaymentMethodItem> methods;
    private final DynamoDbTable<ReceiptItem> receipts;
    private final InterleavedIds paymentIds;
    private final IdSequences sequences;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration receiptTtl;

    public PaymentStore(KeyedTable<CheckoutItem> checkouts, KeyedTable<PaymentItem> payments, KeyedTable<RefundItem> refunds,
                        DynamoDbTable<PaymentMethodItem> methods, DynamoDbTable<ReceiptItem> receipts, InterleavedIds paymentIds,
                        IdSequences sequences, Outbox outbox, Clock clock, Duration receiptTtl) {
        this.checkouts = checkouts;
        this.payments = payments;
        this.refunds = refunds;
        this.methods = methods;
        this.receipts = receipts;
        this.paymentIds = paymentIds;
        this.sequences = sequences;
        this.outbox = outbox;
        this.clock = clock;
        this.receiptTtl = receiptTtl;
    }

    /** What a transaction adds besides its writes: the receipt that makes it happen once (optional) and the events. */
    public record Change(List<Object> puts, List<Outbox.Announcement> events) {
        public static Change of() {
            return new Change(new ArrayList<>(), new ArrayList<>());
        }

        public Change put(Object item) {
            puts.add(item);
            return this;
        }

        public Change billing(long paymentId, CloudEvent event) {
            events.add(new Outbox.Announcement(Topics.BILLING_EVENTS, Long.toString(paymentId), event));
            return this;
        }

        /** The legacy view of the payment as this change leaves it, once it has an amount to show. */
        public Change upserted(PaymentItem payment) {
            if (payment.getAmount() != null) {
                events.add(new Outbox.Announcement(Topics.PAYMENT_CHANGES, Long.toString(payment.getId()),
                        BillingEvents.paymentUpserted(new PaymentUpserted(payment.getId(), payment.getUserId(), payment.getAmount(),
                                payment.getCurrency(), payment.getStatus(), payment.getCreatedAt()))));
            }
            return this;
        }
    }

    /** Outcome of a change guarded by a receipt. */
    public enum Applied { APPLIED, DUPLICATE }

    public long nextPaymentId() {
        return paymentIds.next();
    }

    public long nextCheckoutId() {
        return sequences.next("checkouts");
    }

    public long nextRefundId() {
        return sequences.next("refunds");
    }

    public String now() {
        return clock.instant().toString();
    }

    public Optional<PaymentItem> payment(long id) {
        return Optional.ofNullable(payments.table().getItem(r -> r.key(Key.builder().partitionValue(id).build()).consistentRead(true)));
    }

    /** The user's latest payments, newest first. */
    public List<PaymentItem> paymentsOf(long userId, int limit) {
        return payments.table().index(BY_USER).query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(userId).build()))
                        .scanIndexForward(false).limit(limit).build())
                .stream().findFirst().map(page -> page.items()).orElse(List.of());
    }

    public Optional<CheckoutItem> checkout(long id) {
        return Optional.ofNullable(checkouts.table().getItem(r -> r.key(Key.builder().partitionValue(id).build()).consistentRead(true)));
    }

    public Optional<String> paymentMethod(long userId) {
        return Optional.ofNullable(methods.getItem(Key.builder().partitionValue(userId).build())).map(PaymentMethodItem::getPaymentMethod);
    }

    public boolean received(String receiptKey) {
        return receipts.getItem(r -> r.key(Key.builder().partitionValue(receiptKey).build()).consistentRead(true)) != null;
    }

    /** The payment a business key made, if it made one. */
    public Optional<Long> paymentOf(String businessKey) {
        return Optional.ofNullable(receipts.getItem(r -> r.key(Key.builder().partitionValue(businessKey).build()).consistentRead(true)))
                .map(ReceiptItem::getPaymentId);
    }

    /** Notes that something happened (a CloudEvent consumed); a second note of the same key changes nothing. */
    public void remember(String receiptKey) {
        try {
            receipts.putItem(r -> r.item(receipt(receiptKey, null, true)).conditionExpression(notExists()));
        } catch (ConditionalCheckFailedException already) {
            // noted before
        }
    }

    /** New items (checkout, payment, refund: never overwritten) and their events, in one transaction. */
    public void create(List<Object> items, Change change) {
        write(null, items, change);
    }

    /**
     * Writes {@code change} once: in one transaction with a receipt under {@code receiptKey} (carrying {@code paymentId}
     * when it is a business key, forgotten after the TTL otherwise). DUPLICATE when the receipt was there already.
     * A lost version race is thrown (see {@link #retrying}).
     */
    public Applied once(String receiptKey, Long paymentId, boolean expires, Change change) {
        try {
            write(receipt(receiptKey, paymentId, expires), List.of(), change);
            return Applied.APPLIED;
        } catch (TransactionCanceledException e) {
            if (failedCondition(e, 0)) {
                return Applied.DUPLICATE;
            }
            throw e;
        }
    }

    /** Versioned writes of changed items (and new ones) with their events, in one transaction. */
    public void update(Change change) {
        write(null, List.of(), change);
    }

    /**
     * Runs {@code attempt} (which reads what it needs and writes) again while it loses a race on a version; each run
     * reads afresh. Too many lost races in a row: 503, try later.
     */
    public <T> T retrying(Function<Integer, T> attempt) {
        for (int i = 1; i <= ATTEMPTS; i++) {
            try {
                return attempt.apply(i);
            } catch (TransactionCanceledException | ConditionalCheckFailedException lost) {
                if (i == ATTEMPTS) {
                    throw new UnavailableException("the payment is being changed by another request; try again", lost);
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private void write(ReceiptItem receipt, List<Object> created, Change change) {
        Consumer<TransactWriteItemsEnhancedRequest.Builder> writes = transaction -> {
            if (receipt != null) {
                transaction.addPutItem(receipts, TransactPutItemEnhancedRequest.builder(ReceiptItem.class)
                        .item(receipt).conditionExpression(notExists()).build());
            }
            for (Object item : created) {
                putNew(transaction, item);
            }
            for (Object item : change.puts()) {
                put(transaction, item);
            }
        };
        outbox.writeAndAnnounce(writes, change.events());
    }

    private void putNew(TransactWriteItemsEnhancedRequest.Builder transaction, Object item) {
        switch (item) {
            case CheckoutItem c -> transaction.addPutItem(checkouts.table(), TransactPutItemEnhancedRequest.builder(CheckoutItem.class)
                    .item(c).conditionExpression(KeyedTable.notExists()).build());
            case PaymentItem p -> transaction.addPutItem(payments.table(), TransactPutItemEnhancedRequest.builder(PaymentItem.class)
                    .item(p).conditionExpression(KeyedTable.notExists()).build());
            case RefundItem r -> transaction.addPutItem(refunds.table(), TransactPutItemEnhancedRequest.builder(RefundItem.class)
                    .item(r).conditionExpression(KeyedTable.notExists()).build());
            default -> throw new IllegalArgumentException("not a new item: " + item.getClass());
        }
    }

    /** Checkouts and payments carry a version: the put succeeds only over the version that was read. */
    private void put(TransactWriteItemsEnhancedRequest.Builder transaction, Object item) {
        switch (item) {
            case CheckoutItem c -> transaction.addPutItem(checkouts.table(), c);
            case PaymentItem p -> transaction.addPutItem(payments.table(), p);
            case PaymentMethodItem m -> transaction.addPutItem(methods, m);
            default -> throw new IllegalArgumentException("not a stored item: " + item.getClass());
        }
    }

    private ReceiptItem receipt(String key, Long paymentId, boolean expires) {
        ReceiptItem receipt = new ReceiptItem();
        receipt.setId(key);
        receipt.setPaymentId(paymentId);
        if (expires) {
            receipt.setExpiresAt(clock.instant().plus(receiptTtl).getEpochSecond());
        }
        return receipt;
    }

    private static boolean failedCondition(TransactionCanceledException e, int index) {
        return e.hasCancellationReasons() && e.cancellationReasons().size() > index
                && "ConditionalCheckFailed".equals(e.cancellationReasons().get(index).code());
    }

    private static Expression notExists() {
        return Expression.builder().expression("attribute_not_exists(id)").build();
    }

    /** The status a payment has after refunds totalling {@code refunded} of {@code paid}. */
    public static PaymentStatus afterRefunds(long paid, long refunded) {
        return refunded >= paid ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    }
}

package com.cinemaabyss.discounts.store;

import com.cinemaabyss.discounts.domain.LoyaltyRates;
import com.cinemaabyss.discounts.domain.Rejection;
import com.cinemaabyss.discounts.events.BillingEvents;
import com.cinemaabyss.discounts.events.DiscountEvents;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.outbox.Outbox;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * discounts' steps of the checkout saga (docs/money-path.md). Each step reads what it decides on, then writes every
 * change, the receipts that make it happen once, and the events announcing it in one DynamoDB transaction through
 * the outbox. The conditions of that transaction (each changed item's version; the absence of every receipt, claim
 * and checkout it creates) make it atomic against any concurrency: a promo code whose count another confirmation
 * raised in between is read again and decided again ({@link Retrying}), so a code with 100 uses is used 100 times.
 * Within one instance, confirmations of checkouts with the same promo code take turns ({@link HotKeys}), so a rush on
 * one code does not turn into a storm of lost races.
 * <p>
 * Once per CloudEvent id (receipt {@code event#<id>}) and once per business key: the checkout for
 * checkout.started, {@code paid#<payment>} and {@code failed#<payment>} for the outcomes, {@code refund#<refund>}.
 */
public class CheckoutSaga {

    /** What a step did, for the log and the tests. */
    public enum Outcome { CONFIRMED, REJECTED, REDEEMED, RELEASED, EARNED, CLAWED_BACK, NOTHING_TO_DO, DUPLICATE }

    static final String RESERVED = "reserved";
    static final String REDEEMED = "redeemed";
    static final String RELEASED = "released";
    static final String REJECTED = "rejected";
    static final int MAX_EVENT_ID = 256;

    private final DiscountTables tables;
    private final Outbox outbox;
    private final LoyaltyRates rates;
    private final Retrying retrying;
    private final HotKeys promoCodes = new HotKeys();
    private final Clock clock;

    public CheckoutSaga(DiscountTables tables, Outbox outbox, LoyaltyRates rates, int maxAttempts, Clock clock) {
        this.tables = tables;
        this.outbox = outbox;
        this.rates = rates;
        this.retrying = new Retrying(maxAttempts);
        this.clock = clock;
    }

    public Outcome handle(String eventId, BillingEvents.Billing billing) {
        if (eventId == null || eventId.isEmpty() || eventId.length() > MAX_EVENT_ID) {
            throw new InvalidInputException("CloudEvent id must be 1 to " + MAX_EVENT_ID + " characters");
        }
        return switch (billing) {
            case BillingEvents.CheckoutStarted started -> promoCodes.oneAtATime(promoCodeOf(started),
                    () -> retrying.run("confirming checkout " + started.checkoutId(), () -> confirm(eventId, started)));
            case BillingEvents.PaymentSucceeded paid -> retrying.run("payment " + paid.payment().paymentId(), () -> succeeded(eventId, paid.payment()));
            case BillingEvents.PaymentFailed failed -> retrying.run("payment " + failed.payment().paymentId(), () -> failed(eventId, failed.payment()));
            case BillingEvents.PaymentRefunded refunded -> retrying.run("refund " + refunded.refundId(), () -> refunded(eventId, refunded));
        };
    }

    /** The promo code the checkout's quote applies, if any: the key its confirmation contends on. */
    private String promoCodeOf(BillingEvents.CheckoutStarted started) {
        QuoteItem quote = DiscountTables.read(tables.quotes(), started.quoteId());
        return quote == null ? null : quote.getPromoCode();
    }

    private Outcome confirm(String eventId, BillingEvents.CheckoutStarted started) {
        if (seen(eventKey(eventId)) || DiscountTables.read(tables.checkouts(), started.checkoutId()) != null) {
            return Outcome.DUPLICATE;
        }
        Instant now = clock.instant();
        QuoteItem quote = DiscountTables.read(tables.quotes(), started.quoteId());
        Rejection refusal = quoteRefusal(quote, started, now);
        boolean trial = false;
        PromoCodeItem promo = null;
        PromoUserUseItem use = null;
        LoyaltyAccountItem account = null;
        if (refusal == null) {
            trial = value(quote.getTrialDays()) > 0 && DiscountTables.read(tables.trials(), started.userId()) == null;
            if (!trial && quote.getPromoCode() != null) {
                promo = DiscountTables.read(tables.promoCodes(), quote.getPromoCode());
                use = DiscountTables.read(tables.promoUserUses(), PromoStore.userUseId(quote.getPromoCode(), started.userId()));
                refusal = promo == null ? new Rejection(Rejection.Reason.PROMO_EXPIRED, "promo code " + quote.getPromoCode() + " no longer exists")
                        : PromoStore.toCode(promo).refusal(now, use == null ? 0 : value(use.getCount())).orElse(null);
            }
            if (refusal == null && !trial && value(quote.getPointsUsed()) > 0) {
                account = DiscountTables.read(tables.accounts(), started.userId());
                long balance = account == null ? 0 : value(account.getBalance());
                if (balance < quote.getPointsUsed()) {
                    refusal = new Rejection(Rejection.Reason.POINTS_INSUFFICIENT, "the quote spends " + quote.getPointsUsed()
                            + " points and the balance is " + balance);
                }
            }
        }
        CheckoutItem checkout = new CheckoutItem();
        checkout.setCheckoutId(started.checkoutId());
        checkout.setPaymentId(started.paymentId());
        checkout.setUserId(started.userId());
        checkout.setQuoteId(started.quoteId());
        checkout.setCreatedAt(now.toString());
        if (refusal != null) {
            checkout.setStatus(REJECTED);
            checkout.setReasonCode(refusal.reason().code());
            Rejection rejection = refusal;
            outbox.writeAndAnnounce(tx -> {
                tx.addPutItem(tables.checkouts(), checkout);
                tx.addPutItem(tables.receipts(), receipt(eventKey(eventId), now, started.userId()));
            }, List.of(DiscountEvents.rejected(new DiscountEvents.QuoteRejected(started.checkoutId(), started.paymentId(),
                    started.userId(), started.quoteId(), rejection.reason().code(), rejection.sentence()))));
            return Outcome.REJECTED;
        }

        checkout.setStatus(RESERVED);
        checkout.setCurrency(quote.getCurrency());
        checkout.setTrial(trial);
        List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes = new ArrayList<>();
        List<Outbox.Announcement> events = new ArrayList<>();
        quote.setStatus(QuoteStore.CONFIRMED);
        quote.setCheckoutId(started.checkoutId());
        writes.add(tx -> tx.addUpdateItem(tables.quotes(), quote));
        if (trial) {
            TrialItem claim = new TrialItem();
            claim.setUserId(started.userId());
            claim.setCheckoutId(started.checkoutId());
            claim.setPlanId(quote.getPlanId());
            claim.setClaimedAt(now.toString());
            writes.add(tx -> tx.addPutItem(tables.trials(), claim));
        }
        if (promo != null) {
            checkout.setPromoCode(promo.getCode());
            checkout.setPromoDiscount(quote.getPromoDiscount());
            promo.setUses(value(promo.getUses()) + 1);
            PromoUserUseItem counted = use != null ? use : newUse(promo.getCode(), started.userId());
            counted.setCount(value(counted.getCount()) + 1);
            PromoCodeItem raised = promo;
            writes.add(tx -> tx.addUpdateItem(tables.promoCodes(), raised));
            writes.add(tx -> tx.addUpdateItem(tables.promoUserUses(), counted));
        }
        long points = trial ? 0 : value(quote.getPointsUsed());
        checkout.setPointsUsed(points);
        if (points > 0) {
            long balance = value(account.getBalance()) - points;
            account.setBalance(balance);
            LoyaltyAccountItem spending = account;
            writes.add(tx -> tx.addUpdateItem(tables.accounts(), spending));
            writes.add(tx -> tx.addPutItem(tables.ledger(), entry(started.userId(), now, "spent", started.checkoutId(), -points, balance,
                    started.paymentId(), started.checkoutId())));
            events.add(DiscountEvents.adjusted(new DiscountEvents.PointsAdjusted(started.userId(), started.paymentId(), -points, balance, "spent")));
        }
        events.addFirst(DiscountEvents.confirmed(new DiscountEvents.QuoteConfirmed(started.checkoutId(), started.paymentId(), started.userId(),
                started.quoteId(), quote.getPlanId(), quote.getPeriod(), (int) value(quote.getMaxProfiles()), trial ? (int) value(quote.getTrialDays()) : 0,
                value(quote.getListPrice()), trial ? 0 : value(quote.getFinalPrice()), quote.getCurrency(), promo == null ? null : promo.getCode(), points)));
        outbox.writeAndAnnounce(tx -> {
            tx.addPutItem(tables.checkouts(), checkout);
            tx.addPutItem(tables.receipts(), receipt(eventKey(eventId), now, started.userId()));
            writes.forEach(write -> write.accept(tx));
        }, events);
        return Outcome.CONFIRMED;
    }

    private static Rejection quoteRefusal(QuoteItem quote, BillingEvents.CheckoutStarted started, Instant now) {
        if (quote == null) {
            return new Rejection(Rejection.Reason.QUOTE_NOT_FOUND, "there is no quote " + started.quoteId());
        }
        if (value(quote.getUserId()) != started.userId()) {
            return new Rejection(Rejection.Reason.QUOTE_NOT_YOURS, "quote " + started.quoteId() + " was given to another user");
        }
        if (!QuoteStore.OPEN.equals(quote.getStatus())) {
            return new Rejection(Rejection.Reason.QUOTE_ALREADY_USED, "quote " + started.quoteId() + " was used by checkout " + quote.getCheckoutId());
        }
        if (!now.isBefore(Instant.ofEpochMilli(value(quote.getExpiresAtMillis())))) {
            return new Rejection(Rejection.Reason.QUOTE_EXPIRED, "quote " + started.quoteId() + " expired at "
                    + Instant.ofEpochMilli(value(quote.getExpiresAtMillis())));
        }
        return null;
    }

    private Outcome succeeded(String eventId, BillingEvents.PaymentOutcome payment) {
        String paidKey = "paid#" + payment.paymentId();
        if (seen(eventKey(eventId)) || seen(paidKey)) {
            return Outcome.DUPLICATE;
        }
        Instant now = clock.instant();
        CheckoutItem checkout = reservedCheckout(payment);
        long points = rates.earned(payment.amount(), payment.currency());
        List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes = new ArrayList<>();
        List<Outbox.Announcement> events = new ArrayList<>();
        Outcome outcome = Outcome.NOTHING_TO_DO;
        if (checkout != null) {
            checkout.setStatus(REDEEMED);
            writes.add(tx -> tx.addUpdateItem(tables.checkouts(), checkout));
            if (checkout.getPromoCode() != null) {
                events.add(DiscountEvents.redeemed(promoUse(checkout, null)));
            }
            outcome = Outcome.REDEEMED;
        }
        if (points > 0) {
            LoyaltyAccountItem account = accountOf(payment.userId());
            long balance = value(account.getBalance()) + points;
            account.setBalance(balance);
            writes.add(tx -> tx.addUpdateItem(tables.accounts(), account));
            writes.add(tx -> tx.addPutItem(tables.ledger(), entry(payment.userId(), now, "earned", payment.paymentId(), points, balance,
                    payment.paymentId(), payment.checkoutId())));
            events.add(DiscountEvents.earned(new DiscountEvents.PointsEarned(payment.userId(), payment.paymentId(), points, balance)));
            outcome = outcome == Outcome.NOTHING_TO_DO ? Outcome.EARNED : outcome;
        }
        ReceiptItem paid = receipt(paidKey, now, payment.userId());
        paid.setPoints(points);
        paid.setClawed(0L);
        outbox.writeAndAnnounce(tx -> {
            tx.addPutItem(tables.receipts(), receipt(eventKey(eventId), now, payment.userId()));
            tx.addPutItem(tables.receipts(), paid);
            writes.forEach(write -> write.accept(tx));
        }, events);
        return outcome;
    }

    private Outcome failed(String eventId, BillingEvents.PaymentOutcome payment) {
        String failedKey = "failed#" + payment.paymentId();
        if (seen(eventKey(eventId)) || seen(failedKey)) {
            return Outcome.DUPLICATE;
        }
        Instant now = clock.instant();
        CheckoutItem checkout = reservedCheckout(payment);
        List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes = new ArrayList<>();
        List<Outbox.Announcement> events = new ArrayList<>();
        if (checkout != null) {
            checkout.setStatus(RELEASED);
            writes.add(tx -> tx.addUpdateItem(tables.checkouts(), checkout));
            if (checkout.getPromoCode() != null) {
                PromoCodeItem promo = DiscountTables.read(tables.promoCodes(), checkout.getPromoCode());
                PromoUserUseItem use = DiscountTables.read(tables.promoUserUses(), PromoStore.userUseId(checkout.getPromoCode(), payment.userId()));
                if (promo != null) {
                    promo.setUses(Math.max(0, value(promo.getUses()) - 1));
                    writes.add(tx -> tx.addUpdateItem(tables.promoCodes(), promo));
                }
                if (use != null) {
                    use.setCount(Math.max(0, value(use.getCount()) - 1));
                    writes.add(tx -> tx.addUpdateItem(tables.promoUserUses(), use));
                }
                String code = payment.failureCode();
                events.add(DiscountEvents.released(promoUse(checkout, code == null || code.isBlank() ? "payment_failed" : code)));
            }
            long points = value(checkout.getPointsUsed());
            if (points > 0) {
                LoyaltyAccountItem account = accountOf(payment.userId());
                long balance = value(account.getBalance()) + points;
                account.setBalance(balance);
                writes.add(tx -> tx.addUpdateItem(tables.accounts(), account));
                writes.add(tx -> tx.addPutItem(tables.ledger(), entry(payment.userId(), now, "returned", checkout.getCheckoutId(), points, balance,
                        payment.paymentId(), checkout.getCheckoutId())));
                events.add(DiscountEvents.adjusted(new DiscountEvents.PointsAdjusted(payment.userId(), payment.paymentId(), points, balance, "returned")));
            }
            if (Boolean.TRUE.equals(checkout.getTrial())) {
                // The trial was never had: its card check failed. Only this checkout's claim goes.
                writes.add(tx -> tx.addDeleteItem(tables.trials(), TransactDeleteItemEnhancedRequest.builder()
                        .key(Key.builder().partitionValue(payment.userId()).build())
                        .conditionExpression(Expression.builder().expression("checkoutId = :checkout")
                                .expressionValues(Map.of(":checkout", AttributeValue.fromN(Long.toString(checkout.getCheckoutId())))).build())
                        .build()));
            }
        }
        outbox.writeAndAnnounce(tx -> {
            tx.addPutItem(tables.receipts(), receipt(eventKey(eventId), now, payment.userId()));
            tx.addPutItem(tables.receipts(), receipt(failedKey, now, payment.userId()));
            writes.forEach(write -> write.accept(tx));
        }, events);
        return checkout == null ? Outcome.NOTHING_TO_DO : Outcome.RELEASED;
    }

    /**
     * Claws back the points the payment earned in proportion to what is refunded of it in all (so refunds arriving in
     * any order come to the same total), never taking the balance below 0: points already spent stay spent.
     */
    private Outcome refunded(String eventId, BillingEvents.PaymentRefunded refund) {
        String refundKey = "refund#" + refund.refundId();
        if (seen(eventKey(eventId)) || seen(refundKey)) {
            return Outcome.DUPLICATE;
        }
        Instant now = clock.instant();
        ReceiptItem paid = DiscountTables.read(tables.receipts(), "paid#" + refund.paymentId());
        List<Consumer<TransactWriteItemsEnhancedRequest.Builder>> writes = new ArrayList<>();
        List<Outbox.Announcement> events = new ArrayList<>();
        Outcome outcome = Outcome.NOTHING_TO_DO;
        if (paid != null && value(paid.getPoints()) > 0) {
            long earned = paid.getPoints();
            long target = clawBackTarget(earned, refund);
            long delta = target - value(paid.getClawed());
            if (delta > 0) {
                paid.setClawed(target);
                writes.add(tx -> tx.addUpdateItem(tables.receipts(), paid));
                LoyaltyAccountItem account = accountOf(refund.userId());
                long take = Math.min(delta, value(account.getBalance()));
                if (take > 0) {
                    long balance = value(account.getBalance()) - take;
                    account.setBalance(balance);
                    writes.add(tx -> tx.addUpdateItem(tables.accounts(), account));
                    writes.add(tx -> tx.addPutItem(tables.ledger(), entry(refund.userId(), now, "clawed_back", refund.refundId(), -take, balance,
                            refund.paymentId(), null)));
                    events.add(DiscountEvents.adjusted(new DiscountEvents.PointsAdjusted(refund.userId(), refund.paymentId(), -take, balance, "clawed_back")));
                    outcome = Outcome.CLAWED_BACK;
                }
            }
        }
        outbox.writeAndAnnounce(tx -> {
            tx.addPutItem(tables.receipts(), receipt(eventKey(eventId), now, refund.userId()));
            tx.addPutItem(tables.receipts(), receipt(refundKey, now, refund.userId()));
            writes.forEach(write -> write.accept(tx));
        }, events);
        return outcome;
    }

    /** The points owed back once {@code refunded_total} of {@code paid_amount} is refunded: all of them when full. */
    static long clawBackTarget(long earned, BillingEvents.PaymentRefunded refund) {
        if (refund.full() || refund.paidAmount() <= 0 || refund.refundedTotal() >= refund.paidAmount()) {
            return earned;
        }
        return Math.multiplyExact(earned, Math.max(0, refund.refundedTotal())) / refund.paidAmount();
    }

    /** The checkout the payment paid, while its reservation stands; null for renewals and anything already settled. */
    private CheckoutItem reservedCheckout(BillingEvents.PaymentOutcome payment) {
        if (payment.checkoutId() == null) {
            return null;
        }
        CheckoutItem checkout = DiscountTables.read(tables.checkouts(), payment.checkoutId());
        return checkout != null && RESERVED.equals(checkout.getStatus()) && value(checkout.getPaymentId()) == payment.paymentId()
                ? checkout : null;
    }

    private LoyaltyAccountItem accountOf(long userId) {
        LoyaltyAccountItem account = DiscountTables.read(tables.accounts(), userId);
        if (account == null) {
            account = new LoyaltyAccountItem();
            account.setUserId(userId);
            account.setBalance(0L);
        }
        return account;
    }

    private static DiscountEvents.PromoUse promoUse(CheckoutItem checkout, String reason) {
        return new DiscountEvents.PromoUse(checkout.getCheckoutId(), checkout.getPaymentId(), checkout.getUserId(), checkout.getPromoCode(),
                value(checkout.getPromoDiscount()), checkout.getCurrency(), reason);
    }

    private boolean seen(String key) {
        return DiscountTables.read(tables.receipts(), key) != null;
    }

    private static String eventKey(String eventId) {
        return "event#" + eventId;
    }

    private static ReceiptItem receipt(String key, Instant now, long userId) {
        ReceiptItem receipt = new ReceiptItem();
        receipt.setId(key);
        receipt.setAt(now.toString());
        receipt.setUserId(userId);
        return receipt;
    }

    private static PromoUserUseItem newUse(String code, long userId) {
        PromoUserUseItem use = new PromoUserUseItem();
        use.setId(PromoStore.userUseId(code, userId));
        use.setCode(code);
        use.setUserId(userId);
        use.setCount(0L);
        return use;
    }

    private static LedgerEntryItem entry(long userId, Instant now, String reason, long reference, long delta, long balance,
                                         Long paymentId, Long checkoutId) {
        LedgerEntryItem entry = new LedgerEntryItem();
        entry.setUserId(userId);
        entry.setEntry(String.format("%013d#%s#%d", now.toEpochMilli(), reason, reference));
        entry.setDelta(delta);
        entry.setReason(reason);
        entry.setPaymentId(paymentId);
        entry.setCheckoutId(checkoutId);
        entry.setBalance(balance);
        entry.setAt(now.toString());
        return entry;
    }

    private static long value(Number number) {
        return number == null ? 0 : number.longValue();
    }
}

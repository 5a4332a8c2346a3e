package com.cinemaabyss.discounts.store;

import com.cinemaabyss.discounts.domain.LoyaltyView;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

import java.util.List;

/** Reads of the loyalty accounts and ledger; the saga ({@link CheckoutSaga}) is what changes them. */
public class LoyaltyStore {

    private final DynamoDbTable<LoyaltyAccountItem> accounts;
    private final DynamoDbTable<LedgerEntryItem> ledger;
    private final int recent;

    public LoyaltyStore(DiscountTables tables, int recent) {
        this.accounts = tables.accounts();
        this.ledger = tables.ledger();
        this.recent = recent;
    }

    public long balance(long userId) {
        LoyaltyAccountItem account = DiscountTables.read(accounts, userId);
        return account == null || account.getBalance() == null ? 0 : account.getBalance();
    }

    public LoyaltyView view(long userId) {
        List<LoyaltyView.Entry> entries = ledger.query(QueryEnhancedRequest.builder()
                        .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(userId).build()))
                        .scanIndexForward(false)
                        .limit(recent)
                        .build())
                .items().stream().limit(recent)
                .map(e -> new LoyaltyView.Entry(e.getDelta(), e.getReason(), e.getPaymentId(), e.getCheckoutId(), e.getBalance(), e.getAt()))
                .toList();
        return new LoyaltyView(userId, balance(userId), entries);
    }
}

package com.cinemaabyss.discounts.store;

import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.dynamo.TableSetup;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/** discounts' tables (created locally through {@link TableSetup}; in AWS by infra/aws/dynamodb-tables.yaml). */
public record DiscountTables(DynamoDbTable<PlanItem> plans, DynamoDbTable<PromoCodeItem> promoCodes,
                             DynamoDbTable<PromoUserUseItem> promoUserUses, DynamoDbTable<QuoteItem> quotes,
                             DynamoDbTable<CheckoutItem> checkouts, DynamoDbTable<TrialItem> trials,
                             DynamoDbTable<LoyaltyAccountItem> accounts, DynamoDbTable<LedgerEntryItem> ledger,
                             DynamoDbTable<ReceiptItem> receipts) {

    public static DiscountTables create(DynamoDbEnhancedClient client, TableSetup setup, DynamoSettings dynamo) {
        return new DiscountTables(
                table(client, setup, dynamo, "plans", PlanItem.class),
                table(client, setup, dynamo, "promo-codes", PromoCodeItem.class),
                table(client, setup, dynamo, "promo-user-uses", PromoUserUseItem.class),
                table(client, setup, dynamo, "quotes", QuoteItem.class),
                table(client, setup, dynamo, "checkouts", CheckoutItem.class),
                table(client, setup, dynamo, "trials", TrialItem.class),
                table(client, setup, dynamo, "loyalty-accounts", LoyaltyAccountItem.class),
                table(client, setup, dynamo, "loyalty-ledger", LedgerEntryItem.class),
                table(client, setup, dynamo, "receipts", ReceiptItem.class));
    }

    private static <T> DynamoDbTable<T> table(DynamoDbEnhancedClient client, TableSetup setup, DynamoSettings dynamo, String role, Class<T> type) {
        return setup.ensure(client.table(dynamo.table(role), TableSchema.fromBean(type)));
    }

    /** A strongly consistent read by key: every decision of the saga is taken on the latest write. */
    static <T> T read(DynamoDbTable<T> table, Object partition) {
        Key key = partition instanceof Long id ? Key.builder().partitionValue(id).build()
                : Key.builder().partitionValue((String) partition).build();
        return table.getItem(r -> r.key(key).consistentRead(true));
    }
}

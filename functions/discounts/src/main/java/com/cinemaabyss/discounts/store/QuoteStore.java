package com.cinemaabyss.discounts.store;

import com.cinemaabyss.discounts.domain.Plan;
import com.cinemaabyss.discounts.domain.Pricing;
import com.cinemaabyss.discounts.domain.Quote;
import com.cinemaabyss.kit.dynamo.IdSequences;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

import java.time.Instant;
import java.util.Optional;

/** Quotes: stored prices, numbered from the sequences table, confirmed at most once by a checkout. */
public class QuoteStore {

    static final String OPEN = "open";
    static final String CONFIRMED = "confirmed";

    private final DynamoDbTable<QuoteItem> quotes;
    private final IdSequences ids;

    public QuoteStore(DiscountTables tables, IdSequences ids) {
        this.quotes = tables.quotes();
        this.ids = ids;
    }

    public Quote create(long userId, Plan plan, String currency, Pricing.Breakdown price, Instant expiresAt) {
        QuoteItem item = new QuoteItem();
        item.setId(ids.next("quotes"));
        item.setUserId(userId);
        item.setPlanId(plan.id());
        item.setPeriod(plan.period());
        item.setMaxProfiles(plan.maxProfiles());
        item.setTrialDays(plan.trialDays());
        item.setCurrency(currency);
        item.setListPrice(price.listPrice());
        price.discounts().stream().filter(d -> d.kind().equals("promo")).findFirst().ifPresent(promo -> {
            item.setPromoCode(promo.code());
            item.setPromoDiscount(promo.amount());
        });
        item.setPointsUsed(price.pointsUsed());
        item.setPointsDiscount(price.listPrice() - price.promoDiscount() - price.finalPrice());
        item.setFinalPrice(price.finalPrice());
        item.setExpiresAtMillis(expiresAt.toEpochMilli());
        item.setStatus(OPEN);
        quotes.putItem(item);
        return toQuote(item);
    }

    public Optional<Quote> find(long id) {
        return Optional.ofNullable(DiscountTables.read(quotes, id)).map(QuoteStore::toQuote);
    }

    static Quote toQuote(QuoteItem item) {
        java.util.List<Pricing.Discount> discounts = new java.util.ArrayList<>();
        if (item.getPromoCode() != null) {
            discounts.add(new Pricing.Discount("promo", item.getPromoCode(), item.getPromoDiscount()));
        }
        if (item.getPointsUsed() != null && item.getPointsUsed() > 0) {
            discounts.add(new Pricing.Discount("points", null, item.getPointsDiscount()));
        }
        return new Quote(item.getId(), item.getPlanId(), item.getCurrency(), item.getListPrice(), discounts, item.getFinalPrice(),
                Instant.ofEpochMilli(item.getExpiresAtMillis()).toString());
    }
}

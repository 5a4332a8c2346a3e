package com.cinemaabyss.discounts.store;

import com.cinemaabyss.discounts.domain.PromoCode;
import com.cinemaabyss.kit.core.ConflictException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.Optional;

/** Promo codes and each user's count of uses. The counts change only in the saga's transactions ({@link CheckoutSaga}). */
public class PromoStore {

    private final DynamoDbTable<PromoCodeItem> codes;
    private final DynamoDbTable<PromoUserUseItem> userUses;

    public PromoStore(DiscountTables tables) {
        this.codes = tables.promoCodes();
        this.userUses = tables.promoUserUses();
    }

    /** Stores a new code; 409 when the code exists. */
    public PromoCode create(PromoCode code) {
        PromoCodeItem item = new PromoCodeItem();
        item.setCode(code.code());
        item.setKind(code.kind());
        item.setPercent(code.percent());
        item.setAmounts(code.amounts().isEmpty() ? null : code.amounts());
        item.setValidFrom(code.validFrom());
        item.setValidUntil(code.validUntil());
        item.setPlanIds(code.planIds().isEmpty() ? null : code.planIds());
        item.setMaxUses(code.maxUses());
        item.setPerUserLimit(code.perUserLimit());
        item.setUses(0L);
        item.setCreatedAt(Instant.now().toString());
        try {
            // The version attribute makes this put conditional on the code not existing yet.
            codes.putItem(item);
        } catch (ConditionalCheckFailedException exists) {
            throw new ConflictException("promo code " + code.code() + " exists already");
        }
        return code;
    }

    public Optional<PromoCode> find(String code) {
        return Optional.ofNullable(DiscountTables.read(codes, code)).map(PromoStore::toCode);
    }

    public long usesBy(String code, long userId) {
        PromoUserUseItem item = DiscountTables.read(userUses, userUseId(code, userId));
        return item == null || item.getCount() == null ? 0 : item.getCount();
    }

    public boolean isEmpty() {
        return codes.scan(ScanEnhancedRequest.builder().limit(1).build()).items().stream().findAny().isEmpty();
    }

    static String userUseId(String code, long userId) {
        return code + "#" + userId;
    }

    static PromoCode toCode(PromoCodeItem item) {
        return new PromoCode(item.getCode(), item.getKind(), item.getPercent(), item.getAmounts(), item.getValidFrom(), item.getValidUntil(),
                item.getPlanIds(), item.getMaxUses(), item.getPerUserLimit(), item.getUses() == null ? 0 : item.getUses());
    }
}

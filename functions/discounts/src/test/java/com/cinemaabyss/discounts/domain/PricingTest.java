package com.cinemaabyss.discounts.domain;

import com.cinemaabyss.kit.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PricingTest {

    private static final LoyaltyRates RATES = new LoyaltyRates(1, 1, 50, 20);

    private static PromoCode percent(int percent) {
        return new PromoCode("SAVE", "percent", percent, Map.of(), null, null, List.of(), 100, 1, 0);
    }

    private static PromoCode fixed(Map<String, Long> amounts) {
        return new PromoCode("FLAT", "fixed", null, amounts, null, null, List.of(), 100, 1, 0);
    }

    @Test
    void listPriceWithoutDiscounts() {
        Pricing.Breakdown price = Pricing.price(799, "EUR", null, 0, RATES);
        assertEquals(799, price.finalPrice());
        assertEquals(List.of(), price.discounts());
        assertEquals(0, price.pointsUsed());
    }

    @Test
    void percentRoundsHalfUpToTheMinorUnit() {
        // 10 % of 799 is 79.9 -> 80; 10 % of 794 is 79.4 -> 79; 15 % of 10 is 1.5 -> 2.
        assertEquals(719, Pricing.price(799, "EUR", percent(10), 0, RATES).finalPrice());
        assertEquals(715, Pricing.price(794, "EUR", percent(10), 0, RATES).finalPrice());
        assertEquals(8, Pricing.price(10, "EUR", percent(15), 0, RATES).finalPrice());
        assertEquals(0, Pricing.price(799, "EUR", percent(100), 0, RATES).finalPrice());
        assertEquals(List.of(new Pricing.Discount("promo", "SAVE", 80)), Pricing.price(799, "EUR", percent(10), 0, RATES).discounts());
    }

    @Test
    void fixedTakesItsAmountInTheCurrencyAndNeverMoreThanThePrice() {
        PromoCode flat = fixed(Map.of("EUR", 300L, "USD", 5000L));
        assertEquals(499, Pricing.price(799, "EUR", flat, 0, RATES).finalPrice());
        Pricing.Breakdown capped = Pricing.price(899, "USD", flat, 0, RATES);
        assertEquals(0, capped.finalPrice());
        assertEquals(899, capped.promoDiscount());
        InvalidInputException noAmount = assertThrows(InvalidInputException.class, () -> Pricing.price(799, "JPY", flat, 0, RATES));
        assertTrue(noAmount.getMessage().contains("JPY"));
    }

    @Test
    void pointsPayAtMostHalfOfWhatThePromoLeft() {
        // 1000 - 10 % = 900; half of that is 450 minor units = 450 points at 1 minor unit per point.
        Pricing.Breakdown many = Pricing.price(1000, "EUR", percent(10), 10_000, RATES);
        assertEquals(450, many.pointsUsed());
        assertEquals(450, many.finalPrice());
        assertEquals(List.of(new Pricing.Discount("promo", "SAVE", 100), new Pricing.Discount("points", null, 450)), many.discounts());
        // Fewer points than the cap: all of them.
        Pricing.Breakdown few = Pricing.price(1000, "EUR", null, 120, RATES);
        assertEquals(120, few.pointsUsed());
        assertEquals(880, few.finalPrice());
    }

    @Test
    void pointsRedeemWholePointsOnlyAtTheConfiguredValue() {
        // 10 minor units per point: half of 799 is 399 minor units, 39 whole points, 390 off.
        LoyaltyRates tenEach = new LoyaltyRates(1, 10, 50, 20);
        Pricing.Breakdown price = Pricing.price(799, "EUR", null, 1_000, tenEach);
        assertEquals(39, price.pointsUsed());
        assertEquals(409, price.finalPrice());
    }

    @Test
    void aPriceThePromoBroughtToZeroSpendsNoPoints() {
        Pricing.Breakdown free = Pricing.price(799, "EUR", percent(100), 500, RATES);
        assertEquals(0, free.pointsUsed());
        assertEquals(1, free.discounts().size());
    }

    @Test
    void earningIsPerWholeUnitOfTheCurrency() {
        assertEquals(7, RATES.earned(799, "EUR"));
        assertEquals(0, RATES.earned(99, "EUR"));
        assertEquals(1500, RATES.earned(1500, "JPY"), "yen have no minor unit");
        assertEquals(0, RATES.earned(0, "EUR"));
        assertEquals(14, new LoyaltyRates(2, 1, 50, 20).earned(799, "USD"));
    }

    @Test
    void aCodeIsRefusedOutsideItsWindowAndBeyondItsLimitsInThatOrder() {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        PromoCode code = new PromoCode("SPRING", "percent", 10, Map.of(), "2026-03-01T00:00:00Z", "2026-06-01T00:00:00Z", List.of(), 5, 2, 5);
        assertEquals(Rejection.Reason.PROMO_EXPIRED, code.refusal(now, 0).orElseThrow().reason(), "valid_until is exclusive");
        assertEquals(Rejection.Reason.PROMO_EXPIRED, code.refusal(Instant.parse("2026-02-28T00:00:00Z"), 0).orElseThrow().reason());
        Instant inside = Instant.parse("2026-04-01T00:00:00Z");
        assertEquals(Rejection.Reason.PROMO_EXHAUSTED, code.refusal(inside, 0).orElseThrow().reason());
        PromoCode open = new PromoCode("SPRING", "percent", 10, Map.of(), null, null, List.of(), 5, 2, 4);
        assertTrue(open.refusal(inside, 1).isEmpty());
        assertEquals(Rejection.Reason.PROMO_USER_LIMIT_REACHED, open.refusal(inside, 2).orElseThrow().reason());
    }

    @Test
    void newCodesAreCheckedFieldByField() {
        NewPromoCode ok = new NewPromoCode(" welcome10 ", "percent", 10, null, null, null, List.of("basic-month", "basic-month"), 100L, null);
        assertEquals("WELCOME10", ok.code());
        assertEquals(1, ok.perUserLimit());
        assertEquals(List.of("basic-month"), ok.planIds());
        assertThrows(InvalidInputException.class, () -> new NewPromoCode("WELCOME", "percent", 0, null, null, null, null, 1L, 1));
        assertThrows(InvalidInputException.class, () -> new NewPromoCode("WELCOME", "percent", 101, null, null, null, null, 1L, 1));
        assertThrows(InvalidInputException.class, () -> new NewPromoCode("WELCOME", "fixed", null, Map.of("eur", 1L), null, null, null, 1L, 1));
        assertThrows(InvalidInputException.class, () -> new NewPromoCode("WELCOME", "fixed", null, Map.of("EUR", 0L), null, null, null, 1L, 1));
        assertThrows(InvalidInputException.class, () -> new NewPromoCode("W!", "percent", 5, null, null, null, null, 1L, 1));
        assertThrows(InvalidInputException.class, () -> new NewPromoCode("WELCOME", "percent", 5, null, "2026-02-01T00:00:00Z", "2026-01-01T00:00:00Z", null, 1L, 1));
        assertThrows(InvalidInputException.class, () -> new NewPromoCode("WELCOME", "percent", 5, null, null, null, null, null, 1));
        assertThrows(InvalidInputException.class, () -> new NewPromoCode("WELCOME", "percent", 5, null, null, "tomorrow", null, 1L, 1));
    }
}

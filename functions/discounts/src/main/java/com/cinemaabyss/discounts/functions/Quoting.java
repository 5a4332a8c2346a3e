package com.cinemaabyss.discounts.functions;

import com.cinemaabyss.discounts.domain.LoyaltyRates;
import com.cinemaabyss.discounts.domain.Plan;
import com.cinemaabyss.discounts.domain.Pricing;
import com.cinemaabyss.discounts.domain.PromoCode;
import com.cinemaabyss.discounts.domain.Quote;
import com.cinemaabyss.discounts.domain.QuoteRequest;
import com.cinemaabyss.discounts.domain.Rejection;
import com.cinemaabyss.discounts.store.LoyaltyStore;
import com.cinemaabyss.discounts.store.PlanStore;
import com.cinemaabyss.discounts.store.PromoStore;
import com.cinemaabyss.discounts.store.QuoteStore;
import com.cinemaabyss.kit.core.ConflictException;
import com.cinemaabyss.kit.core.InvalidInputException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Works out and stores a quote. The promo code is checked here for the answer (400 for a code that does not exist,
 * does not apply or is outside its window; 409 for one used up, in all or by this user); it is enforced atomically
 * only when a checkout confirms the quote.
 */
public class Quoting {

    private final PlanStore plans;
    private final PromoStore promos;
    private final LoyaltyStore loyalty;
    private final QuoteStore quotes;
    private final LoyaltyRates rates;
    private final Duration ttl;
    private final Clock clock;

    public Quoting(PlanStore plans, PromoStore promos, LoyaltyStore loyalty, QuoteStore quotes, LoyaltyRates rates, Duration ttl, Clock clock) {
        this.plans = plans;
        this.promos = promos;
        this.loyalty = loyalty;
        this.quotes = quotes;
        this.rates = rates;
        this.ttl = ttl;
        this.clock = clock;
    }

    public Quote quote(QuoteRequest.Order order) {
        QuoteRequest request = order.request();
        Plan plan = plans.find(request.planId())
                .orElseThrow(() -> new InvalidInputException("field 'plan_id': there is no plan " + request.planId()));
        String currency = request.currency() != null ? request.currency()
                : plan.prices().keySet().stream().sorted().findFirst().orElseThrow(() -> new InvalidInputException("plan " + plan.id() + " has no price"));
        if (!plan.pricedIn(currency)) {
            throw new InvalidInputException("field 'currency': plan " + plan.id() + " is not priced in " + currency
                    + "; it is in " + String.join(", ", plan.prices().keySet().stream().sorted().toList()));
        }
        Instant now = clock.instant();
        PromoCode promo = request.promoCode() == null ? null : usable(request.promoCode(), plan, order.userId(), now);
        long points = request.usePoints() ? loyalty.balance(order.userId()) : 0;
        Pricing.Breakdown price = Pricing.price(plan.prices().get(currency), currency, promo, points, rates);
        return quotes.create(order.userId(), plan, currency, price, now.plus(ttl));
    }

    private PromoCode usable(String code, Plan plan, long userId, Instant now) {
        PromoCode promo = promos.find(code)
                .orElseThrow(() -> new InvalidInputException("promo_not_found: there is no promo code " + code));
        if (!promo.appliesTo(plan.id())) {
            throw new InvalidInputException("promo_not_applicable: promo code " + code + " does not apply to plan " + plan.id());
        }
        Optional<Rejection> refusal = promo.refusal(now, promos.usesBy(code, userId));
        if (refusal.isPresent()) {
            Rejection rejection = refusal.get();
            throw rejection.reason().conflict() ? new ConflictException(rejection.message()) : new InvalidInputException(rejection.message());
        }
        return promo;
    }
}

package com.cinemaabyss.discounts.domain;

import com.cinemaabyss.kit.core.Checks;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/** The body of {@code PUT /api/v1/plans/{id}}: the whole plan but its id. */
public record PlanUpdate(String name, String period, Map<String, Long> prices,
                         @JsonProperty("trial_days") Integer trialDays, @JsonProperty("max_profiles") Integer maxProfiles) {

    public static final int MAX_TRIAL_DAYS = 90;
    public static final int MAX_PROFILES = 10;

    public PlanUpdate {
        name = Checks.noControlCharacters(Checks.maxLength(Checks.requireText(name, "name"), 100, "name"), "name");
        period = Period.of(period, "period").wire();
        prices = Money.perCurrency(prices, 1, "prices");
        trialDays = bounded(trialDays == null ? 0 : trialDays, 0, MAX_TRIAL_DAYS, "trial_days");
        maxProfiles = bounded(Checks.require(maxProfiles, "max_profiles"), 1, MAX_PROFILES, "max_profiles");
    }

    public Plan withId(String id) {
        return new Plan(PlanIds.check(id, "id"), name, period, prices, trialDays, maxProfiles);
    }

    private static int bounded(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new InvalidInputException("field '" + field + "' must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }
}

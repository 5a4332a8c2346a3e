package com.cinemaabyss.discounts.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Money is integer minor units plus an ISO 4217 code: the checks every amount and price list goes through. */
public final class Money {

    /** The most any price or fixed discount may be, in minor units (a million units of a two-decimal currency). */
    public static final long MAX_AMOUNT = 100_000_000L;
    public static final int MAX_CURRENCIES = 20;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Money() {
    }

    public static String currency(String value, String field) {
        if (value == null || !CURRENCY.matcher(value).matches()) {
            throw new InvalidInputException("field '" + field + "' must be an ISO 4217 code of three upper-case letters");
        }
        return value;
    }

    public static long amount(Long value, long min, String field) {
        if (value == null) {
            throw new InvalidInputException("field '" + field + "' is required");
        }
        if (value < min || value > MAX_AMOUNT) {
            throw new InvalidInputException("field '" + field + "' must be an integer amount in minor units from " + min + " to " + MAX_AMOUNT);
        }
        return value;
    }

    /** A price per currency: 1 to {@value #MAX_CURRENCIES} entries, each amount from {@code min} minor units. */
    public static Map<String, Long> perCurrency(Map<String, Long> values, long min, String field) {
        if (values == null || values.isEmpty()) {
            throw new InvalidInputException("field '" + field + "' is required: an object of ISO 4217 code to amount in minor units");
        }
        if (values.size() > MAX_CURRENCIES) {
            throw new InvalidInputException("field '" + field + "' must have at most " + MAX_CURRENCIES + " currencies");
        }
        Map<String, Long> checked = new TreeMap<>();
        values.forEach((currency, amount) -> checked.put(currency(currency, field + " key"), amount(amount, min, field + "." + currency)));
        return Map.copyOf(checked);
    }
}

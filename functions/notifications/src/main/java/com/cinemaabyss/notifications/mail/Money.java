package com.cinemaabyss.notifications.mail;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Amounts as the events carry them (integer minor units and an ISO 4217 code) written for people in their language. */
public final class Money {

    private Money() {
    }

    public static String format(long minor, String currencyCode, Locale locale) {
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException unknown) {
            // A code the JDK does not know (the contract only checks its shape): the amount in minor units with the code.
            return minor + " " + currencyCode;
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal amount = BigDecimal.valueOf(minor, digits);
        if (currency.getSymbol(locale).equals(currency.getCurrencyCode())) {
            // No symbol in this language (roubles in English): "299.00 RUB" reads better than the JDK's "RUB299.00".
            NumberFormat number = NumberFormat.getNumberInstance(locale);
            number.setMinimumFractionDigits(digits);
            number.setMaximumFractionDigits(digits);
            return number.format(amount) + " " + currency.getCurrencyCode();
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(amount);
    }
}

package com.cinemaabyss.payments.domain;

import com.cinemaabyss.kit.core.Checks;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.regex.Pattern;

/** POST /api/v1/checkouts: the quote to pay for (its id from discounts' POST /api/v1/quotes) and the provider's payment token for the card. */
public record NewCheckout(@JsonProperty("quote_id") Long quoteId, @JsonProperty("payment_token") String paymentToken) {

    private static final Pattern TOKEN = Pattern.compile("tok_[A-Za-z0-9_]{1,100}");

    public NewCheckout {
        Checks.requirePositive(quoteId, "quote_id");
        paymentToken = Checks.requireText(paymentToken, "payment_token");
        if (!TOKEN.matcher(paymentToken).matches()) {
            throw new InvalidInputException("field 'payment_token' must be a provider token: 'tok_' and up to 100 letters, digits or '_'");
        }
    }
}

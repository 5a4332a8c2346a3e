package com.cinemaabyss.payments.domain;

import com.cinemaabyss.kit.core.Checks;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.regex.Pattern;

/** POST /api/v1/checkouts: the quote to pay for (from discounts) and the provider's payment token for the card. */
public record NewCheckout(@JsonProperty("quote_id") String quoteId, @JsonProperty("payment_token") String paymentToken) {

    public static final Pattern QUOTE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TOKEN = Pattern.compile("tok_[A-Za-z0-9_]{1,100}");

    public NewCheckout {
        quoteId = Checks.requireText(quoteId, "quote_id");
        if (!QUOTE_ID.matcher(quoteId).matches()) {
            throw new InvalidInputException("field 'quote_id' must be 1 to 64 letters, digits, '_' or '-'");
        }
        paymentToken = Checks.requireText(paymentToken, "payment_token");
        if (!TOKEN.matcher(paymentToken).matches()) {
            throw new InvalidInputException("field 'payment_token' must be a provider token: 'tok_' and up to 100 letters, digits or '_'");
        }
    }
}

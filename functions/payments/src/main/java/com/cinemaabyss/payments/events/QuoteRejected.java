package com.cinemaabyss.payments.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Data of discounts' quote.rejected.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuoteRejected(@JsonProperty("checkout_id") long checkoutId, @JsonProperty("payment_id") long paymentId,
                            @JsonProperty("user_id") long userId, @JsonProperty("quote_id") long quoteId,
                            @JsonProperty("reason_code") String reasonCode, String reason) {
}

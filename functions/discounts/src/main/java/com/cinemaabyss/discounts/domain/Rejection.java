package com.cinemaabyss.discounts.domain;

/**
 * Why a quote cannot be confirmed (or a promo code not applied): the reason code of {@code quote.rejected} and the
 * sentence that goes with it. {@code conflict} says whether a quote request meeting it is answered 409 (the code is
 * fine but used up) rather than 400.
 */
public record Rejection(Reason reason, String sentence) {

    public enum Reason {
        QUOTE_NOT_FOUND("quote_not_found", false),
        QUOTE_EXPIRED("quote_expired", false),
        QUOTE_NOT_YOURS("quote_not_yours", false),
        QUOTE_ALREADY_USED("quote_already_used", true),
        PROMO_EXHAUSTED("promo_exhausted", true),
        PROMO_USER_LIMIT_REACHED("promo_user_limit_reached", true),
        PROMO_EXPIRED("promo_expired", false),
        POINTS_INSUFFICIENT("points_insufficient", true);

        private final String code;
        private final boolean conflict;

        Reason(String code, boolean conflict) {
            this.code = code;
            this.conflict = conflict;
        }

        public String code() {
            return code;
        }

        public boolean conflict() {
            return conflict;
        }
    }

    /** As a client reads it in a 400/409: the reason code first, then the sentence. */
    public String message() {
        return reason.code() + ": " + sentence;
    }
}

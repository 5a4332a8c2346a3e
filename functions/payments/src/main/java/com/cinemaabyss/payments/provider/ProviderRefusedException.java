package com.cinemaabyss.payments.provider;

/** The provider refused a request for good (4xx): its code ({@code token_invalid}, {@code amount_too_large}, ...) and message. */
public class ProviderRefusedException extends RuntimeException {

    private final String code;

    public ProviderRefusedException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

package com.cinemaabyss.payments;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * The payment id progression shared with the monolith ({@code idOffset}, {@code idStride}), the provider and how it is
 * called, and how webhooks are checked.
 */
@ConfigurationProperties("cinemaabyss.payments")
public record PaymentsSettings(long idOffset, long idStride, Provider provider, @DefaultValue Webhooks webhooks) {

    /** The provider's API base, its key and the secret its webhooks are signed with; each call's timeout and retries. */
    public record Provider(URI url, String apiKey, String webhookSecret, @DefaultValue("5s") Duration timeout,
                           @DefaultValue("3") int maxAttempts, @DefaultValue("200ms") Duration retryWait) {

        public Provider {
            if (url == null || apiKey == null || apiKey.isBlank() || webhookSecret == null || webhookSecret.isBlank()) {
                throw new IllegalStateException("cinemaabyss.payments.provider needs url, api-key and webhook-secret");
            }
        }

        @Override
        public String toString() {
            return "Provider[url=" + url + ", apiKey=***, webhookSecret=***]";
        }
    }

    public record Webhooks(@DefaultValue("5m") Duration tolerance, @DefaultValue("7d") Duration receiptTtl) {
    }
}

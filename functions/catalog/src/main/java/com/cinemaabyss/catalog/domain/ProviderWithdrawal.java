package com.cinemaabyss.catalog.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The data of {@code com.cinemaabyss.content.title.withdrawn.v1}: the provider no longer offers the item. */
public record ProviderWithdrawal(String provider, @JsonProperty("external_id") String externalId, String reason) {

    public ProviderWithdrawal {
        provider = Fields.providerName(provider, "provider");
        externalId = Fields.text(externalId, 128, "external_id");
        reason = Fields.optionalText(reason, 500, "reason", true);
    }

    public Provider source() {
        return new Provider(provider, externalId);
    }
}

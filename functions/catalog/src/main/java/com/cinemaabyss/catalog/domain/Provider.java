package com.cinemaabyss.catalog.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a title came from when a provider feed offered it. */
public record Provider(String name, @JsonProperty("external_id") String externalId) {

    public Provider {
        name = Fields.providerName(name, "provider");
        externalId = Fields.text(externalId, 128, "external_id");
    }

    /** The feed's key of the item: {@code <provider>/<external_id>}. */
    public String key() {
        return name + "/" + externalId;
    }
}

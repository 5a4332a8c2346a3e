package com.cinemaabyss.events.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the ledger knows of one consumed event: it was processed once, and delivered {@code deliveries} times. */
public record ProcessedEvent(String id, String type, String subject, String consumer, long deliveries, long duplicates,
                             @JsonProperty("first_processed_at") String firstProcessedAt) {
}

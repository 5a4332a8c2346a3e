package com.cinemaabyss.notifications.campaigns;

import com.cinemaabyss.notifications.store.CampaignItem;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/** A campaign as its routes show it: what it sends to whom, and how far it got. */
public record Campaign(String id, String template, String channel, Segment segment, String status, Progress progress,
                       @JsonProperty("created_at") Instant createdAt) {

    public record Segment(List<String> plans, List<String> countries, List<String> languages) {
    }

    /** queued = sent + skipped_by_preference + failed once every recipient was handled; the rest is still on its way. */
    public record Progress(long queued, long sent, @JsonProperty("skipped_by_preference") long skippedByPreference, long failed) {
    }

    public static Campaign of(CampaignItem item) {
        return new Campaign(item.getId(), item.getTemplate(), item.getChannel(),
                new Segment(item.getPlans() == null ? List.of() : item.getPlans(), item.getCountries() == null ? List.of() : item.getCountries(),
                        item.getLanguages() == null ? List.of() : item.getLanguages()),
                item.getStatus(), new Progress(n(item.getQueued()), n(item.getSent()), n(item.getSkippedByPreference()), n(item.getFailed())),
                Instant.ofEpochMilli(item.getCreatedAt()));
    }

    private static long n(Long value) {
        return value == null ? 0 : value;
    }
}

package com.cinemaabyss.content.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a granted playback answers: where to stream from, until when the URL is valid, and the session's id. */
public record Playback(@JsonProperty("stream_url") String streamUrl, @JsonProperty("expires_at") String expiresAt,
                       @JsonProperty("session_id") String sessionId) {
}

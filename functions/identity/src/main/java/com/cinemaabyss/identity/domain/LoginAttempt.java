package com.cinemaabyss.identity.domain;

/** A login as the function sees it: the credentials, and the client address the throttling counts failures of. */
public record LoginAttempt(Credentials credentials, String clientAddress) {
}

package com.cinemaabyss.events.domain;

/** What can happen to an account: {@link UserEvent#action()}. */
public enum UserAction implements KnownValue {
    REGISTERED, LOGGED_IN, LOGGED_OUT, PROFILE_UPDATED, PASSWORD_CHANGED, DELETED
}

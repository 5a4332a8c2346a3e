package com.cinemaabyss.notifications.domain;

import java.util.Locale;

/** How a notification reaches a user: email (SMTP), push (Web Push to the browsers the user subscribed) and SMS (a provider). */
public enum Channel {
    EMAIL, PUSH, SMS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

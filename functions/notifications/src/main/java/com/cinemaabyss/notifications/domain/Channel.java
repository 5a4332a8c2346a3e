package com.cinemaabyss.notifications.domain;

import java.util.Locale;

/** How a notification reaches a user. Only email is sent yet; push and sms exist as preferences. */
public enum Channel {
    EMAIL, PUSH, SMS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

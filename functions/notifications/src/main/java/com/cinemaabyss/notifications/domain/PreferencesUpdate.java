package com.cinemaabyss.notifications.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

/**
 * {@code PUT /api/v1/me/notification-preferences}: any of language and, per channel, {@code {"marketing": bool}}; what
 * is left out stays as it is. {@code transactional: false} is refused: receipts and resets are always sent.
 */
public record PreferencesUpdate(String language, ChannelUpdate email, ChannelUpdate push, ChannelUpdate sms) {

    public record ChannelUpdate(Boolean marketing, Boolean transactional) {
        public ChannelUpdate {
            if (Boolean.FALSE.equals(transactional)) {
                throw new InvalidInputException("transactional notifications (receipts, password resets, verification) cannot be turned off");
            }
        }
    }

    public PreferencesUpdate {
        if (language != null) {
            Language.parse(language, "language");
        }
        if (language == null && email == null && push == null && sms == null) {
            throw new InvalidInputException("nothing to change: send language or email, push, sms as {\"marketing\": true|false}");
        }
    }

    public Language parsedLanguage() {
        return language == null ? null : Language.parse(language, "language");
    }

    static Boolean marketing(ChannelUpdate update) {
        return update == null ? null : update.marketing();
    }

    public Boolean emailMarketing() {
        return marketing(email);
    }

    public Boolean pushMarketing() {
        return marketing(push);
    }

    public Boolean smsMarketing() {
        return marketing(sms);
    }
}

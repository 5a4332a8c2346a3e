package com.cinemaabyss.notifications.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

/**
 * {@code PUT /api/v1/me/notification-preferences}: any of language and, per channel, {@code {"marketing": bool}}; what
 * is left out stays as it is; {@code phone} (E.164) is where SMS go, {@code ""} removes it. {@code transactional: false} is refused: receipts and resets are always sent.
 */
public record PreferencesUpdate(String language, ChannelUpdate email, ChannelUpdate push, ChannelUpdate sms, String phone) {

    /** E.164: a plus, the country code and the number, 8 to 15 digits in all. */
    public static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+[1-9][0-9]{7,14}");


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
        if (phone != null && !phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            throw new InvalidInputException("phone must be an E.164 number (+ and 8..15 digits, e.g. +79161234567), or \"\" to remove it");
        }
        if (language == null && email == null && push == null && sms == null && phone == null) {
            throw new InvalidInputException("nothing to change: send language, phone, or email, push, sms as {\"marketing\": true|false}");
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

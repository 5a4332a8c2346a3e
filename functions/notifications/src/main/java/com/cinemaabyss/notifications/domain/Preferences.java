package com.cinemaabyss.notifications.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A user's notification preferences: the language notifications are written in, per channel whether marketing is
 * wanted, and the phone number SMS go to (E.164; shown only when set: no event tells notifications a user's number).
 * Transactional notifications (receipts, resets, verification) are always sent: {@code transactional} is shown, never set.
 */
public record Preferences(@JsonProperty("user_id") long userId, @JsonIgnore Language language, ChannelChoice email, ChannelChoice push,
                          ChannelChoice sms, @JsonInclude(JsonInclude.Include.NON_NULL) String phone) {

    /** One channel: transactional is always true. */
    public record ChannelChoice(boolean marketing) {
        @JsonProperty("transactional")
        public boolean transactional() {
            return true;
        }
    }

    @JsonProperty("language")
    public String languageCode() {
        return language.code();
    }

    public boolean wantsMarketing(Channel channel) {
        return switch (channel) {
            case EMAIL -> email.marketing();
            case PUSH -> push.marketing();
            case SMS -> sms.marketing();
        };
    }
}

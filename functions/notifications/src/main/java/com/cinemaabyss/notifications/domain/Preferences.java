package com.cinemaabyss.notifications.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A user's notification preferences: the language mail is written in and, per channel, whether marketing is wanted.
 * Transactional notifications (receipts, resets, verification) are always sent: {@code transactional} is shown, never set.
 */
public record Preferences(@JsonProperty("user_id") long userId, @JsonIgnore Language language, ChannelChoice email, ChannelChoice push,
                          ChannelChoice sms) {

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

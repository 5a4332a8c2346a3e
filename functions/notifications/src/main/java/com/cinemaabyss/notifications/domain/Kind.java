package com.cinemaabyss.notifications.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a notification is about, and the channels it goes out on. Each has its templates
 * ({@code templates/<kind>/<language>.subject}; {@code .txt} and {@code .html} for email; {@code .short}, one line, for
 * push and SMS). Transactional ones (about the user's own account and money) are always sent on their channels;
 * marketing ones follow the user's preference per channel (and carry one-click unsubscribe in mail). Tokens (welcome,
 * verification, reset) never leave email.
 */
public enum Kind {
    WELCOME(false, false, EnumSet.of(Channel.EMAIL)),
    VERIFY_EMAIL(false, false, EnumSet.of(Channel.EMAIL)),
    PASSWORD_RESET(false, false, EnumSet.of(Channel.EMAIL)),
    RECEIPT(false, false, EnumSet.of(Channel.EMAIL)),
    /** A declined payment loses access soon: mail, and push and SMS where the user has them. */
    PAYMENT_FAILED(false, false, EnumSet.of(Channel.EMAIL, Channel.PUSH, Channel.SMS)),
    REFUND(false, false, EnumSet.of(Channel.EMAIL)),
    RENEWAL_UPCOMING(false, false, EnumSet.of(Channel.EMAIL, Channel.PUSH)),
    /** The campaign template: what is new on CinemaAbyss, on any channel the campaign names. */
    NEWS(true, true, EnumSet.allOf(Channel.class)),
    /** A new episode of a series in one of the user's profiles' favourites: a push, following the push marketing preference. */
    NEW_EPISODE(true, false, EnumSet.of(Channel.PUSH));

    private final boolean marketing;
    private final boolean campaign;
    private final Set<Channel> channels;

    Kind(boolean marketing, boolean campaign, Set<Channel> channels) {
        this.marketing = marketing;
        this.campaign = campaign;
        this.channels = channels;
    }

    public boolean marketing() {
        return marketing;
    }

    /** Whether an admin may post a campaign with this template. */
    public boolean campaign() {
        return campaign;
    }

    public boolean on(Channel channel) {
        return channels.contains(channel);
    }

    /** Whether it has a short (push and SMS) text. */
    public boolean mobile() {
        return on(Channel.PUSH) || on(Channel.SMS);
    }

    public static java.util.Optional<Kind> of(String code) {
        for (Kind kind : values()) {
            if (kind.code().equals(code)) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

package com.cinemaabyss.identity.events;

import com.cinemaabyss.kit.events.EventJson;
import com.cinemaabyss.contracts.ContractEvents;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.outbox.Outbox;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The CloudEvents identity announces, each checked against its contract before it is queued in the outbox: the
 * account events on {@code user-events} and the account itself on the {@code user-changes} changelog, all keyed
 * and subjected by user id. A contract violation here is our bug, so it fails loudly rather than as bad input.
 */
public final class UserEvents {

    public static final URI SOURCE = URI.create("/cinemaabyss/identity");
    private static final String USER_EVENTS = ContractEvents.topic(EventTypes.USER_REGISTERED);

    /** country: where the account was opened from (the edge's X-Client-Country), left out when unknown. */
    public record Registered(@JsonProperty("user_id") long userId, String email, String username, List<String> roles, String timestamp,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String country) {
    }

    /** A login: with a password ({@code method} "password", no provider) or through an OpenID provider ("sso", its name). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LoggedIn(@JsonProperty("user_id") long userId, @JsonProperty("family_id") String familyId, String method, String provider,
                           String timestamp) {
    }

    public record TokenIssued(@JsonProperty("user_id") long userId, String email, String token, @JsonProperty("expires_at") String expiresAt) {
        @Override
        public String toString() {
            return "TokenIssued[userId=" + userId + "]";
        }
    }

    public record EmailVerified(@JsonProperty("user_id") long userId, String email, String timestamp) {
    }

    public record RolesChanged(@JsonProperty("user_id") long userId, List<String> roles, @JsonProperty("previous_roles") List<String> previousRoles,
                               @JsonProperty("changed_by") long changedBy, String timestamp) {
    }

    /** The account as the legacy users API shows it; {@code version} grows with every write of the account. */
    public record Upserted(long id, String email, String username, long version) {
    }

    private UserEvents() {
    }

    public static Outbox.Announcement registered(Registered data) {
        return userEvent(EventTypes.USER_REGISTERED, data.userId(), data);
    }

    public static Outbox.Announcement loggedIn(LoggedIn data) {
        return userEvent(EventTypes.USER_LOGGED_IN, data.userId(), data);
    }

    public static Outbox.Announcement emailVerificationRequested(TokenIssued data) {
        return userEvent(EventTypes.USER_EMAIL_VERIFICATION_REQUESTED, data.userId(), data);
    }

    public static Outbox.Announcement emailVerified(EmailVerified data) {
        return userEvent(EventTypes.USER_EMAIL_VERIFIED, data.userId(), data);
    }

    public static Outbox.Announcement passwordResetRequested(TokenIssued data) {
        return userEvent(EventTypes.USER_PASSWORD_RESET_REQUESTED, data.userId(), data);
    }

    public static Outbox.Announcement rolesChanged(RolesChanged data) {
        return userEvent(EventTypes.USER_ROLES_CHANGED, data.userId(), data);
    }

    public static Outbox.Announcement upserted(Upserted data) {
        return announce(EventTypes.USER_UPSERTED, data.id(), data);
    }

    public static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static Outbox.Announcement userEvent(String type, long userId, Object data) {
        Outbox.Announcement announcement = announce(type, userId, data);
        if (!announcement.topic().equals(USER_EVENTS)) {
            throw new IllegalStateException(type + " is not on " + USER_EVENTS);
        }
        return announcement;
    }

    private static Outbox.Announcement announce(String type, long userId, Object data) {
        String subject = Long.toString(userId);
        return new Outbox.Announcement(ContractEvents.topic(type), subject, ContractEvents.create(SOURCE, type, subject, EventJson.toBytes(data)));
    }
}

package com.cinemaabyss.notifications.mail;

import com.cinemaabyss.kit.core.ForbiddenException;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.notifications.domain.Channel;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * One-click unsubscribe links (RFC 8058): {@code <public url>/api/v1/notifications/unsubscribe?user=<id>&channel=email&sig=<sig>},
 * sig being the HMAC-SHA256 of user and channel under the configured key. A link names whom it unsubscribes and proves
 * notifications wrote it, so it works without signing in and cannot be changed to unsubscribe someone else.
 */
public final class UnsubscribeLinks {

    public static final String PATH = "/api/v1/notifications/unsubscribe";
    private static final int SIGNATURE_LENGTH = 43;

    private final byte[] key;
    private final String base;

    public UnsubscribeLinks(String secret, String publicBase) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
        this.base = publicBase;
    }

    public String link(long userId, Channel channel) {
        return base + PATH + "?user=" + userId + "&channel=" + channel.code() + "&sig=" + sign(userId, channel);
    }

    /** Who and which channel a link unsubscribes: 400 when a parameter is malformed, 403 when the signature is not ours. */
    public Target verify(String user, String channel, String sig) {
        if (user == null || !user.matches("[1-9][0-9]{0,15}")) {
            throw new InvalidInputException("query parameter 'user' must be a user id");
        }
        Channel parsed = parseChannel(channel);
        if (sig == null || sig.length() != SIGNATURE_LENGTH || !sig.matches("[A-Za-z0-9_-]+")) {
            throw new InvalidInputException("query parameter 'sig' must be the link's signature");
        }
        long userId = Long.parseLong(user);
        if (!MessageDigest.isEqual(sign(userId, parsed).getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII))) {
            throw new ForbiddenException("this unsubscribe link is not valid");
        }
        return new Target(userId, parsed);
    }

    /** What a valid link unsubscribes. */
    public record Target(long userId, Channel channel) {
    }

    private static Channel parseChannel(String channel) {
        if (channel != null) {
            for (Channel c : Channel.values()) {
                if (c.code().equals(channel.toLowerCase(Locale.ROOT))) {
                    return c;
                }
            }
        }
        throw new InvalidInputException("query parameter 'channel' must be one of email, push, sms");
    }

    private String sign(long userId, Channel channel) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(("unsubscribe/v1/" + userId + "/" + channel.code()).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

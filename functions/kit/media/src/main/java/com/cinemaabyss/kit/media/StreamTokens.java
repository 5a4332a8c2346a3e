package com.cinemaabyss.kit.media;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Signed stream URLs as CDNs sign them (an Akamai token / CloudFront signed URL in spirit):
 * {@code /hls/<asset>/master.m3u8?exp=<epoch s>&uid=<user>&sig=<base64url HMAC-SHA256>}. The signature covers the
 * asset's path prefix {@code /hls/<asset>/}, the expiry and the user, so one token opens every playlist and segment of
 * that asset for that user until it expires, and nothing else: another asset, a later expiry or another user need
 * another signature. Content signs with it, the media origin verifies with it; both hold the same secret.
 */
public final class StreamTokens {

    /** What an asset is named with: it becomes a path segment, so nothing that could escape it. */
    public static final Pattern ASSET = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    /** A shorter secret is refused at start: HMAC-SHA256 wants at least its output size. */
    public static final int MIN_KEY_BYTES = 32;
    private static final String HMAC = "HmacSHA256";
    private static final int MAX_QUERY = 512;

    private final SecretKeySpec key;
    private final Clock clock;

    public StreamTokens(String secret, Clock clock) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the media signing key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
        this.clock = clock;
    }

    /** The path every file of {@code asset} lives under, which the token is bound to. */
    public static String prefix(String asset) {
        if (asset == null || !ASSET.matcher(asset).matches()) {
            throw new IllegalArgumentException("asset must match " + ASSET.pattern());
        }
        return "/hls/" + asset + "/";
    }

    /** A signed URL of {@code asset}'s master playlist on {@code origin} for {@code userId}, valid for {@code ttl}. */
    public Signed sign(URI origin, String asset, long userId, Duration ttl) {
        if (userId < 1 || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a positive user id and ttl are needed");
        }
        long exp = clock.instant().plus(ttl).getEpochSecond();
        String query = query(prefix(asset), exp, userId);
        String base = origin.toString().replaceAll("/+$", "");
        return new Signed(URI.create(base + prefix(asset) + "master.m3u8?" + query), Instant.ofEpochSecond(exp), query);
    }

    /** A signed URL, when it expires, and its query ({@code exp=..&uid=..&sig=..}), which every file of the asset takes. */
    public record Signed(URI url, Instant expiresAt, String query) {
    }

    /**
     * Whether {@code rawQuery} is a valid token for the file at {@code path}: the path must be a file directly under
     * {@code /hls/<asset>/}, and the signature must be that of this asset's prefix, the query's exp and uid, unexpired.
     */
    public Verification verify(String path, String rawQuery) {
        Optional<String> asset = assetOf(path);
        if (asset.isEmpty()) {
            return new Verification.Invalid("not a stream path");
        }
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new Verification.Invalid("missing token");
        }
        if (rawQuery.length() > MAX_QUERY) {
            return new Verification.Invalid("malformed token");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || params.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                return new Verification.Invalid("malformed token");
            }
        }
        String exp = params.get("exp");
        String uid = params.get("uid");
        String sig = params.get("sig");
        if (params.size() != 3 || exp == null || uid == null || sig == null || !exp.matches("[0-9]{1,12}") || !uid.matches("[1-9][0-9]{0,18}")) {
            return new Verification.Invalid("malformed token");
        }
        long expiry = Long.parseLong(exp);
        long user;
        try {
            user = Long.parseLong(uid);
        } catch (NumberFormatException tooLarge) {
            return new Verification.Invalid("malformed token");
        }
        byte[] expected = mac(prefix(asset.get()), expiry, user);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(sig);
        } catch (IllegalArgumentException e) {
            return new Verification.Invalid("malformed token");
        }
        // Constant time, and before the expiry: a forger learns nothing from which check failed first.
        if (!MessageDigest.isEqual(expected, given)) {
            return new Verification.Invalid("bad signature");
        }
        if (clock.instant().getEpochSecond() >= expiry) {
            return new Verification.Invalid("expired");
        }
        return new Verification.Valid(asset.get(), user, Instant.ofEpochSecond(expiry));
    }

    /** The outcome of {@link #verify}: valid for an asset and user until a time, or why not. */
    public sealed interface Verification {
        record Valid(String asset, long userId, Instant expiresAt) implements Verification {
        }

        record Invalid(String reason) implements Verification {
        }
    }

    /** The asset of {@code /hls/<asset>/<file>} (a single file name, no further segments, no dot-dot); empty otherwise. */
    public static Optional<String> assetOf(String path) {
        if (path == null || !path.startsWith("/hls/")) {
            return Optional.empty();
        }
        String rest = path.substring("/hls/".length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String asset = rest.substring(0, slash);
        String file = rest.substring(slash + 1);
        if (!ASSET.matcher(asset).matches() || !file.matches("[A-Za-z0-9_-]{1,64}\\.(m3u8|ts)")) {
            return Optional.empty();
        }
        return Optional.of(asset);
    }

    private String query(String prefix, long exp, long userId) {
        return "exp=" + exp + "&uid=" + userId + "&sig=" + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(prefix, exp, userId));
    }

    /** HMAC-SHA256 over prefix, exp and uid, newline-separated so no field can run into the next. */
    private byte[] mac(String prefix, long exp, long userId) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal((prefix + "\n" + exp + "\n" + userId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

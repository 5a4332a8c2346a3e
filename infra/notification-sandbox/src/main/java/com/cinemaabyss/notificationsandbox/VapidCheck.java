package com.cinemaabyss.notificationsandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A push service's check of VAPID (RFC 8292): {@code Authorization: vapid t=<jwt>, k=<key>}, the JWT signed ES256 by
 * that key, its audience this service's origin, unexpired and at most 24 hours ahead, with a contact subject.
 */
final class VapidCheck {

    /** Why a push was refused (401: no or malformed credentials; 403: a signature or claim that does not hold). */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private static final Pattern HEADER = Pattern.compile("vapid\\s+t=([A-Za-z0-9_.-]+)\\s*,\\s*k=([A-Za-z0-9_-]+)");

    private VapidCheck() {
    }

    /** The JWT's subject, once the header holds for a push to {@code origin}. */
    static String check(String authorization, String origin, Clock clock) {
        Matcher m = authorization == null ? null : HEADER.matcher(authorization.strip());
        if (m == null || !m.matches()) {
            throw new Refused(401, "Authorization must be 'vapid t=<jwt>, k=<public key>' (RFC 8292)");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(m.group(1));
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
                throw new Refused(403, "VAPID tokens are signed ES256");
            }
            if (!jwt.verify(new ECDSAVerifier(PushMessages.publicKey(Base64.getUrlDecoder().decode(m.group(2)))))) {
                throw new Refused(403, "the VAPID signature does not match k");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (claims.getAudience().size() != 1 || !origin.equals(claims.getAudience().getFirst())) {
                throw new Refused(403, "the VAPID audience must be " + origin + ", was " + claims.getAudience());
            }
            Date exp = claims.getExpirationTime();
            if (exp == null || !exp.toInstant().isAfter(clock.instant()) || exp.toInstant().isAfter(clock.instant().plus(Duration.ofHours(24)))) {
                throw new Refused(403, "the VAPID token must expire within 24 hours from now");
            }
            String subject = claims.getSubject();
            if (subject == null || !(subject.startsWith("mailto:") || subject.startsWith("https:"))) {
                throw new Refused(403, "the VAPID subject must be a mailto: or https: contact");
            }
            return subject;
        } catch (ParseException | JOSEException | GeneralSecurityException | IllegalArgumentException e) {
            throw new Refused(401, "the VAPID token or key is malformed: " + e.getMessage());
        }
    }
}

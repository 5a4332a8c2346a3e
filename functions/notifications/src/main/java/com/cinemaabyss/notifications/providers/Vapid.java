package com.cinemaabyss.notifications.providers;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.net.URI;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;

/**
 * VAPID (RFC 8292): the application server's identity toward push services. Each request carries
 * {@code Authorization: vapid t=<ES256 JWT>, k=<public key>}; the JWT names the push service's origin ({@code aud}),
 * expires within a day ({@code exp}) and says whom to contact ({@code sub}, a mailto: or https: URI). Browsers bind a
 * subscription to the public key given at subscribe time, so the key pair must stay the same for as long as the
 * subscriptions are kept.
 */
public final class Vapid {

    private final ECDSASigner signer;
    private final String publicKey;
    private final String subject;
    private final Duration validity;
    private final Clock clock;

    public Vapid(KeyPair keys, String subject, Duration validity, Clock clock) {
        if (subject == null || !(subject.startsWith("mailto:") || subject.startsWith("https://"))) {
            throw new IllegalArgumentException("the VAPID subject must be a mailto: or https: URI, got " + subject);
        }
        if (!validity.isPositive() || validity.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("a VAPID token lives at most 24 hours (RFC 8292 2)");
        }
        try {
            this.signer = new ECDSASigner((ECPrivateKey) keys.getPrivate());
            // The two halves must belong together: a token signed with one and announced with the other fails at every push service.
            SignedJWT probe = sign(JWTClaimsSet.parse(java.util.Map.of("aud", "https://probe.invalid")));
            if (!probe.verify(new ECDSAVerifier((ECPublicKey) keys.getPublic()))) {
                throw new IllegalArgumentException("the VAPID public key does not belong to the private key");
            }
        } catch (JOSEException | java.text.ParseException e) {
            throw new IllegalArgumentException("the VAPID key pair cannot sign: " + e.getMessage(), e);
        }
        this.publicKey = Base64.getUrlEncoder().withoutPadding().encodeToString(WebPushEncryption.raw((ECPublicKey) keys.getPublic()));
        this.subject = subject;
        this.validity = validity;
        this.clock = clock;
    }

    /** The public key as browsers take it for {@code applicationServerKey} (base64url of the uncompressed point). */
    public String publicKey() {
        return publicKey;
    }

    /** The Authorization header value for a push to {@code endpoint}. */
    public String authorization(URI endpoint) {
        String audience = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().audience(audience).subject(subject)
                .expirationTime(Date.from(clock.instant().plus(validity))).build();
        try {
            return "vapid t=" + sign(claims).serialize() + ", k=" + publicKey;
        } catch (JOSEException e) {
            throw new IllegalStateException("VAPID signing failed", e);
        }
    }

    private SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(signer);
        return jwt;
    }
}

package com.cinemaabyss.identity.sso;

import com.cinemaabyss.identity.security.Secrets;

/**
 * Who an OpenID provider says logged in, from a validated ID token: {@code issuer} and {@code subject} name them for
 * good (an email can change hands, a subject at an issuer cannot); {@code email} (or null) and whether the provider
 * verified it; {@code name}, a suggestion for a new account's username (or null).
 */
public record ExternalIdentity(String provider, String issuer, String subject, String email, boolean emailVerified, String name) {

    /** The key of its link: issuer and subject, hashed, so neither becomes a key as the provider sent it. */
    public String linkId() {
        return Secrets.sha256(issuer + "\n" + subject);
    }

    @Override
    public String toString() {
        return "ExternalIdentity[provider=" + provider + ", issuer=" + issuer + ", emailVerified=" + emailVerified + "]";
    }
}

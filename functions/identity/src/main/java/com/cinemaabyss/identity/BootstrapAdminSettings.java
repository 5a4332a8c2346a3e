package com.cinemaabyss.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin, created at start when both are set and no account has the email (in the cluster from the Secret
 * named in the chart). Unset: no admin is created, and nobody can change roles.
 */
@ConfigurationProperties("cinemaabyss.identity.bootstrap-admin")
public record BootstrapAdminSettings(String email, String password) {

    public boolean configured() {
        return email != null && !email.isBlank() && password != null && !password.isBlank();
    }

    @Override
    public String toString() {
        return "BootstrapAdminSettings[email=" + email + "]";
    }
}

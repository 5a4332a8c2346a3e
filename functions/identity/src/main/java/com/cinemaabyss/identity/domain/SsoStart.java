package com.cinemaabyss.identity.domain;

import com.cinemaabyss.identity.SsoSettings;
import com.cinemaabyss.kit.core.NotFoundException;

/** GET /api/auth/sso/{provider}/authorize: a login with the named provider begins. A name of the wrong shape is no provider (404). */
public record SsoStart(String provider) {

    public SsoStart {
        provider = checkName(provider);
    }

    static String checkName(String provider) {
        if (provider == null || !SsoSettings.NAME.matcher(provider).matches()) {
            throw new NotFoundException(unknown());
        }
        return provider;
    }

    public static String unknown() {
        return "no such single sign-on provider";
    }
}

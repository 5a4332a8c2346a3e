package com.cinemaabyss.identity.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.regex.Pattern;

/**
 * GET /api/auth/sso/{provider}/callback: what the provider sent the browser back with, bounded before anything looks
 * it up. Either {@code code} and {@code state}, or {@code error} (and maybe its description), with the state if it is one. A state
 * that is not of the shape identity hands out cannot be one of its logins, and is refused as unknown without a lookup.
 */
public record SsoCallback(String provider, String code, String state, String error, String errorDescription) {

    public static final String UNKNOWN_STATE = "unknown, expired or already used login state; start the login again";
    static final int MAX_CODE = 2_048;
    static final int MAX_ERROR = 64;
    static final int MAX_ERROR_DESCRIPTION = 256;
    /** identity's states are 32 random bytes, base64url (see Secrets.newToken). */
    private static final Pattern STATE = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** RFC 6749 4.1.2.1: error and error_description are %x20-21 / %x23-5B / %x5D-7E. */
    private static final Pattern ERROR_TEXT = Pattern.compile("[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]*");

    public SsoCallback {
        provider = SsoStart.checkName(provider);
        if (error != null) {
            error = bounded(error, MAX_ERROR, "error");
            errorDescription = errorDescription == null ? null : bounded(errorDescription, MAX_ERROR_DESCRIPTION, "error_description");
        } else {
            errorDescription = null;
            if (code == null || code.isEmpty()) {
                throw new InvalidInputException("query parameter 'code' is required (or 'error' from the provider)");
            }
            if (code.length() > MAX_CODE || !ERROR_TEXT.matcher(code).matches()) {
                throw new InvalidInputException("query parameter 'code' must be at most " + MAX_CODE + " printable ASCII characters");
            }
        }
        if (error != null && (state == null || !STATE.matcher(state).matches())) {
            state = null; // the provider's refusal is the answer; a state that cannot be ours has nothing to end
        } else if (state == null || state.isEmpty()) {
            throw new InvalidInputException("query parameter 'state' is required");
        } else if (!STATE.matcher(state).matches()) {
            throw new InvalidInputException(UNKNOWN_STATE);
        }
    }

    public boolean refused() {
        return error != null;
    }

    private static String bounded(String value, int max, String field) {
        if (value.isEmpty() || value.length() > max || !ERROR_TEXT.matcher(value).matches()) {
            throw new InvalidInputException("query parameter '" + field + "' must be 1 to " + max + " printable ASCII characters");
        }
        return value;
    }

    @Override
    public String toString() {
        return "SsoCallback[provider=" + provider + ", error=" + error + "]";
    }
}

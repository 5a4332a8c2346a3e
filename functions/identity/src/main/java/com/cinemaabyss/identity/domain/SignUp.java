package com.cinemaabyss.identity.domain;

import java.util.regex.Pattern;

/**
 * A registration as it reached identity: the body, and the country the edge placed the request in
 * ({@code X-Client-Country}, set by the gateway from the CDN's header; see the gateway's ClientCountries). The country
 * is where the account was opened from, not an address: it is kept only when it is an ISO 3166-1 alpha-2 code, and
 * otherwise left out rather than refused (the client does not choose it).
 */
public record SignUp(Registration registration, String country) {

    public static final String COUNTRY_HEADER = "X-Client-Country";
    private static final Pattern ALPHA_2 = Pattern.compile("[A-Z]{2}");

    public SignUp {
        country = country != null && ALPHA_2.matcher(country).matches() ? country : null;
    }
}

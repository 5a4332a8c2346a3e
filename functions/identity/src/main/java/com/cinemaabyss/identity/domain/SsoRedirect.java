package com.cinemaabyss.identity.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.net.URI;

/** Where the browser goes to log in with the provider: the authorization request, state, nonce and PKCE challenge included. */
public record SsoRedirect(@JsonProperty("authorization_url") URI authorizationUrl) {
}

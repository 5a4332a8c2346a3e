package com.cinemaabyss.identity.domain;

/** A request body together with who sent it, as the function beans that act for a caller take it. */
public record Authenticated<T>(Caller caller, T body) {
}

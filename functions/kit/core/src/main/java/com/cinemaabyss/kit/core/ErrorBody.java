package com.cinemaabyss.kit.core;

/** The one error shape every CinemaAbyss route answers with, on Spring MVC (kit-web) and at the gateway alike. */
public record ErrorBody(String error) {
}

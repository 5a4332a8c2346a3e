package com.cinemaabyss.kit.web;

/** The one error shape every CinemaAbyss route answers with. */
public record ErrorBody(String error) {
}

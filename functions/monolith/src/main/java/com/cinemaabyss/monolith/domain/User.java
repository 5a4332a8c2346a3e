package com.cinemaabyss.monolith.domain;

public record User(long id, String username, String email) {
}

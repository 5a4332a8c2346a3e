package com.cinemaabyss.monolith.domain;

import java.util.List;

public record Movie(long id, String title, String description, List<String> genres, double rating) {
}

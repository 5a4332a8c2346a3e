package com.cinemaabyss.catalog.domain;

import java.util.List;

/** A movie as the catalog serves it; the same shape the legacy API has always answered with. */
public record Movie(long id, String title, String description, List<String> genres, double rating) {
}

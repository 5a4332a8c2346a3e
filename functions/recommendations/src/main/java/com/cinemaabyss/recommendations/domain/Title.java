package com.cinemaabyss.recommendations.domain;

import java.util.List;

/** A title from the catalog's changelog as recommendations use it: its name and genres, whether it is published. */
public record Title(long id, String name, List<String> genres, boolean published) {
}

package com.cinemaabyss.catalog.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A title's pictures: https URLs, each optional. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Images(String poster, String backdrop) {

    public Images {
        poster = Fields.https(poster, "images.poster");
        backdrop = Fields.https(backdrop, "images.backdrop");
    }
}

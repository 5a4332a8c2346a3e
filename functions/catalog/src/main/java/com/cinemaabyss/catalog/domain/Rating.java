package com.cinemaabyss.catalog.domain;

/** Viewers' aggregate rating of a title; 0 votes when nobody rated it. */
public record Rating(double average, long votes) {

    public static final Rating NONE = new Rating(0, 0);
}

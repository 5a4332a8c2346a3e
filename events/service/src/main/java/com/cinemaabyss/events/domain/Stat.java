package com.cinemaabyss.events.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One statistic: how often it was counted, and the sum of its values where it adds some (ratings). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Stat(long count, Double sum) {
}

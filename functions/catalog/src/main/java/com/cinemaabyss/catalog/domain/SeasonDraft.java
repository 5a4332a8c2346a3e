package com.cinemaabyss.catalog.domain;

import com.cinemaabyss.kit.core.InvalidInputException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A season as it is sent: its number and its episodes, each episode number once. */
public record SeasonDraft(Integer number, String title, List<EpisodeDraft> episodes) {

    public static final int MAX_EPISODES = 200;

    public SeasonDraft {
        number = Fields.range(number, 1, 100, "seasons[].number");
        title = Fields.optionalText(title, 300, "seasons[].title", false);
        episodes = List.copyOf(Fields.list(episodes, MAX_EPISODES, "seasons[].episodes"));
        Set<Integer> numbers = new HashSet<>();
        Set<String> externalIds = new HashSet<>();
        for (EpisodeDraft episode : episodes) {
            if (!numbers.add(episode.number())) {
                throw new InvalidInputException("field 'seasons[].episodes[].number' repeats episode " + episode.number()
                        + " in season " + number);
            }
            if (episode.externalId() != null && !externalIds.add(episode.externalId())) {
                throw new InvalidInputException("field 'seasons[].episodes[].external_id' repeats '" + episode.externalId() + "'");
            }
        }
    }
}

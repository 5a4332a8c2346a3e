package com.cinemaabyss.catalog.functions;

import com.cinemaabyss.catalog.domain.SearchQuery;
import com.cinemaabyss.catalog.domain.SearchResult;
import com.cinemaabyss.catalog.domain.SeasonDraft;
import com.cinemaabyss.catalog.domain.Title;
import com.cinemaabyss.catalog.domain.TitleDraft;
import com.cinemaabyss.catalog.search.TitleIndex;
import com.cinemaabyss.catalog.store.TitleStore;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.web.Created;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The title operations, as function beans. Who may call them is the route's business (content managers write). */
@Configuration(proxyBeanMethods = false)
public class TitleFunctions {

    @Bean
    public Function<TitleDraft, Message<Title>> createTitle(TitleStore titles) {
        return draft -> Created.of(titles.create(draft));
    }

    @Bean
    public Function<TitleCommands.UpdateTitle, Title> updateTitle(TitleStore titles) {
        return command -> titles.update(command.id(), command.draft());
    }

    /** Adds or replaces one season of a series; its episodes keep their ids by episode number. */
    @Bean
    public Function<TitleCommands.PutSeason, Title> putSeason(TitleStore titles) {
        return command -> {
            Title current = titles.published(command.id());
            if (!Title.SERIES.equals(current.kind())) {
                throw new InvalidInputException("title " + command.id() + " is a movie: only a series has seasons");
            }
            List<SeasonDraft> seasons = new ArrayList<>();
            current.seasons().stream().filter(season -> season.number() != command.number())
                    .forEach(season -> seasons.add(new SeasonDraft(season.number(), season.title(), season.episodes().stream()
                            .map(episode -> new com.cinemaabyss.catalog.domain.EpisodeDraft(episode.number(), episode.title(),
                                    episode.runtimeMin(), episode.description(), null)).toList())));
            seasons.add(command.season());
            return titles.update(command.id(), draftOf(current).withSeasons(seasons));
        };
    }

    @Bean
    public Function<Long, Title> withdrawTitle(TitleStore titles) {
        return titles::withdraw;
    }

    @Bean
    public Function<Long, Title> getTitle(TitleStore titles) {
        return titles::published;
    }

    @Bean
    public Function<SearchQuery, SearchResult> searchTitles(TitleIndex index) {
        return index::search;
    }

    /** The draft that reproduces a stored title (to change one part of it). */
    static TitleDraft draftOf(Title title) {
        return new TitleDraft(title.kind(), title.title(), title.originalTitle(), title.description(), title.genres(), title.countries(),
                title.originalLanguage(), title.releaseYear(), title.ageRating(), title.runtimeMin(), title.images(), title.people(),
                title.seasons().stream().map(season -> new SeasonDraft(season.number(), season.title(), season.episodes().stream()
                        .map(episode -> new com.cinemaabyss.catalog.domain.EpisodeDraft(episode.number(), episode.title(),
                                episode.runtimeMin(), episode.description(), null)).toList())).toList(),
                title.offeredLicences());
    }
}

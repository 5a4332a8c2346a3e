package com.cinemaabyss.catalog.search;

import com.cinemaabyss.catalog.domain.Episode;
import com.cinemaabyss.catalog.domain.Person;
import com.cinemaabyss.catalog.domain.Rating;
import com.cinemaabyss.catalog.domain.SearchQuery;
import com.cinemaabyss.catalog.domain.SearchResult;
import com.cinemaabyss.catalog.domain.Season;
import com.cinemaabyss.catalog.domain.Title;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.UnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search index on its own: typo tolerance, people, filters, facets, sorts and cursors. */
class TitleIndexTest {

    private TitleIndex index;

    static Title title(long id, String kind, String name, String original, int year, List<String> genres, List<String> countries,
                       List<Person> people, double rating, long version, String status) {
        List<Season> seasons = Title.SERIES.equals(kind)
                ? List.of(new Season(1, null, List.of(new Episode(id + 1_000_000, 1, "Episode 1", 60, null)))) : List.of();
        return new Title(id, kind, status, name, original, "", genres, countries, "ru", year, 12,
                Title.MOVIE.equals(kind) ? 100 : null, null, people, seasons, new Rating(rating, rating > 0 ? 10 : 0), null, List.of(),
                version, "2026-11-25T10:00:00Z");
    }

    static Title movie(long id, String name, int year, List<String> genres, List<String> countries, double rating, String... people) {
        return title(id, Title.MOVIE, name, null, year, genres, countries,
                java.util.Arrays.stream(people).map(p -> new Person(p, "director", null)).toList(), rating, 1, Title.PUBLISHED);
    }

    @BeforeEach
    void build() {
        index = new TitleIndex();
        index.apply(movie(2, "Stalker", 1979, List.of("Sci-Fi", "Drama"), List.of("SU"), 8.1, "Andrei Tarkovsky"));
        index.apply(movie(4, "Solaris", 1972, List.of("Sci-Fi", "Drama"), List.of("SU"), 8.0, "Andrei Tarkovsky"));
        index.apply(movie(6, "Mirror", 1975, List.of("Drama"), List.of("SU"), 7.9, "Andrei Tarkovsky"));
        index.apply(movie(8, "Office Romance", 1977, List.of("Comedy", "Romance"), List.of("SU"), 8.3, "Eldar Ryazanov"));
        index.apply(movie(10, "Brother", 1997, List.of("Crime", "Drama"), List.of("RU"), 8.0, "Aleksei Balabanov"));
        index.apply(movie(12, "Burnt by the Sun", 1994, List.of("Drama"), List.of("RU", "FR"), 7.8, "Nikita Mikhalkov"));
        index.apply(title(14, Title.SERIES, "Seventeen Moments of Spring", "Семнадцать мгновений весны", 1973,
                List.of("War", "Drama"), List.of("SU"), List.of(new Person("Tatyana Lioznova", "director", null),
                        new Person("Vyacheslav Tikhonov", "actor", "Stierlitz")), 9.0, 1, Title.PUBLISHED));
        index.markReady();
    }

    @AfterEach
    void close() {
        index.close();
    }

    private SearchResult search(String q, String type, String genre, String country, Integer from, Integer to, String sort, int limit,
                                String cursor) {
        return index.search(new SearchQuery(q, type, genre, country, from, to, sort, limit, cursor));
    }

    private static List<Long> ids(SearchResult result) {
        return result.items().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void misspelledTitlesFindTheTitleFirst() {
        assertEquals(2L, ids(search("Stalkr", null, null, null, null, null, null, 10, null)).getFirst());
        assertEquals(4L, ids(search("Solyaris", null, null, null, null, null, null, 10, null)).getFirst());
        assertEquals(8L, ids(search("ofice romanse", null, null, null, null, null, null, 10, null)).getFirst());
        assertTrue(ids(search("Xylophone", null, null, null, null, null, null, 10, null)).isEmpty(), "no match, no result");
    }

    @Test
    void originalTitlesAndPeopleNamesAreSearchedToo() {
        assertEquals(List.of(14L), ids(search("мгновений", null, null, null, null, null, null, 10, null)));
        assertEquals(List.of(14L), ids(search("Tikhonv", null, null, null, null, null, null, 10, null)));
        assertEquals(List.of(2L, 4L, 6L), ids(search("Tarkovski", null, null, null, null, null, null, 10, null)).stream().sorted().toList());
        // Every word must match somewhere: a director and a title narrow each other.
        assertEquals(List.of(4L), ids(search("tarkovsky solaris", null, null, null, null, null, null, 10, null)));
    }

    @Test
    void filtersCombineAndFacetsCountTheWholeResult() {
        SearchResult drama = search(null, null, "drama", "SU", null, null, null, 2, null);
        assertEquals(4, drama.total(), "Stalker, Solaris, Mirror, Seventeen Moments: drama from SU");
        assertEquals(2, drama.items().size(), "one page of two");
        assertEquals(Map.of("Drama", 4L, "Sci-Fi", 2L, "War", 1L), counts(drama.facets().genres()));
        assertEquals(Map.of("SU", 4L), counts(drama.facets().countries()));
        assertEquals(Map.of("1970s", 4L), counts(drama.facets().decades()));

        SearchResult narrowed = search(null, "movie", "Drama", null, 1975, 1999, "year", 10, null);
        assertEquals(List.of(10L, 12L, 2L, 6L), ids(narrowed));
        assertEquals(Map.of("SU", 2L, "RU", 2L, "FR", 1L), counts(narrowed.facets().countries()));
        assertEquals(Map.of("1970s", 2L, "1990s", 2L), counts(narrowed.facets().decades()));

        assertEquals(List.of(14L), ids(search("spring", "series", null, null, null, null, null, 10, null)));
        assertTrue(ids(search("spring", "movie", null, null, null, null, null, 10, null)).isEmpty());
    }

    @Test
    void sortsByYearRatingAndTitle() {
        assertEquals(List.of(10L, 12L, 2L, 8L, 6L, 14L, 4L), ids(search(null, null, null, null, null, null, "year", 10, null)));
        assertEquals(List.of(14L, 8L, 2L, 4L, 10L, 6L, 12L), ids(search(null, null, null, null, null, null, "rating", 10, null)));
        assertEquals(List.of(10L, 12L, 6L, 8L, 14L, 4L, 2L), ids(search(null, null, null, null, null, null, "title", 10, null)));
    }

    @Test
    void cursorsPageThroughEveryHitOnceInOrder() {
        for (String sort : List.of("relevance", "year", "rating", "title")) {
            String q = "relevance".equals(sort) ? "tarkovsky" : null;
            List<Long> all = ids(search(q, null, null, null, null, null, sort, 50, null));
            List<Long> paged = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                SearchResult page = search(q, null, null, null, null, null, sort, 2, cursor);
                paged.addAll(ids(page));
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null && pages < 20);
            assertEquals(all, paged, sort);
            assertTrue(all.size() > 2, sort + " needs more than a page");
        }
    }

    @Test
    void aCursorOfAnotherQueryOrAForgedOneIsRefused() {
        String cursor = search(null, null, null, null, null, null, "year", 2, null).nextCursor();
        assertNotNull(cursor);
        InvalidInputException other = assertThrows(InvalidInputException.class,
                () -> search(null, null, "Drama", null, null, null, "year", 2, cursor));
        assertTrue(other.getMessage().contains("another query"), other.getMessage());
        assertThrows(InvalidInputException.class, () -> search(null, null, null, null, null, null, "title", 2, cursor));
        assertThrows(InvalidInputException.class, () -> search(null, null, null, null, null, null, "year", 2, "bm9wZQ"));
        assertThrows(InvalidInputException.class, () -> search(null, null, null, null, null, null, "year", 2, "%%%"));
    }

    @Test
    void withdrawnTitlesLeaveAndOlderVersionsDoNotComeBack() {
        index.apply(title(2, Title.MOVIE, "Stalker", null, 1979, List.of("Sci-Fi"), List.of("SU"), List.of(), 8.1, 2, Title.WITHDRAWN));
        index.apply(movie(2, "Stalker", 1979, List.of("Sci-Fi"), List.of("SU"), 8.1));
        index.refresh();
        assertTrue(ids(search("stalker", null, null, null, null, null, null, 10, null)).isEmpty());
        assertNull(search("stalker", null, null, null, null, null, null, 10, null).nextCursor());
    }

    @Test
    void anIndexNotCaughtUpAnswersUnavailable() {
        try (TitleIndex fresh = new TitleIndex()) {
            assertThrows(UnavailableException.class, () -> fresh.search(new SearchQuery("x", null, null, null, null, null, null, 10, null)));
        }
    }

    private static Map<String, Long> counts(List<SearchResult.Count> counts) {
        return counts.stream().collect(Collectors.toMap(SearchResult.Count::value, SearchResult.Count::count));
    }
}

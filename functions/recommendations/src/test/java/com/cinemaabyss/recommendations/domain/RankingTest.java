package com.cinemaabyss.recommendations.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RankingTest {

    private static Title t(long id, String... genres) {
        return new Title(id, "T" + id, List.of(genres), true);
    }

    private static List<Long> ids(List<Recommended> out) {
        return out.stream().map(Recommended::titleId).toList();
    }

    @Test
    void favouriteGenresWeighFavouritesLikesAndFinishesAndIgnoreDislikes() {
        Map<Long, Title> titles = Map.of(1L, t(1, "Drama"), 2L, t(2, "Comedy"), 3L, t(3, "Horror"), 4L, t(4, "Drama", "War"));
        Viewer viewer = new Viewer(7L, 1L, List.of(
                new ViewerTitle(1, true, true, false, 0),     // Drama +2
                new ViewerTitle(2, true, false, true, 9),     // Comedy 3 + 4 + 1 = 8
                new ViewerTitle(3, true, false, false, 2),    // Horror 1 - 2 = -1: not a favourite
                new ViewerTitle(4, true, false, false, 0)));  // Drama +1, War +1
        assertEquals(List.of("Comedy", "Drama", "War"), Ranking.favouriteGenres(viewer, titles, 3));
        assertEquals(List.of("Comedy"), Ranking.favouriteGenres(viewer, titles, 1));
        assertEquals(List.of(), Ranking.favouriteGenres(Viewer.unknown(null), titles, 3));
    }

    @Test
    void theFallbackPutsTheFavouriteGenresFirstThenWhatIsPopularAndNeverWhatWasFinished() {
        List<Title> popular = List.of(t(10, "Action"), t(11, "Drama"), t(12, "Comedy"), t(13, "Drama"), t(14, "Comedy", "Drama"), t(15, "Horror"));
        List<Recommended> out = Ranking.fallback(popular, List.of("Comedy", "Drama"), Set.of(13L), Set.of(), 5);
        assertEquals(List.of(12L, 14L, 11L, 10L, 15L), ids(out));
        assertEquals("popular in Comedy", out.get(0).reason());
        assertEquals("popular in Comedy", out.get(1).reason(), "its best favourite genre");
        assertEquals("popular in Drama", out.get(2).reason());
        assertEquals("popular on CinemaAbyss", out.get(3).reason());
        assertEquals(List.of(10L, 11L), ids(Ranking.fallback(popular, List.of(), Set.of(), Set.of(), 2)), "no taste: by popularity");
        assertEquals(List.of(11L, 10L), ids(Ranking.fallback(popular, List.of("Drama"), Set.of(), Set.of(13L, 14L), 2)), "taken ones skipped");
    }

    @Test
    void theFallbackIsNeverEmptyWhileATitleIsPublishedButIsWithoutPublishedTitles() {
        List<Title> popular = List.of(t(10, "Drama"), t(11, "Drama"));
        List<Recommended> again = Ranking.fallback(popular, List.of("Drama"), Set.of(10L, 11L), Set.of(), 5);
        assertEquals(List.of(10L, 11L), ids(again));
        assertTrue(again.stream().allMatch(r -> r.reason().equals("watch it again")));
        assertEquals(List.of(), Ranking.fallback(List.of(new Title(1, "W", List.of(), false)), List.of(), Set.of(), Set.of(), 5));
        assertEquals(List.of(), Ranking.fallback(List.of(), List.of(), Set.of(), Set.of(), 5));
    }

    @Test
    void engineResultsLoseFinishedWithdrawnAndUnknownTitlesAndSayWhy() {
        Map<Long, Title> titles = Map.of(1L, t(1, "Drama"), 2L, t(2, "Drama"), 3L, new Title(3, "Gone", List.of(), false),
                4L, t(4, "Comedy"), 5L, t(5, "Drama"));
        List<EngineItem> items = List.of(new EngineItem(2, 0.9, List.of(1L)), new EngineItem(3, 0.8, List.of(1L)),
                new EngineItem(99, 0.7, List.of()), new EngineItem(4, 0.6, List.of(42L, 1L)), new EngineItem(5, 0.5, List.of()),
                new EngineItem(2, 0.4, List.of()));
        List<Recommended> out = Ranking.fromEngine(items, titles, Set.of(5L), 10);
        assertEquals(List.of(2L, 4L), ids(out));
        assertEquals("because you watched T1", out.get(0).reason());
        assertEquals("because you watched T1", out.get(1).reason(), "the first 'because' the projection knows");
        assertEquals(List.of(2L), ids(Ranking.fromEngine(items, titles, Set.of(), 1)));
        assertEquals("recommended for you", Ranking.fromEngine(List.of(new EngineItem(4, 1, List.of())), titles, Set.of(), 1).getFirst().reason());
    }

    @Test
    void signalsWeighPopularityAndTellTheEngine() {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        assertEquals(1, Signal.playback(1, 2L, 3, at).popularity());
        assertEquals(0, Signal.progress(1, 2, 3, at, false).popularity());
        assertEquals(1, Signal.progress(1, 2, 3, at, true).popularity());
        assertEquals(2, Signal.favorite(1, 2, 3, at, true).popularity());
        assertEquals(0, Signal.favorite(1, 2, 3, at, false).popularity());
        assertEquals(2, Signal.rating(1, 2, 3, at, 8).popularity());
        assertEquals(0, Signal.rating(1, 2, 3, at, 6).popularity());
        assertEquals(new Interaction("p2", 3, "rating", 4, at), Signal.rating(1, 2, 3, at, 9).interaction().orElseThrow());
        assertEquals(new Interaction("p2", 3, "rating", 0, at), Signal.rating(1, 2, 3, at, 0).interaction().orElseThrow());
        assertEquals(new Interaction("p2", 3, "favorite", 0, at), Signal.favorite(1, 2, 3, at, false).interaction().orElseThrow());
        assertEquals(new Interaction("p2", 3, "view", 2, at), Signal.progress(1, 2, 3, at, true).interaction().orElseThrow());
        assertTrue(Signal.playback(1, null, 3, at).interaction().isEmpty(), "no profile, nothing for the engine");
    }
}

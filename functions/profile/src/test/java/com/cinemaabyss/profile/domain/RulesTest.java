package com.cinemaabyss.profile.domain;

import com.cinemaabyss.kit.core.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of profiles, without storage: finished, limits, episode order, what continue watching offers. */
class RulesTest {

    @Test
    void finishedAt95PercentOrWithinTheLastTwoMinutes() {
        assertFalse(Watching.finished(5_699, 6_000), "94.98 % of a 100-minute movie, 5 minutes left");
        assertTrue(Watching.finished(5_700, 6_000), "95 %");
        assertFalse(Watching.finished(2_000, 2_800), "800 s left of a 47-minute episode, 71 %");
        assertFalse(Watching.finished(8_000, 10_000), "80 %, 2000 s left");
        assertTrue(Watching.finished(9_880, 10_000), "120 s left of a long film, below 95 %");
        assertFalse(Watching.finished(9_000, 10_000), "90 %, 1000 s left");
        assertTrue(Watching.finished(0, 100), "a clip shorter than the credits counts as soon as it starts");
        assertTrue(Watching.finished(86_400, 86_400));
    }

    @Test
    void theLimitIsThePlansWhileActiveElseOne() {
        assertEquals(5, ProfileLimit.of(true, 5));
        assertEquals(1, ProfileLimit.of(false, 5), "an ended plan allows the one default profile");
        assertEquals(1, ProfileLimit.of(true, null));
        assertEquals(1, ProfileLimit.of(true, 0));
        assertEquals(ProfileLimit.MAX, ProfileLimit.of(true, 1_000_000), "bounded whatever subscriptions says");
    }

    @Test
    void episodesOrderAcrossSeasons() {
        assertTrue(Episode.order(1, 1000) < Episode.order(2, 1));
        assertTrue(Episode.order(1, 2) < Episode.order(1, 10));
        assertTrue(Episode.order(99, 1000) < Episode.order(100, 1));
    }

    @Test
    void continueWatchingOffersUnfinishedTitlesAndNextEpisodesMostRecentFirst() {
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        Episode s1e2 = new Episode(102, 100, 1, 2);
        Episode s2e1 = new Episode(201, 100, 2, 1);
        Episode last = new Episode(301, 300, 1, 1);
        Map<Long, Episode> next = Map.of(102L, s2e1);
        List<ContinueWatching.Latest> latest = List.of(
                new ContinueWatching.Latest(7, Optional.empty(), 600, 6_000, false, t.plusSeconds(40)),
                new ContinueWatching.Latest(8, Optional.empty(), 5_900, 6_000, true, t.plusSeconds(30)),
                new ContinueWatching.Latest(100, Optional.of(s1e2), 2_700, 2_800, true, t.plusSeconds(20)),
                new ContinueWatching.Latest(300, Optional.of(last), 3_000, 3_000, true, t.plusSeconds(10)),
                new ContinueWatching.Latest(400, Optional.of(new Episode(401, 400, 1, 1)), 10, 3_000, false, t));
        List<Watched> offers = ContinueWatching.offers(latest, e -> Optional.ofNullable(next.get(e.id())), 10);
        assertEquals(List.of(7L, 100L, 400L), offers.stream().map(Watched::titleId).toList(),
                "the finished movie and the series whose last episode is finished drop out; the order stays");
        Watched following = offers.get(1);
        assertEquals(201L, following.episodeId(), "the next episode is season 2's first");
        assertEquals(2, following.season());
        assertEquals(0, following.positionS());
        assertTrue(following.next());
        assertEquals(10, offers.get(2).positionS(), "an unfinished episode resumes where it stopped");
        assertEquals(List.of(7L, 100L), ContinueWatching.offers(latest, e -> Optional.ofNullable(next.get(e.id())), 2).stream()
                .map(Watched::titleId).toList());
    }

    @Test
    void profilesAndReportsAreBounded() {
        assertEquals(6, new NewProfile("Masha", null, null, true).maxAgeRating());
        assertEquals(18, new NewProfile("Dad", "pt-BR", null, null).maxAgeRating());
        assertThrows(InvalidInputException.class, () -> new NewProfile("Kid", null, 16, true));
        assertThrows(InvalidInputException.class, () -> new NewProfile(" ", null, null, null));
        assertThrows(InvalidInputException.class, () -> new NewProfile("a\nb", null, null, null));
        assertThrows(InvalidInputException.class, () -> new NewProfile("x".repeat(51), null, null, null));
        assertThrows(InvalidInputException.class, () -> new NewProfile("x", "e", null, null));
        assertThrows(InvalidInputException.class, () -> new NewProfile("x", "en-" + "a".repeat(40), null, null));
        assertThrows(InvalidInputException.class, () -> new NewProfile("x", null, 7, null));
        assertThrows(InvalidInputException.class, () -> new ProgressReport(null, null, 1, 2));
        assertThrows(InvalidInputException.class, () -> new ProgressReport(1L, 2L, 1, 2));
        assertThrows(InvalidInputException.class, () -> new ProgressReport(1L, null, 3, 2));
        assertThrows(InvalidInputException.class, () -> new ProgressReport(1L, null, 0, 86_401));
        assertThrows(InvalidInputException.class, () -> new ProgressReport(Ids.MAX + 1, null, 0, 10));
        assertThrows(InvalidInputException.class, () -> Cursors.parse("1_0"));
        assertThrows(InvalidInputException.class, () -> Cursors.parse("abc"));
        assertEquals(new Cursors.Position(17, 42), Cursors.parse(Cursors.of(17, 42)));
    }
}

package com.cinemaabyss.content.domain;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.UnavailableException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The decision's outcomes and its order: each fact is asked for only when the checks before it passed. */
class PlaybackRulesTest {

    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    private static final Title MOVIE = new Title(10, Title.Kind.MOVIE, true, 16, null, 3);
    private static final Title SERIES = new Title(20, Title.Kind.SERIES, true, 12, null, 5);
    private static final Title EPISODE = new Title(21, Title.Kind.EPISODE, true, 12, 20L, 5);
    private static final Licence RU = new Licence(10, "RU", NOW.minusSeconds(3600), NOW.plusSeconds(3600), Licence.Source.MANUAL);

    private final List<String> asked = new ArrayList<>();

    @Test
    void allChecksPassingPlaysTheTitle() {
        assertEquals(MOVIE, PlaybackRules.decide(facts(movie(), true, MOVIE, List.of(RU), Optional.of(new Profile(1, 16)))));
        assertEquals(List.of("entitlement", "title", "licences", "profile"), asked);
    }

    @Test
    void noEntitlementIs402BeforeAnythingElseIsLookedAt() {
        assertEquals(402, refused(facts(movie(), false, null, List.of(), Optional.empty())));
        assertEquals(List.of("entitlement"), asked, "a non-subscriber learns nothing of the title");
    }

    @Test
    void anUnknownOrWithdrawnTitleIs404BeforeTheLicence() {
        assertEquals(404, refused(facts(movie(), true, null, List.of(RU), Optional.empty())));
        assertEquals(List.of("entitlement", "title"), asked);
        asked.clear();
        assertEquals(404, refused(facts(movie(), true, new Title(10, Title.Kind.MOVIE, false, 0, null, 4), List.of(RU), Optional.empty())));
        assertEquals(List.of("entitlement", "title"), asked);
    }

    @Test
    void aSeriesPlaysByEpisodeAndAnEpisodeNotByTitleId() {
        assertEquals(404, refused(facts(movie(), true, SERIES, List.of(RU), Optional.empty())));
        assertEquals(404, refused(facts(movie(), true, EPISODE, List.of(RU), Optional.empty())));
        assertEquals(404, refused(facts(new PlaybackRequest(null, 10L, null), true, MOVIE, List.of(RU), Optional.empty())));
    }

    @Test
    void anEpisodeIsRatedAndWithdrawnByItsSeriesAndGoneWhenTheSeriesDroppedIt() {
        PlaybackRequest episode = new PlaybackRequest(null, 21L, null);
        Licence seriesRu = new Licence(20, "RU", NOW.minusSeconds(1), NOW.plusSeconds(1), Licence.Source.PROVIDER);
        assertEquals(EPISODE, PlaybackRules.decide(facts(episode, true, EPISODE, SERIES, List.of(seriesRu), Optional.of(new Profile(1, 12)))));
        assertEquals(403, refused(facts(episode, true, EPISODE, SERIES, List.of(seriesRu), Optional.of(new Profile(1, 6)))));
        assertEquals(404, refused(facts(episode, true, EPISODE, new Title(20, Title.Kind.SERIES, false, 12, null, 5), List.of(seriesRu), Optional.empty())));
        assertEquals(404, refused(facts(episode, true, EPISODE, new Title(20, Title.Kind.SERIES, true, 12, null, 6), List.of(seriesRu), Optional.empty())),
                "version 6 of the series no longer has the episode written with version 5");
        assertEquals(404, refused(facts(episode, true, EPISODE, null, List.of(seriesRu), Optional.empty())));
    }

    @Test
    void noLicenceForTheRegionNowIs451BeforeTheAgeLimit() {
        Licence elsewhere = new Licence(10, "DE", NOW.minusSeconds(3600), NOW.plusSeconds(3600), Licence.Source.MANUAL);
        Licence over = new Licence(10, "RU", NOW.minusSeconds(3600), NOW, Licence.Source.MANUAL);
        Licence later = new Licence(10, "RU", NOW.plusSeconds(1), NOW.plusSeconds(3600), Licence.Source.PROVIDER);
        assertEquals(451, refused(facts(movie(), true, MOVIE, List.of(elsewhere, over, later), Optional.of(new Profile(1, 0)))));
        assertEquals(List.of("entitlement", "title", "licences"), asked, "the profile is not asked for a title one may not play anyway");
        Licence startsNow = new Licence(10, "RU", NOW, NOW.plusSeconds(1), Licence.Source.PROVIDER);
        assertEquals(MOVIE, PlaybackRules.decide(facts(movie(), true, MOVIE, List.of(startsNow), Optional.empty())), "[from, to): from is in");
    }

    @Test
    void aboveTheProfilesLimitIs403AndNoProfileMeansNoLimit() {
        assertEquals(403, refused(facts(movie(), true, MOVIE, List.of(RU), Optional.of(new Profile(1, 12)))));
        assertEquals(MOVIE, PlaybackRules.decide(facts(movie(), true, MOVIE, List.of(RU), Optional.empty())));
    }

    @Test
    void anUpstreamOutageFailsAtItsTurnNotBefore() {
        Supplier<Boolean> down = () -> {
            throw new UnavailableException("subscriptions is unavailable", null);
        };
        assertThrows(UnavailableException.class, () -> PlaybackRules.decide(new PlaybackRules.Facts(movie(), "RU", NOW, down,
                () -> Optional.of(MOVIE), Optional::empty, () -> List.of(RU), Optional::empty)));
        Supplier<Optional<Profile>> profileDown = () -> {
            throw new UnavailableException("profile is unavailable", null);
        };
        assertEquals(451, refused(new PlaybackRules.Facts(movie(), "DE", NOW, () -> true, () -> Optional.of(MOVIE), Optional::empty,
                () -> List.of(RU), profileDown)), "a profile outage does not hide that the title is not licensed here");
    }

    @Test
    void requestsNameExactlyOneTarget() {
        assertThrows(InvalidInputException.class, () -> new PlaybackRequest(null, null, null));
        assertThrows(InvalidInputException.class, () -> new PlaybackRequest(1L, 2L, null));
        assertThrows(InvalidInputException.class, () -> new PlaybackRequest(0L, null, null));
        assertThrows(InvalidInputException.class, () -> new PlaybackRequest(1L, null, -1L));
    }

    private static PlaybackRequest movie() {
        return new PlaybackRequest(10L, null, null);
    }

    private PlaybackRules.Facts facts(PlaybackRequest request, boolean entitled, Title target, List<Licence> licences, Optional<Profile> profile) {
        return facts(request, entitled, target, null, licences, profile);
    }

    private PlaybackRules.Facts facts(PlaybackRequest request, boolean entitled, Title target, Title series, List<Licence> licences,
                                      Optional<Profile> profile) {
        return new PlaybackRules.Facts(request, "RU", NOW, () -> note("entitlement", entitled), () -> note("title", Optional.ofNullable(target)),
                () -> Optional.ofNullable(series), () -> note("licences", licences), () -> note("profile", profile));
    }

    private <T> T note(String fact, T value) {
        asked.add(fact);
        return value;
    }

    private static int refused(PlaybackRules.Facts facts) {
        return assertThrows(PlaybackRefused.class, () -> PlaybackRules.decide(facts)).status();
    }
}

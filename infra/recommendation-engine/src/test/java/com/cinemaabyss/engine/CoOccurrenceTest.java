package com.cinemaabyss.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.cinemaabyss.engine.CoOccurrence.Kind.FAVORITE;
import static com.cinemaabyss.engine.CoOccurrence.Kind.RATING;
import static com.cinemaabyss.engine.CoOccurrence.Kind.VIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoOccurrenceTest {

    private final CoOccurrence model = new CoOccurrence(500, 1_000, 50);

    private void did(String user, long item, CoOccurrence.Kind kind, double weight) {
        model.record(new CoOccurrence.Interaction(user, item, kind, weight));
    }

    @Test
    void itemsSeenTogetherAreRecommendedWithTheItemThatLedThere() {
        did("a", 1, VIEW, 1);
        did("a", 2, VIEW, 1);
        did("b", 1, VIEW, 1);
        did("b", 2, VIEW, 1);
        did("c", 1, VIEW, 1);
        did("c", 3, VIEW, 1);
        did("me", 1, VIEW, 1);
        List<CoOccurrence.Recommendation> out = model.recommend("me", 10, Set.of());
        assertEquals(List.of(2L, 3L), out.stream().map(CoOccurrence.Recommendation::item).toList(), out.toString());
        assertEquals(List.of(1L), out.getFirst().because());
        assertTrue(out.get(0).score() > out.get(1).score());
    }

    @Test
    void strongerInteractionsWeighMoreAndPopularItemsAreDamped() {
        did("a", 1, FAVORITE, 3);
        did("a", 2, RATING, 4);
        did("b", 1, VIEW, 1);
        did("b", 3, VIEW, 1);
        did("me", 1, FAVORITE, 3);
        assertEquals(2L, model.recommend("me", 10, Set.of()).getFirst().item(), "a loved 1 and rated 2 highly");
        // Item 3 becomes something everybody watched: its score is divided by sqrt(users of 3).
        for (int i = 0; i < 50; i++) {
            did("crowd" + i, 3, VIEW, 1);
        }
        assertEquals(2L, model.recommend("me", 10, Set.of()).getFirst().item());
    }

    @Test
    void ownExcludedAndRemovedItemsAreNeverAnswered() {
        did("a", 1, VIEW, 1);
        did("a", 2, VIEW, 1);
        did("a", 3, VIEW, 1);
        did("me", 1, VIEW, 1);
        did("me", 2, VIEW, 1);
        assertEquals(List.of(3L), model.recommend("me", 10, Set.of()).stream().map(CoOccurrence.Recommendation::item).toList());
        assertEquals(List.of(), model.recommend("me", 10, Set.of(3L)));
        did("a", 3, VIEW, 0);
        assertEquals(List.of(), model.recommend("me", 10, Set.of()), "a's view of 3 was removed");
        assertEquals(List.of(), model.recommend("stranger", 10, Set.of()), "an unknown user gets nothing");
    }

    @Test
    void eachUserKeepsOnlyTheirMostRecentItems() {
        CoOccurrence small = new CoOccurrence(2, 10, 10);
        small.record(new CoOccurrence.Interaction("a", 1, VIEW, 1));
        small.record(new CoOccurrence.Interaction("a", 2, VIEW, 1));
        small.record(new CoOccurrence.Interaction("a", 3, VIEW, 1));
        small.record(new CoOccurrence.Interaction("me", 3, VIEW, 1));
        assertEquals(List.of(2L), small.recommend("me", 10, Set.of()).stream().map(CoOccurrence.Recommendation::item).toList(),
                "item 1 was a's oldest and was forgotten");
    }
}

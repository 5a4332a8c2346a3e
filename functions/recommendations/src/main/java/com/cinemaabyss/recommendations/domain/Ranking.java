package com.cinemaabyss.recommendations.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The decisions of an answer, without I/O: favourite genres, the fallback's ranking, the engine's results filtered. */
public final class Ranking {

    static final String POPULAR = "popular on CinemaAbyss";
    static final String AGAIN = "watch it again";

    private Ranking() {
    }

    /** The profile's {@code n} favourite genres, best first: the sum of its titles' affinities per genre, only positive sums. */
    public static List<String> favouriteGenres(Viewer viewer, Map<Long, Title> titles, int n) {
        Map<String, Double> score = new HashMap<>();
        for (ViewerTitle mine : viewer.titles()) {
            Title title = titles.get(mine.titleId());
            if (title != null) {
                title.genres().forEach(genre -> score.merge(genre, mine.affinity(), Double::sum));
            }
        }
        return score.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n).map(Map.Entry::getKey).toList();
    }

    /**
     * The fallback: {@code popular} (published titles, most popular first) in the favourite genres first ("popular in
     * Drama", by the best favourite genre a title has, then by popularity), topped up with the rest by popularity; never
     * a finished title nor one of {@code taken}, unless nothing else is left: then finished ones, to watch again (so
     * the answer is empty only when no title is published).
     */
    public static List<Recommended> fallback(List<Title> popular, List<String> favouriteGenres, Set<Long> finished, Set<Long> taken,
                                             int limit) {
        List<Title> open = popular.stream().filter(Title::published).filter(t -> !taken.contains(t.id())).toList();
        List<Title> unfinished = open.stream().filter(t -> !finished.contains(t.id())).toList();
        List<Recommended> out = new ArrayList<>();
        Map<Long, Integer> rank = new HashMap<>();
        for (int i = 0; i < unfinished.size(); i++) {
            rank.put(unfinished.get(i).id(), i);
        }
        unfinished.stream()
                .filter(t -> bestGenre(t, favouriteGenres).isPresent())
                .sorted(Comparator.comparingInt((Title t) -> favouriteGenres.indexOf(bestGenre(t, favouriteGenres).orElseThrow()))
                        .thenComparingInt(t -> rank.get(t.id())))
                .limit(limit)
                .forEach(t -> out.add(new Recommended(t.id(), t.name(), t.genres(), "popular in " + bestGenre(t, favouriteGenres).orElseThrow())));
        Set<Long> chosen = new java.util.HashSet<>();
        out.forEach(r -> chosen.add(r.titleId()));
        for (Title t : unfinished) {
            if (out.size() >= limit) {
                break;
            }
            if (chosen.add(t.id())) {
                out.add(new Recommended(t.id(), t.name(), t.genres(), POPULAR));
            }
        }
        if (out.isEmpty()) {
            open.stream().limit(limit).forEach(t -> out.add(new Recommended(t.id(), t.name(), t.genres(), AGAIN)));
        }
        return out;
    }

    private static Optional<String> bestGenre(Title title, List<String> favouriteGenres) {
        return favouriteGenres.stream().filter(title.genres()::contains).findFirst();
    }

    /**
     * The engine's items the profile may see: published titles the projection knows, not finished, at most {@code limit},
     * in the engine's order; the reason names the strongest of the profile's titles that led there.
     */
    public static List<Recommended> fromEngine(List<EngineItem> items, Map<Long, Title> titles, Set<Long> finished, int limit) {
        Map<Long, Recommended> out = new LinkedHashMap<>();
        for (EngineItem item : items) {
            Title title = titles.get(item.item());
            if (out.size() >= limit || title == null || !title.published() || finished.contains(item.item()) || out.containsKey(item.item())) {
                continue;
            }
            String reason = item.because().stream().map(titles::get).filter(t -> t != null)
                    .findFirst().map(t -> "because you watched " + t.name()).orElse("recommended for you");
            out.put(item.item(), new Recommended(title.id(), title.name(), title.genres(), reason));
        }
        return List.copyOf(out.values());
    }
}

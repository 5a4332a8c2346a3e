package com.cinemaabyss.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Item-to-item co-occurrence over users' interactions, in memory. A user's weight on an item is the sum of its kinds'
 * weights (a view, a rating, a favourite; a later weight of a kind replaces the earlier one, 0 removes it). For a user
 * u, an item j they have not touched scores
 * {@code sum over u's items i, over the other users v who have both i and j: min(w(u,i), w(v,i)) * w(v,j)},
 * divided by {@code sqrt(number of users of j)} so that what everybody watched does not drown the rest. The items of u
 * that contributed most to j are its reasons ("because you watched i").
 *
 * <p>Bounded so one request costs at most {@code seedItems x usersPerItem x itemsPerUser} steps: each user keeps their
 * {@code itemsPerUser} most recent items, a query looks at the {@code seedItems} heaviest items of the user and at most
 * {@code usersPerItem} users of each.
 */
public final class CoOccurrence {

    public enum Kind { VIEW, RATING, FAVORITE }

    public record Interaction(String user, long item, Kind kind, double weight) {
    }

    public record Recommendation(long item, double score, List<Long> because) {
    }

    private final int itemsPerUser;
    private final int usersPerItem;
    private final int seedItems;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** user -> item -> kind -> weight; the items in the order they were last touched (oldest first). */
    private final Map<String, LinkedHashMap<Long, EnumMap<Kind, Double>>> byUser = new HashMap<>();
    /** item -> users with a positive weight on it, in the order they came. */
    private final Map<Long, LinkedHashSet<String>> byItem = new HashMap<>();

    public CoOccurrence(int itemsPerUser, int usersPerItem, int seedItems) {
        this.itemsPerUser = itemsPerUser;
        this.usersPerItem = usersPerItem;
        this.seedItems = seedItems;
    }

    public void record(Interaction interaction) {
        lock.writeLock().lock();
        try {
            var items = byUser.computeIfAbsent(interaction.user(), u -> new LinkedHashMap<>());
            // Removed and put back: the item becomes the user's most recent (insertion order, so reads never reorder).
            EnumMap<Kind, Double> kinds = items.remove(interaction.item());
            if (kinds == null) {
                kinds = new EnumMap<>(Kind.class);
            }
            if (interaction.weight() <= 0) {
                kinds.remove(interaction.kind());
            } else {
                kinds.put(interaction.kind(), interaction.weight());
            }
            if (kinds.isEmpty()) {
                forget(interaction.item(), interaction.user());
            } else {
                items.put(interaction.item(), kinds);
                byItem.computeIfAbsent(interaction.item(), i -> new LinkedHashSet<>()).add(interaction.user());
            }
            while (items.size() > itemsPerUser) {
                long oldest = items.keySet().iterator().next();
                items.remove(oldest);
                forget(oldest, interaction.user());
            }
            if (items.isEmpty()) {
                byUser.remove(interaction.user());
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void forget(long item, String user) {
        Set<String> users = byItem.get(item);
        if (users != null) {
            users.remove(user);
            if (users.isEmpty()) {
                byItem.remove(item);
            }
        }
    }

    /** At most {@code limit} items for {@code user}, best first, none of {@code exclude} nor of what the user has; empty for a user never seen. */
    public List<Recommendation> recommend(String user, int limit, Set<Long> exclude) {
        lock.readLock().lock();
        try {
            var mine = byUser.get(user);
            if (mine == null) {
                return List.of();
            }
            Map<Long, Double> own = new HashMap<>();
            mine.forEach((item, kinds) -> own.put(item, weight(kinds)));
            List<Long> seeds = own.entrySet().stream()
                    .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(seedItems).map(Map.Entry::getKey).toList();
            Map<Long, Double> scores = new HashMap<>();
            Map<Long, Map<Long, Double>> reasons = new HashMap<>();
            for (long seed : seeds) {
                double mineOnSeed = own.get(seed);
                int seen = 0;
                for (String other : byItem.getOrDefault(seed, new LinkedHashSet<>())) {
                    if (other.equals(user)) {
                        continue;
                    }
                    if (++seen > usersPerItem) {
                        break;
                    }
                    var theirs = byUser.get(other);
                    double overlap = Math.min(mineOnSeed, weight(theirs.get(seed)));
                    theirs.forEach((item, kinds) -> {
                        if (own.containsKey(item) || exclude.contains(item)) {
                            return;
                        }
                        double contribution = overlap * weight(kinds);
                        scores.merge(item, contribution, Double::sum);
                        reasons.computeIfAbsent(item, i -> new HashMap<>()).merge(seed, contribution, Double::sum);
                    });
                }
            }
            List<Recommendation> out = new ArrayList<>();
            scores.forEach((item, score) -> {
                double normalised = score / Math.sqrt(Math.max(1, byItem.getOrDefault(item, new LinkedHashSet<>()).size()));
                List<Long> because = reasons.get(item).entrySet().stream()
                        .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .limit(3).map(Map.Entry::getKey).toList();
                out.add(new Recommendation(item, Math.round(normalised * 10_000) / 10_000.0, because));
            });
            out.sort(Comparator.comparingDouble(Recommendation::score).reversed().thenComparingLong(Recommendation::item));
            return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many users the engine knows (for /health). */
    public int users() {
        lock.readLock().lock();
        try {
            return byUser.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private static double weight(Map<Kind, Double> kinds) {
        return kinds == null ? 0 : kinds.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}

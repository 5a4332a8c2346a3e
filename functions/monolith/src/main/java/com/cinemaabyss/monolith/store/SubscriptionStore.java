package com.cinemaabyss.monolith.store;

import com.cinemaabyss.kit.dynamo.InterleavedIds;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.monolith.domain.NewSubscription;
import com.cinemaabyss.monolith.domain.Subscription;

import java.util.List;
import java.util.Optional;

public class SubscriptionStore {

    private final KeyedTable<SubscriptionItem> subscriptions;
    private final InterleavedIds ids;

    public SubscriptionStore(KeyedTable<SubscriptionItem> subscriptions, InterleavedIds ids) {
        this.subscriptions = subscriptions;
        this.ids = ids;
    }

    public Subscription create(NewSubscription request) {
        SubscriptionItem item = new SubscriptionItem();
        item.setId(ids.next());
        item.setUserId(request.userId());
        item.setPlanType(request.planType());
        item.setStartDate(request.startDate());
        item.setEndDate(request.endDate());
        subscriptions.insert(item);
        return toSubscription(item);
    }

    public Optional<Subscription> find(long id) {
        return subscriptions.get(id).map(SubscriptionStore::toSubscription);
    }

    /** Every subscription, read from the table while it is written out (see KeyedTable#all). */
    public Iterable<Subscription> all() {
        return () -> subscriptions.all().map(SubscriptionStore::toSubscription).iterator();
    }

    public List<Subscription> byUser(long userId) {
        return subscriptions.byIndex(MonolithTables.BY_USER, userId).stream().map(SubscriptionStore::toSubscription).toList();
    }

    private static Subscription toSubscription(SubscriptionItem item) {
        return new Subscription(item.getId(), item.getUserId(), item.getPlanType(), item.getStartDate(), item.getEndDate());
    }
}

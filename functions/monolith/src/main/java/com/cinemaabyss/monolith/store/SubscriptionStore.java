package com.cinemaabyss.monolith.store;

import com.cinemaabyss.kit.dynamo.InterleavedIds;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.monolith.domain.NewSubscription;
import com.cinemaabyss.monolith.domain.Subscription;

import com.cinemaabyss.monolith.events.SubscriptionChange;

import java.util.List;
import java.util.Optional;

/** The legacy subscriptions: the monolith's own (odd ids) and copies of the subscriptions function's (even ids). */
public class SubscriptionStore {

    private static final String SUBSCRIPTIONS = "subscriptions";

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

    /** Stores a subscription of the subscriptions function under its id (plan id as plan type); the latest change wins. */
    public void applySubscriptionsChange(SubscriptionChange change) {
        SubscriptionItem item = new SubscriptionItem();
        item.setId(change.subscriptionId());
        item.setUserId(change.userId());
        item.setPlanType(change.planId());
        item.setStartDate(change.periodStart());
        item.setEndDate(change.periodEnd());
        item.setOrigin(SUBSCRIPTIONS);
        ExtractedCopies.put(subscriptions, SubscriptionItem.class, item, ids, "subscription");
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

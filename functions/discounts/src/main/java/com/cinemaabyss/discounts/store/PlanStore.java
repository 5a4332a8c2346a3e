package com.cinemaabyss.discounts.store;

import com.cinemaabyss.discounts.domain.Plan;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The plans table: a handful of rows an admin manages, read whole. */
public class PlanStore {

    /** Plans are a short list an admin keeps; the list answers at most this many. */
    static final int MAX_PLANS = 200;

    private final DynamoDbTable<PlanItem> plans;

    public PlanStore(DiscountTables tables) {
        this.plans = tables.plans();
    }

    public List<Plan> all() {
        return plans.scan(ScanEnhancedRequest.builder().limit(MAX_PLANS).build()).items().stream()
                .limit(MAX_PLANS).map(PlanStore::toPlan).sorted(Comparator.comparing(Plan::id)).toList();
    }

    public Optional<Plan> find(String id) {
        return Optional.ofNullable(DiscountTables.read(plans, id)).map(PlanStore::toPlan);
    }

    /** Creates or replaces the plan; quotes already given keep the price they were given. */
    public Plan put(Plan plan) {
        plans.putItem(item(plan));
        return plan;
    }

    /** Writes the plan only if there is none with its id: for the demo seed, which must not overwrite an admin's. */
    public boolean putIfAbsent(Plan plan) {
        try {
            plans.putItem(r -> r.item(item(plan)).conditionExpression(software.amazon.awssdk.enhanced.dynamodb.Expression.builder()
                    .expression("attribute_not_exists(id)").build()));
            return true;
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException exists) {
            return false;
        }
    }

    public boolean isEmpty() {
        return plans.scan(ScanEnhancedRequest.builder().limit(1).build()).items().stream().findAny().isEmpty();
    }

    private static PlanItem item(Plan plan) {
        PlanItem item = new PlanItem();
        item.setId(plan.id());
        item.setName(plan.name());
        item.setPeriod(plan.period());
        item.setPrices(plan.prices());
        item.setTrialDays(plan.trialDays());
        item.setMaxProfiles(plan.maxProfiles());
        return item;
    }

    static Plan toPlan(PlanItem item) {
        return new Plan(item.getId(), item.getName(), item.getPeriod(), item.getPrices() == null ? java.util.Map.of() : item.getPrices(),
                item.getTrialDays() == null ? 0 : item.getTrialDays(), item.getMaxProfiles() == null ? 1 : item.getMaxProfiles());
    }
}

package com.cinemaabyss.monolith.store;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.dynamo.InterleavedIds;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Map;

/**
 * Copies of an extracted function's records (payments', subscriptions') in a legacy table, under the function's own id.
 * The latest copy wins (its changelog is ordered per id); a copy never overwrites one of the monolith's own records,
 * which is refused as invalid input, so the eventing layer dead-letters it instead of retrying.
 */
final class ExtractedCopies {

    private ExtractedCopies() {
    }

    static <I extends UserOwnedItem> void put(KeyedTable<I> table, Class<I> type, I copy, InterleavedIds monolithIds, String what) {
        long id = copy.getId();
        if (monolithIds.owns(id)) {
            throw new InvalidInputException(what + " " + id + " is one of the monolith's own ids, not " + copy.getOrigin() + "'s");
        }
        try {
            table.table().putItem(PutItemEnhancedRequest.builder(type).item(copy)
                    .conditionExpression(Expression.builder()
                            .expression("attribute_not_exists(id) OR #origin = :origin")
                            .expressionNames(Map.of("#origin", "origin"))
                            .expressionValues(Map.of(":origin", AttributeValue.fromS(copy.getOrigin())))
                            .build())
                    .build());
        } catch (ConditionalCheckFailedException monolithsOwn) {
            throw new InvalidInputException(what + " " + id + " is a legacy one of the monolith; " + copy.getOrigin() + "'s change is not applied");
        }
    }
}

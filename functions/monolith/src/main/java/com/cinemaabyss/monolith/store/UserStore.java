package com.cinemaabyss.monolith.store;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.dynamo.InterleavedIds;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.monolith.domain.NewUser;
import com.cinemaabyss.monolith.domain.User;
import com.cinemaabyss.monolith.events.UserChange;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Map;
import java.util.Optional;

/**
 * The legacy users: the monolith's own (odd ids, from its counter) and identity's accounts (even ids), stored from
 * the user changelog under the same id so that the legacy API lists both.
 */
public class UserStore {

    static final String IDENTITY = "identity";

    private final KeyedTable<UserItem> users;
    private final InterleavedIds ids;

    public UserStore(KeyedTable<UserItem> users, InterleavedIds ids) {
        this.users = users;
        this.ids = ids;
    }

    public User create(NewUser request) {
        UserItem item = new UserItem();
        item.setId(ids.next());
        item.setUsername(request.username());
        item.setEmail(request.email());
        users.insert(item);
        return toUser(item);
    }

    /**
     * Stores identity's account under its id, or a newer version of it; a replay or an older version changes nothing
     * (false). An id the monolith handed out itself is never overwritten: that change is refused as invalid.
     */
    public boolean applyIdentityChange(UserChange change) {
        if (ids.owns(change.id())) {
            throw new InvalidInputException("user " + change.id() + " is one of the monolith's own ids, not identity's");
        }
        UserItem item = new UserItem();
        item.setId(change.id());
        item.setUsername(change.username());
        item.setEmail(change.email());
        item.setOrigin(IDENTITY);
        item.setVersion(change.version());
        try {
            users.table().putItem(PutItemEnhancedRequest.builder(UserItem.class).item(item)
                    .conditionExpression(Expression.builder()
                            .expression("attribute_not_exists(id) OR (#origin = :identity AND #version < :version)")
                            .expressionNames(Map.of("#origin", "origin", "#version", "version"))
                            .expressionValues(Map.of(":identity", AttributeValue.fromS(IDENTITY),
                                    ":version", AttributeValue.fromN(Long.toString(change.version()))))
                            .build())
                    .build());
            return true;
        } catch (ConditionalCheckFailedException sameOrOlder) {
            UserItem stored = users.get(change.id()).orElse(null);
            if (stored != null && !IDENTITY.equals(stored.getOrigin())) {
                throw new InvalidInputException("user " + change.id() + " is a legacy user of the monolith; identity's change is not applied");
            }
            return false;
        }
    }

    public Optional<User> find(long id) {
        return users.get(id).map(UserStore::toUser);
    }

    /** For requests that name a user: one that does not exist is bad input, not a missing resource. */
    public void requireExists(long id) {
        if (users.get(id).isEmpty()) {
            throw new InvalidInputException("field 'user_id': user " + id + " does not exist");
        }
    }

    /** Every user, read from the table while it is written out (see KeyedTable#all). */
    public Iterable<User> all() {
        return () -> users.all().map(UserStore::toUser).iterator();
    }

    private static User toUser(UserItem item) {
        return new User(item.getId(), item.getUsername(), item.getEmail());
    }
}

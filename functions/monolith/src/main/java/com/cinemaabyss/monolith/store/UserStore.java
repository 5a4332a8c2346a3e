package com.cinemaabyss.monolith.store;

import com.cinemaabyss.kit.dynamo.IdSequences;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.monolith.domain.NewUser;
import com.cinemaabyss.monolith.domain.User;

import java.util.List;
import java.util.Optional;

public class UserStore {

    private final KeyedTable<UserItem> users;
    private final IdSequences ids;

    public UserStore(KeyedTable<UserItem> users, IdSequences ids) {
        this.users = users;
        this.ids = ids;
    }

    public User create(NewUser request) {
        UserItem item = new UserItem();
        item.setId(ids.next("users"));
        item.setUsername(request.username());
        item.setEmail(request.email());
        users.insert(item);
        return toUser(item);
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

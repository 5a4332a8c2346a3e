package com.cinemaabyss.monolith.store;

import com.cinemaabyss.kit.dynamo.IdSequences;
import com.cinemaabyss.kit.dynamo.InterleavedIds;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.monolith.domain.NewUser;
import com.cinemaabyss.monolith.domain.User;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The legacy unpaged list is read from the table while it is written out, a page at a time, not gathered into
 * memory when it is asked for: so its memory is a page's, however large the table (DynamoDB Local).
 */
class UserStoreIT {

    @Test
    void theFullListIsReadWhenItIsWrittenOutNotWhenItIsAskedFor() {
        try (DynamoDbClient dynamo = SharedTestInfra.dynamo().client()) {
            DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
            TableSetup tables = new TableSetup(dynamo, true);
            String suffix = UUID.randomUUID().toString();
            UserStore users = new UserStore(new KeyedTable<>(tables.ensure(enhanced.table("users-" + suffix,
                    TableSchema.fromBean(UserItem.class))), UserItem::getId), new InterleavedIds(new IdSequences(dynamo, tables, "sequences-" + suffix), "users", 1, 2));
            users.create(new NewUser("anna", "anna@cinemaabyss.example"));

            Iterable<User> everyone = users.all();
            users.create(new NewUser("boris", "boris@cinemaabyss.example"));

            List<String> names = new ArrayList<>();
            everyone.forEach(user -> names.add(user.username()));
            assertEquals(List.of("anna", "boris"), names.stream().sorted().toList());
        }
    }
}

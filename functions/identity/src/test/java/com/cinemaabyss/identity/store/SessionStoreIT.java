package com.cinemaabyss.identity.store;

import com.cinemaabyss.identity.security.Secrets;
import com.cinemaabyss.kit.core.UnauthorizedException;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.local.LocalDynamoDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refresh token rotation against DynamoDB Local, where an update's answer can be lost and the SDK send it again. */
class SessionStoreIT {

    private static final long USER_ID = 7;
    private static final AnswerLostOnce lostAnswer = new AnswerLostOnce();
    private static DynamoDbClient direct;
    private static DynamoDbClient client;
    private static DynamoDbTable<RefreshTokenItem> tokens;
    private static DynamoDbTable<RefreshFamilyItem> families;
    private static SessionStore store;

    @BeforeAll
    static void tables() {
        direct = SharedTestInfra.dynamo().client();
        client = LocalDynamoDb.builderFor(SharedTestInfra.dynamoEndpoint())
                .overrideConfiguration(o -> o.addExecutionInterceptor(lostAnswer)).build();
        lostAnswer.direct = direct;
        DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
        TableSetup setup = new TableSetup(client, true);
        String prefix = "session-store-it-" + UUID.randomUUID() + "-";
        tokens = setup.ensure(enhanced.table(prefix + "refresh-tokens", TableSchema.fromBean(RefreshTokenItem.class)));
        families = setup.ensure(enhanced.table(prefix + "refresh-families", TableSchema.fromBean(RefreshFamilyItem.class)));
        // Rotation writes no events: the outbox is only for starting a family, which these tests do by hand.
        store = new SessionStore(tokens, families, null, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        client.close();
        direct.close();
    }

    @Test
    void aRefreshWhoseUpdateWasSentTwiceByTheSdkKeepsItsSession() {
        String first = startFamily();
        lostAnswer.armed.set(true);

        SessionStore.Rotated rotated = store.rotate(first, id -> Optional.of(user()));

        assertFalse(lostAnswer.armed.get(), "the update went out twice, the first attempt applied");
        assertNotEquals(first, rotated.refreshToken());
        String family = store.familyOf(first).orElseThrow();
        assertFalse(store.isRevoked(family), "the SDK's second attempt is no reuse");
        assertEquals(Secrets.sha256(rotated.refreshToken()),
                tokens.getItem(r -> r.key(k -> k.partitionValue(Secrets.sha256(first))).consistentRead(true)).getSuccessor());
        store.rotate(rotated.refreshToken(), id -> Optional.of(user()));
    }

    @Test
    void aTokenPresentedAgainStillRevokesItsFamily() {
        String first = startFamily();
        SessionStore.Rotated rotated = store.rotate(first, id -> Optional.of(user()));

        assertThrows(UnauthorizedException.class, () -> store.rotate(first, id -> Optional.of(user())));

        assertTrue(store.isRevoked(store.familyOf(first).orElseThrow()));
        assertThrows(UnauthorizedException.class, () -> store.rotate(rotated.refreshToken(), id -> Optional.of(user())),
                "the thief's copy and the owner's next token end together");
    }

    private static String startFamily() {
        RefreshFamilyItem family = new RefreshFamilyItem();
        family.setId(UUID.randomUUID().toString());
        family.setUserId(USER_ID);
        family.setEpoch(0L);
        family.setRevoked(false);
        family.setExpiresAt(Clock.systemUTC().instant().plus(Duration.ofHours(1)).getEpochSecond());
        families.putItem(family);
        String token = Secrets.newToken();
        RefreshTokenItem item = new RefreshTokenItem();
        item.setHash(Secrets.sha256(token));
        item.setFamilyId(family.getId());
        item.setUserId(USER_ID);
        item.setState(SessionStore.ACTIVE);
        item.setExpiresAt(family.getExpiresAt());
        tokens.putItem(item);
        return token;
    }

    private static UserItem user() {
        UserItem user = new UserItem();
        user.setId(USER_ID);
        user.setSessionEpoch(0L);
        return user;
    }

    /**
     * Once armed, applies the next conditional update itself before letting it go out: as when the first attempt
     * reached DynamoDB, its answer was lost, and the SDK sent the same request again.
     */
    private static final class AnswerLostOnce implements ExecutionInterceptor {
        final AtomicBoolean armed = new AtomicBoolean();
        volatile DynamoDbClient direct;

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (context.request() instanceof UpdateItemRequest update && update.conditionExpression() != null && armed.compareAndSet(true, false)) {
                direct.updateItem(update);
            }
            return context.request();
        }
    }
}

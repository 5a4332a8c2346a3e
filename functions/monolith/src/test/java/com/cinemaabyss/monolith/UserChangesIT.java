package com.cinemaabyss.monolith;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One population of users: identity's accounts arrive on the user changelog as the eventing layer delivers them
 * (CloudEvents in HTTP binary mode, data as identity's contract has it) and appear in the legacy users API under the
 * same id; the monolith's own users get odd ids, so the two never collide.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserChangesIT {

    @LocalServerPort
    int port;
    TestHttp http;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
    }

    @BeforeEach
    void client() {
        http = TestHttp.at(port);
    }

    @Test
    void theMonolithsOwnUsersGetOddIds() {
        for (int i = 0; i < 3; i++) {
            long id = TestHttp.idOf(http.post("/api/users", "{\"username\":\"odd" + i + "\",\"email\":\"odd" + i + "@example.com\"}").body());
            assertEquals(1, id % 2, "the monolith hands out odd user ids, identity the even ones");
        }
    }

    @Test
    void anIdentityAccountAppearsInTheLegacyApiUnderItsIdOnceAndNewerVersionsWin() {
        long id = evenId();
        String event = UUID.randomUUID().toString();
        assertEquals(202, deliver(event, id, change(id, "neo@matrix.io", "neo", 1)).statusCode());
        assertEquals(202, deliver(event, id, change(id, "neo@matrix.io", "neo", 1)).statusCode(), "a redelivery");
        HttpResponse<String> user = http.get("/api/users?id=" + id);
        assertEquals(200, user.statusCode(), user.body());
        assertEquals("{\"id\":" + id + ",\"username\":\"neo\",\"email\":\"neo@matrix.io\"}", user.body());
        assertEquals(1, http.get("/api/users").body().split("\"id\":" + id + ",", -1).length - 1, "listed once");

        assertEquals(202, deliver(UUID.randomUUID().toString(), id, change(id, "neo@zion.io", "the one", 3)).statusCode());
        assertEquals(202, deliver(UUID.randomUUID().toString(), id, change(id, "neo@matrix.io", "neo", 2)).statusCode(), "late and older");
        assertTrue(http.get("/api/users?id=" + id).body().contains("\"username\":\"the one\""));
    }

    @Test
    void aChangeThatWouldOverwriteAMonolithUserOrBreaksTheContractIsRefused() {
        long legacy = TestHttp.idOf(http.post("/api/users", "{\"username\":\"smith\",\"email\":\"smith@example.com\"}").body());
        assertError(deliver(UUID.randomUUID().toString(), legacy, change(legacy, "x@example.com", "x", 1)), 400, "monolith's own ids");
        assertTrue(http.get("/api/users?id=" + legacy).body().contains("\"username\":\"smith\""));
        long id = evenId();
        assertError(deliver(UUID.randomUUID().toString(), id, "{\"id\":" + id + ",\"email\":\"x@example.com\",\"username\":\"x\"}"), 400,
                "breaks the schema");
        assertError(deliver(UUID.randomUUID().toString(), id, "{\"id\":" + id + ",\"email\":\"x@example.com\",\"username\":\"x\",\"version\":1,\"password\":\"p\"}"),
                400, "breaks the schema");
        assertEquals(404, http.get("/api/users?id=" + id).statusCode());
    }

    private HttpResponse<String> deliver(String eventId, long userId, String data) {
        return http.send(http.request("/internal/events/user-changes", "ce-specversion", "1.0", "ce-id", eventId,
                        "ce-type", EventTypes.USER_UPSERTED, "ce-source", "/cinemaabyss/identity", "ce-subject", Long.toString(userId),
                        "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(data)));
    }

    private static String change(long id, String email, String username, long version) {
        return "{\"id\":" + id + ",\"email\":\"" + email + "\",\"username\":\"" + username + "\",\"version\":" + version + "}";
    }

    /** An even id far from any the tests hand out, so that runs against the same tables do not meet. */
    private static long evenId() {
        return 2 * (1_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    private static void assertError(HttpResponse<String> response, int status, String fragment) {
        assertTrue(TestHttp.isJsonError(response, status, fragment), response.statusCode() + " " + response.body());
    }
}

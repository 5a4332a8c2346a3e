package com.cinemaabyss.contracts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each type's schema against data as its producer writes it, and against one broken field at a time. */
class EventContractValidationTest {

    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final String FAMILY = "5f0c6a9e-2b7d-4c1e-9a3f-8d2e4b6c7a10";

    /** Data as the producers write it today (events' records with NON_NULL, function-kit's MovieChange). */
    static Stream<Arguments> valid() {
        return Stream.of(
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":7,\"title\":\"Stalker\",\"action\":\"viewed\"}"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":7,\"title\":\"Stalker\",\"action\":\"rated\",\"user_id\":3,\"rating\":9.5,"
                        + "\"genres\":[\"Drama\",\"Sci-Fi\"],\"description\":\"\"}"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":9007199254740991,\"title\":\"T\",\"action\":\"viewed\",\"rating\":0,\"genres\":[]}"),
                arguments(EventTypes.USER_EVENT, "{\"user_id\":3,\"action\":\"registered\",\"timestamp\":\"2024-05-01T10:15:30Z\"}"),
                arguments(EventTypes.USER_EVENT, "{\"user_id\":3,\"username\":\"neo\",\"email\":\"neo@example.com\",\"action\":\"logged_in\","
                        + "\"timestamp\":\"2024-05-01T10:15:30.123Z\"}"),
                arguments(EventTypes.USER_LOGGED_IN, "{\"user_id\":2,\"family_id\":\"" + FAMILY + "\",\"method\":\"sso\",\"provider\":\"corp-sso\","
                        + "\"timestamp\":\"2024-05-01T10:15:30Z\"}"),
                arguments(EventTypes.USER_LOGGED_IN, "{\"user_id\":2,\"family_id\":\"" + FAMILY + "\",\"method\":\"password\",\"timestamp\":\"2024-05-01T10:15:30Z\"}"),
                // Written before the method existed: a password login.
                arguments(EventTypes.USER_LOGGED_IN, "{\"user_id\":2,\"family_id\":\"" + FAMILY + "\",\"timestamp\":\"2024-05-01T10:15:30Z\"}"),
                arguments(EventTypes.PAYMENT_EVENT, "{\"payment_id\":11,\"user_id\":3,\"amount\":9.99,\"status\":\"completed\","
                        + "\"timestamp\":\"2024-05-01T10:15:30Z\",\"method_type\":\"card\"}"),
                arguments(EventTypes.PAYMENT_EVENT, "{\"payment_id\":11,\"user_id\":3,\"amount\":0,\"status\":\"refunded\","
                        + "\"timestamp\":\"2024-05-01T12:15:30+02:00\"}"),
                arguments(EventTypes.MOVIE_UPSERTED, "{\"id\":1000001,\"title\":\"Solaris\",\"description\":\"Ocean\",\"genres\":[\"Drama\"],"
                        + "\"rating\":7.9,\"written_by\":\"monolith\"}"),
                arguments(EventTypes.MOVIE_UPSERTED, "{\"id\":2,\"title\":\"Echo\",\"description\":\"\",\"genres\":[],\"rating\":0.0,"
                        + "\"written_by\":\"catalog\"}"));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void dataAsTheProducersWriteItPasses(String type, String json) {
        EventContract contract = CONTRACTS.forType(type).orElseThrow();
        assertEquals(List.of(), contract.violations(bytes(json)));
        contract.requireValid(bytes(json));
    }

    /** One broken field per case, and the violations it must produce, joined by "; " (an empty string breaks minLength and the not-blank pattern). */
    static Stream<Arguments> broken() {
        String movie = "\"title\":\"Stalker\",\"action\":\"viewed\"";
        String user = "\"user_id\":3,\"action\":\"registered\"";
        String payment = "\"payment_id\":11,\"user_id\":3,\"status\":\"completed\",\"timestamp\":\"2024-05-01T10:15:30Z\"";
        String change = "\"title\":\"Solaris\",\"description\":\"\",\"genres\":[],\"rating\":7.9";
        String longTitle = "x".repeat(501);
        return Stream.of(
                // movie.recorded.v1
                arguments(EventTypes.MOVIE_EVENT, "{" + movie + "}", "field 'movie_id' is required"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":1,\"action\":\"viewed\"}", "field 'title' is required"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":\"1\"," + movie + "}", "field 'movie_id' has the wrong type: expected integer"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":1.5," + movie + "}", "field 'movie_id' has the wrong type: expected integer"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":1,\"title\":7,\"action\":\"viewed\"}", "field 'title' has the wrong type: expected string"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":0," + movie + "}", "field 'movie_id' must be at least 1"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":9007199254740992," + movie + "}", "field 'movie_id' must be at most 9007199254740991"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":1," + movie + ",\"rating\":10.01}", "field 'rating' must be at most 10"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":1," + movie + ",\"rating\":-1}", "field 'rating' must be at least 0"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":1," + movie + ",\"user_id\":-5}", "field 'user_id' must be at least 1"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":1," + movie + ",\"userId\":5}", "field 'userId' is not allowed: the schema has no such field"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":1,\"title\":\"" + longTitle + "\",\"action\":\"viewed\"}", "field 'title' must be at most 500 characters long"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":1,\"title\":\"  \",\"action\":\"viewed\"}", "field 'title' must not be blank"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":1,\"title\":\"T\",\"action\":\"\"}", "field 'action' must be one of viewed, rated, favorited, unfavorited, watchlisted, unwatchlisted, shared"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":1,\"title\":\"T\",\"action\":\"Viewed\"}", "field 'action' must be one of viewed, rated, favorited, unfavorited, watchlisted, unwatchlisted, shared"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":1,\"title\":\"T\",\"action\":\"viewed\\u0000\"}", "field 'action' must be one of viewed, rated, favorited, unfavorited, watchlisted, unwatchlisted, shared"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":1,\"title\":\"T\",\"action\":\"rated\"}", "field 'rating' is required"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":1," + movie + ",\"genres\":[\"Drama\",\"\"]}", "field 'genres[1]' must not be empty; field 'genres[1]' must not be blank"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":1," + movie + ",\"genres\":\"Drama\"}", "field 'genres' has the wrong type: expected array"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":1," + movie + ",\"genres\":[" + "\"g\",".repeat(50) + "\"g\"]}", "field 'genres' must have at most 50 items"),
                arguments(EventTypes.MOVIE_EVENT, "{\"movie_id\":1," + movie + ",\"user_id\":null}", "field 'user_id' has the wrong type: expected integer"),
                arguments(EventTypes.MOVIE_EVENT, "[1,2]", "data has the wrong type: expected object"),
                // user.recorded.v1
                arguments(EventTypes.USER_EVENT, "{" + user + "}", "field 'timestamp' is required"),
                arguments(EventTypes.USER_EVENT, "{" + user + ",\"timestamp\":\"yesterday\"}", "field 'timestamp' must be a valid RFC 3339 date-time, e.g. 2024-05-01T10:15:30Z"),
                arguments(EventTypes.USER_EVENT, "{" + user + ",\"timestamp\":\"2024-13-01T10:15:30Z\"}", "field 'timestamp' must be a valid RFC 3339 date-time, e.g. 2024-05-01T10:15:30Z"),
                arguments(EventTypes.USER_EVENT, "{" + user + ",\"timestamp\":1714558530}", "field 'timestamp' has the wrong type: expected string"),
                arguments(EventTypes.USER_EVENT, "{\"user_id\":3,\"action\":\"signed_up\",\"timestamp\":\"2024-05-01T10:15:30Z\"}", "field 'action' must be one of registered, logged_in, logged_out, profile_updated, password_changed, deleted"),
                arguments(EventTypes.USER_EVENT, "{\"user_id\":0,\"action\":\"registered\",\"timestamp\":\"2024-05-01T10:15:30Z\"}", "field 'user_id' must be at least 1"),
                arguments(EventTypes.USER_EVENT, "{" + user + ",\"timestamp\":\"2024-05-01T10:15:30Z\",\"email\":\"" + "e".repeat(255) + "\"}", "field 'email' must be at most 254 characters long"),
                arguments(EventTypes.USER_EVENT, "{" + user + ",\"timestamp\":\"2024-05-01T10:15:30Z\",\"username\":\"" + "u".repeat(101) + "\"}", "field 'username' must be at most 100 characters long"),
                arguments(EventTypes.USER_EVENT, "{" + user + ",\"timestamp\":\"2024-05-01T10:15:30Z\",\"password\":\"x\"}", "field 'password' is not allowed: the schema has no such field"),
                // identity.user.logged_in.v1
                arguments(EventTypes.USER_LOGGED_IN, "{\"user_id\":2,\"family_id\":\"" + FAMILY + "\",\"method\":\"magic\",\"timestamp\":\"2024-05-01T10:15:30Z\"}",
                        "field 'method' must be one of password, sso"),
                arguments(EventTypes.USER_LOGGED_IN, "{\"user_id\":2,\"family_id\":\"" + FAMILY + "\",\"method\":\"sso\",\"provider\":\"Corp SSO\","
                        + "\"timestamp\":\"2024-05-01T10:15:30Z\"}", "field 'provider' must match the pattern ^[a-z0-9-]{1,32}$"),
                // payment.recorded.v1
                arguments(EventTypes.PAYMENT_EVENT, "{" + payment + "}", "field 'amount' is required"),
                arguments(EventTypes.PAYMENT_EVENT, "{" + payment + ",\"amount\":\"9.99\"}", "field 'amount' has the wrong type: expected number"),
                arguments(EventTypes.PAYMENT_EVENT, "{" + payment + ",\"amount\":-0.01}", "field 'amount' must be at least 0"),
                arguments(EventTypes.PAYMENT_EVENT, "{" + payment + ",\"amount\":1000000.01}", "field 'amount' must be at most 1000000"),
                arguments(EventTypes.PAYMENT_EVENT, "{" + payment + ",\"amount\":1,\"method_type\":\"" + "m".repeat(51) + "\"}", "field 'method_type' must be at most 50 characters long"),
                arguments(EventTypes.PAYMENT_EVENT, "{\"payment_id\":11,\"user_id\":3,\"amount\":1,\"status\":\"" + "x".repeat(50) + "\",\"timestamp\":\"2024-05-01T10:15:30Z\"}", "field 'status' must be one of pending, completed, failed, refunded, cancelled"),
                arguments(EventTypes.PAYMENT_EVENT, "{" + payment + ",\"amount\":1,\"currency\":\"EUR\"}", "field 'currency' is not allowed: the schema has no such field"),
                // catalog.movie.upserted.v1
                arguments(EventTypes.MOVIE_UPSERTED, "{\"id\":1," + change + "}", "field 'written_by' is required"),
                arguments(EventTypes.MOVIE_UPSERTED, "{\"id\":1,\"title\":\"Solaris\",\"genres\":[],\"rating\":7.9,\"written_by\":\"catalog\"}", "field 'description' is required"),
                arguments(EventTypes.MOVIE_UPSERTED, "{\"id\":1," + change + ",\"written_by\":\"test\"}", "field 'written_by' must be one of monolith, catalog"),
                arguments(EventTypes.MOVIE_UPSERTED, "{\"id\":\"1\"," + change + ",\"written_by\":\"catalog\"}", "field 'id' has the wrong type: expected integer"),
                arguments(EventTypes.MOVIE_UPSERTED, "{\"id\":1,\"title\":\"Solaris\",\"description\":\"\",\"genres\":[],\"rating\":11,\"written_by\":\"catalog\"}", "field 'rating' must be at most 10"),
                arguments(EventTypes.MOVIE_UPSERTED, "{\"id\":1," + change + ",\"written_by\":\"catalog\",\"origin\":\"x\"}", "field 'origin' is not allowed: the schema has no such field"),
                arguments(EventTypes.MOVIE_UPSERTED, "{\"id\":1,\"title\":\"Solaris\",\"description\":\"" + "d".repeat(10_001) + "\",\"genres\":[],\"rating\":1,\"written_by\":\"catalog\"}", "field 'description' must be at most 10000 characters long"),
                arguments(EventTypes.MOVIE_UPSERTED, "{\"id\":1,\"title\":\"Solaris\",\"description\":\"\",\"genres\":[\"" + "g".repeat(101) + "\"],\"rating\":1,\"written_by\":\"catalog\"}", "field 'genres[0]' must be at most 100 characters long"));
    }

    @ParameterizedTest
    @MethodSource("broken")
    void eachBrokenFieldIsNamedInItsViolation(String type, String json, String expected) {
        assertEquals(List.of(expected.split("; ")), CONTRACTS.forType(type).orElseThrow().violations(bytes(json)));
    }

    @Test
    void everyProblemIsReportedUpToTheCap() {
        EventContract contract = CONTRACTS.forType(EventTypes.MOVIE_EVENT).orElseThrow();
        assertEquals(List.of("field 'movie_id' must be at least 1", "field 'rating' must be at most 10", "field 'action' is required"),
                contract.violations(bytes("{\"movie_id\":0,\"title\":\"T\",\"rating\":11}")));

        StringBuilder many = new StringBuilder("{\"movie_id\":1,\"title\":\"T\",\"action\":\"viewed\"");
        for (int i = 0; i < 40; i++) {
            many.append(",\"extra").append(i).append("\":1");
        }
        List<String> violations = contract.violations(bytes(many.append('}').toString()));
        assertEquals(EventContract.MAX_VIOLATIONS, violations.size());
        violations.forEach(violation -> assertTrue(violation.matches("field 'extra\\d+' is not allowed: the schema has no such field"), violation));
    }

    @Test
    void requireValidThrowsWithTheTypeAndTheViolations() {
        EventContract contract = CONTRACTS.forType(EventTypes.PAYMENT_EVENT).orElseThrow();
        ContractViolationException e = assertThrows(ContractViolationException.class,
                () -> contract.requireValid(bytes("{\"payment_id\":1,\"user_id\":1,\"amount\":-1,\"status\":\"completed\"}")));
        assertEquals(EventTypes.PAYMENT_EVENT, e.type());
        assertEquals(List.of("field 'amount' must be at least 0", "field 'timestamp' is required"), e.violations());
        assertEquals("data of " + EventTypes.PAYMENT_EVENT + " breaks its schema: field 'amount' must be at least 0; field 'timestamp' is required",
                e.getMessage());
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}

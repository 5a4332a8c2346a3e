package com.cinemaabyss.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data nobody's producer writes: every case ends in violations, quickly, and never in an exception. */
class HostileDataTest {

    private static final Duration QUICKLY = Duration.ofSeconds(2);
    private static final String FORTY_DIGITS = "1234567890123456789012345678901234567890";
    private static final EventContract MOVIE = EventContracts.load().forType(EventTypes.MOVIE_EVENT).orElseThrow();
    private static final EventContract PAYMENT = EventContracts.load().forType(EventTypes.PAYMENT_EVENT).orElseThrow();

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "-1e999999999", "1e400", "-1e400"})
    void numbersBeyondADoubleAreOutOfRange(String number) {
        assertEquals(List.of("field 'rating' is out of range: the number is too large in magnitude"),
                violations(MOVIE, "{\"movie_id\":1,\"title\":\"T\",\"action\":\"viewed\",\"rating\":" + number + "}"));
        assertEquals(List.of("field 'amount' is out of range: the number is too large in magnitude"),
                violations(PAYMENT, "{\"payment_id\":1,\"user_id\":1,\"status\":\"completed\",\"timestamp\":\"2024-05-01T10:15:30Z\",\"amount\":" + number + "}"));
        assertEquals(List.of("field 'movie_id' is out of range: the number is too large in magnitude"),
                violations(MOVIE, "{\"movie_id\":" + number + ",\"title\":\"T\",\"action\":\"viewed\"}"));
    }

    @Test
    void fortyDigitIntegersAreBeyondTheMaximum() {
        assertEquals(List.of("field 'movie_id' must be at most 9007199254740991"),
                violations(MOVIE, "{\"movie_id\":" + FORTY_DIGITS + ",\"title\":\"T\",\"action\":\"viewed\"}"));
        assertEquals(List.of("field 'movie_id' must be at least 1"),
                violations(MOVIE, "{\"movie_id\":-" + FORTY_DIGITS + ",\"title\":\"T\",\"action\":\"viewed\"}"));
        assertEquals(List.of("field 'amount' must be at most 1000000"),
                violations(PAYMENT, "{\"payment_id\":1,\"user_id\":1,\"status\":\"completed\",\"timestamp\":\"2024-05-01T10:15:30Z\",\"amount\":" + FORTY_DIGITS + "}"));
        assertEquals(List.of("field 'rating' must be at most 10"),
                violations(MOVIE, "{\"movie_id\":1,\"title\":\"T\",\"action\":\"viewed\",\"rating\":" + FORTY_DIGITS + ".5e10}"));
    }

    @Test
    void overlongNumbersStopTheParser() {
        String violation = only(violations(MOVIE, "{\"movie_id\":" + "9".repeat(65) + ",\"title\":\"T\",\"action\":\"viewed\"}"));
        assertTrue(violation.startsWith("data exceeds a JSON parsing limit: "), violation);
        violation = only(violations(MOVIE, "{\"movie_id\":1,\"title\":\"T\",\"action\":\"viewed\",\"rating\":0." + "1".repeat(100_000) + "}"));
        assertTrue(violation.startsWith("data exceeds a JSON parsing limit: "), violation);
        assertTrue(violation.length() < 300, violation);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"movie_id\":1,", "nope", "{\"movie_id\":1}}", "{\"movie_id\":01}", "{\"movie_id\":NaN}",
            "{\"movie_id\":Infinity}", "{'movie_id':1}", "{\"movie_id\":1} {}", "\"\\u0000"})
    void malformedJsonIsOneBoundedViolation(String json) {
        String violation = only(violations(MOVIE, json));
        assertTrue(violation.startsWith("data is not valid JSON: "), violation);
        assertTrue(violation.length() < 300 && !violation.contains("\n"), violation);
    }

    @Test
    void duplicateKeysAreRejectedRatherThanSilentlyOverwritten() {
        String violation = only(violations(MOVIE, "{\"movie_id\":1,\"title\":\"T\",\"action\":\"viewed\",\"movie_id\":-1}"));
        assertTrue(violation.startsWith("data is not valid JSON: ") && violation.contains("movie_id"), violation);
    }

    @Test
    void emptyAndMissingDataAreViolations() {
        assertEquals(List.of("data is missing"), MOVIE.violations(null));
        assertEquals(List.of("data is missing"), MOVIE.violations(new byte[0]));
        assertEquals(List.of("data is missing"), violations(MOVIE, "   "));
        assertEquals(List.of("data has the wrong type: expected object"), violations(MOVIE, "null"));
    }

    @Test
    void deepNestingStopsTheParser() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String violation = only(violations(MOVIE, "{\"movie_id\":1,\"title\":\"T\",\"action\":\"viewed\",\"genres\":" + deep + "}"));
        assertTrue(violation.startsWith("data exceeds a JSON parsing limit: "), violation);
    }

    @Test
    void bigDocumentsAreRefusedOrBoundedQuickly() {
        byte[] tooBig = new byte[DataReader.MAX_DOCUMENT_BYTES + 1];
        java.util.Arrays.fill(tooBig, (byte) ' ');
        assertEquals(List.of("data is larger than " + DataReader.MAX_DOCUMENT_BYTES + " bytes"), assertQuick(() -> MOVIE.violations(tooBig)));

        String manyItems = "\"\",".repeat(200_000) + "\"\"";
        String violation = only(violations(MOVIE, "{\"movie_id\":1,\"title\":\"T\",\"action\":\"viewed\",\"genres\":[" + manyItems + "]}"));
        assertTrue(violation.startsWith("data exceeds a JSON parsing limit: "), violation);

        List<String> blanks = violations(MOVIE, "{\"movie_id\":1,\"title\":\"T\",\"action\":\"viewed\",\"genres\":[" + "\" \",".repeat(30_000) + "\" \"]}");
        assertEquals(EventContract.MAX_VIOLATIONS, blanks.size());
        assertEquals("field 'genres' must have at most 50 items", blanks.getFirst());

        List<String> longTitle = violations(MOVIE, "{\"movie_id\":1,\"title\":\"" + " ".repeat(900_000) + "\",\"action\":\"viewed\"}");
        assertEquals(List.of("field 'title' must be at most 500 characters long", "field 'title' must not be blank"), longTitle);
    }

    private static List<String> violations(EventContract contract, String json) {
        return assertQuick(() -> contract.violations(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> assertQuick(org.junit.jupiter.api.function.ThrowingSupplier<List<String>> check) {
        return assertTimeoutPreemptively(QUICKLY, check);
    }

    private static String only(List<String> violations) {
        assertEquals(1, violations.size(), violations.toString());
        return violations.getFirst();
    }
}

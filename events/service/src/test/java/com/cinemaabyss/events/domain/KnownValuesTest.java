package com.cinemaabyss.events.domain;

import com.cinemaabyss.contracts.EventContracts;
import com.cinemaabyss.contracts.EventTypes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The enums here and the JSON Schemas' enums are the same lists, in the same order, so neither can drift. */
class KnownValuesTest {

    @Test
    void movieActionsAreTheSchemasActions() {
        assertEquals(schemaEnum(EventTypes.MOVIE_EVENT, "action"), KnownValue.values(MovieAction.class));
    }

    @Test
    void userActionsAreTheSchemasActions() {
        assertEquals(schemaEnum(EventTypes.USER_EVENT, "action"), KnownValue.values(UserAction.class));
    }

    @Test
    void paymentStatusesAreTheSchemasStatuses() {
        assertEquals(schemaEnum(EventTypes.PAYMENT_EVENT, "status"), KnownValue.values(PaymentStatus.class));
    }

    @Test
    void valuesAreLowerCaseAsciiWordsFitForAHeader() {
        List<String> all = new ArrayList<>(KnownValue.values(MovieAction.class));
        all.addAll(KnownValue.values(UserAction.class));
        all.addAll(KnownValue.values(PaymentStatus.class));
        all.forEach(value -> assertEquals(true, value.matches("[a-z][a-z_]{0,29}"), value));
    }

    private static List<String> schemaEnum(String type, String field) {
        String resource = EventContracts.load().forType(type).orElseThrow().schemaResource();
        try (InputStream in = KnownValuesTest.class.getClassLoader().getResourceAsStream(resource)) {
            JsonNode values = JsonMapper.builder().build().readTree(in.readAllBytes()).path("properties").path(field).path("enum");
            List<String> list = new ArrayList<>();
            values.forEach(value -> list.add(value.asString()));
            return list;
        } catch (IOException e) {
            throw new AssertionError(resource, e);
        }
    }
}

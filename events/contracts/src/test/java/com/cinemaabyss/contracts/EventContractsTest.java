package com.cinemaabyss.contracts;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventContractsTest {

    private static final EventContracts CONTRACTS = EventContracts.load();
    private static final String PROVIDER_FEED = EventTypes.PROVIDER_TITLE_PUBLISHED + "," + EventTypes.PROVIDER_TITLE_WITHDRAWN;
    private static final long MAX_SAFE_INTEGER = 9007199254740991L;

    /** Where each type must travel; written out here rather than derived, so a wrong topic in the document fails. */
    private static final Map<String, String> EXPECTED_TOPICS = Map.ofEntries(
            Map.entry(EventTypes.MOVIE_EVENT, Topics.MOVIE_EVENTS),
            Map.entry(EventTypes.USER_EVENT, Topics.USER_EVENTS),
            Map.entry(EventTypes.PAYMENT_EVENT, Topics.PAYMENT_EVENTS),
            Map.entry(EventTypes.MOVIE_UPSERTED, Topics.MOVIE_CHANGES),
            Map.entry(EventTypes.USER_REGISTERED, Topics.USER_EVENTS),
            Map.entry(EventTypes.USER_LOGGED_IN, Topics.USER_EVENTS),
            Map.entry(EventTypes.USER_EMAIL_VERIFICATION_REQUESTED, Topics.USER_EVENTS),
            Map.entry(EventTypes.USER_EMAIL_VERIFIED, Topics.USER_EVENTS),
            Map.entry(EventTypes.USER_PASSWORD_RESET_REQUESTED, Topics.USER_EVENTS),
            Map.entry(EventTypes.USER_ROLES_CHANGED, Topics.USER_EVENTS),
            Map.entry(EventTypes.USER_UPSERTED, Topics.USER_CHANGES),
            Map.entry(EventTypes.CHECKOUT_STARTED, Topics.BILLING_EVENTS),
            Map.entry(EventTypes.PAYMENT_SUCCEEDED, Topics.BILLING_EVENTS),
            Map.entry(EventTypes.PAYMENT_FAILED, Topics.BILLING_EVENTS),
            Map.entry(EventTypes.PAYMENT_REFUNDED, Topics.BILLING_EVENTS),
            Map.entry(EventTypes.PAYMENT_UPSERTED, Topics.PAYMENT_CHANGES),
            Map.entry(EventTypes.QUOTE_CONFIRMED, Topics.DISCOUNT_EVENTS),
            Map.entry(EventTypes.QUOTE_REJECTED, Topics.DISCOUNT_EVENTS),
            Map.entry(EventTypes.PROMO_REDEEMED, Topics.DISCOUNT_EVENTS),
            Map.entry(EventTypes.PROMO_RELEASED, Topics.DISCOUNT_EVENTS),
            Map.entry(EventTypes.LOYALTY_POINTS_EARNED, Topics.DISCOUNT_EVENTS),
            Map.entry(EventTypes.LOYALTY_POINTS_ADJUSTED, Topics.DISCOUNT_EVENTS),
            Map.entry(EventTypes.SUBSCRIPTION_ACTIVATED, Topics.SUBSCRIPTION_EVENTS),
            Map.entry(EventTypes.SUBSCRIPTION_STATUS_CHANGED, Topics.SUBSCRIPTION_EVENTS),
            Map.entry(EventTypes.SUBSCRIPTION_RENEWAL_REQUESTED, Topics.SUBSCRIPTION_EVENTS),
            Map.entry(EventTypes.SUBSCRIPTION_RENEWAL_UPCOMING, Topics.SUBSCRIPTION_EVENTS),
            Map.entry(EventTypes.SUBSCRIPTION_UPSERTED, Topics.SUBSCRIPTION_CHANGES),
            Map.entry(EventTypes.TITLE_UPSERTED, Topics.TITLE_CHANGES),
            Map.entry(EventTypes.PROFILE_RATING_SET, Topics.PROFILE_EVENTS),
            Map.entry(EventTypes.PROFILE_RATING_REMOVED, Topics.PROFILE_EVENTS),
            Map.entry(EventTypes.PROFILE_FAVORITE_ADDED, Topics.PROFILE_EVENTS),
            Map.entry(EventTypes.PROFILE_FAVORITE_REMOVED, Topics.PROFILE_EVENTS),
            Map.entry(EventTypes.PROFILE_PROGRESS_RECORDED, Topics.PROFILE_EVENTS),
            Map.entry(EventTypes.PLAYBACK_STARTED, Topics.PLAYBACK_EVENTS),
            Map.entry(EventTypes.PROVIDER_TITLE_PUBLISHED, Topics.PROVIDER_FEED),
            Map.entry(EventTypes.PROVIDER_TITLE_WITHDRAWN, Topics.PROVIDER_FEED),
            Map.entry(EventTypes.CAMPAIGN_RECIPIENT_QUEUED, Topics.CAMPAIGN_RECIPIENTS));
    private static final String BILLING_ANSWERS = String.join(",", EventTypes.PAYMENT_SUCCEEDED, EventTypes.PAYMENT_FAILED,
            EventTypes.PAYMENT_REFUNDED);
    private static final String IDENTITY_USER_EVENTS = String.join(",", EventTypes.USER_REGISTERED, EventTypes.USER_LOGGED_IN,
            EventTypes.USER_EMAIL_VERIFICATION_REQUESTED, EventTypes.USER_EMAIL_VERIFIED, EventTypes.USER_PASSWORD_RESET_REQUESTED,
            EventTypes.USER_ROLES_CHANGED);
    private static final String BILLING_EVENTS = String.join(",", EventTypes.CHECKOUT_STARTED, EventTypes.PAYMENT_SUCCEEDED,
            EventTypes.PAYMENT_FAILED, EventTypes.PAYMENT_REFUNDED);
    private static final String DISCOUNT_EVENTS = String.join(",", EventTypes.QUOTE_CONFIRMED, EventTypes.QUOTE_REJECTED,
            EventTypes.PROMO_REDEEMED, EventTypes.PROMO_RELEASED, EventTypes.LOYALTY_POINTS_EARNED, EventTypes.LOYALTY_POINTS_ADJUSTED);

    @Test
    void everyEventTypeConstantHasAContractOnItsTopicAndNothingElseHasOne() throws IllegalAccessException {
        Map<String, String> constants = constants(EventTypes.class);
        assertEquals(EXPECTED_TOPICS.keySet(), new HashSet<>(constants.values()), "EventTypes constants vs. the expected topics of this test");
        for (Map.Entry<String, String> constant : constants.entrySet()) {
            EventContract contract = CONTRACTS.forType(constant.getValue())
                    .orElseThrow(() -> new AssertionError("EventTypes." + constant.getKey() + " has no contract"));
            assertEquals(EXPECTED_TOPICS.get(constant.getValue()), contract.topic(), "topic of " + constant.getKey());
            assertEquals("contracts/schemas/" + constant.getValue() + ".json", contract.schemaResource());
            assertNotNull(getClass().getClassLoader().getResource(contract.schemaResource()), contract.schemaResource());
        }
        assertEquals(new HashSet<>(constants.values()), CONTRACTS.types(), "every contract type is an EventTypes constant");
        assertEquals(CONTRACTS.types().size(), CONTRACTS.all().size());
        CONTRACTS.all().forEach(contract -> assertSame(contract, CONTRACTS.forType(contract.type()).orElseThrow()));
    }

    @Test
    void everyTopicConstantIsAChannelAndEveryChannelATopicConstant() throws IllegalAccessException {
        Set<String> addresses = new HashSet<>();
        asyncApi().path("channels").forEach(channel -> addresses.add(channel.path("address").asString()));
        assertEquals(new HashSet<>(constants(Topics.class).values()), addresses);
    }

    @Test
    void unknownTypesHaveNoContract() {
        assertTrue(CONTRACTS.forType("com.cinemaabyss.events.movie.recorded.v2").isEmpty());
        assertTrue(CONTRACTS.forType(null).isEmpty());
    }

    @Test
    void loadIsCachedAndServesTheDocumentAsWritten() throws IOException {
        assertSame(CONTRACTS, EventContracts.load());
        try (var in = getClass().getClassLoader().getResourceAsStream(EventContracts.ASYNCAPI_RESOURCE)) {
            assertEquals(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), CONTRACTS.asyncApiYaml());
        }
    }

    @Test
    void everySchemaFileIsReferencedByAMessageAndEveryPayloadRefResolves() throws IOException, URISyntaxException {
        Set<String> referenced = new TreeSet<>();
        for (Map.Entry<String, JsonNode> message : asyncApi().path("components").path("messages").properties()) {
            JsonNode ref = message.getValue().path("payload").get("$ref");
            if (ref == null) {
                continue;
            }
            String resource = "contracts/" + ref.asString().replaceFirst("^\\./", "");
            assertNotNull(getClass().getClassLoader().getResource(resource), message.getKey() + " payload " + ref.asString());
            referenced.add(resource);
        }
        Path dir = Path.of(getClass().getClassLoader().getResource("contracts/schemas").toURI());
        Set<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.forEach(file -> files.add("contracts/schemas/" + file.getFileName()));
        }
        assertFalse(files.isEmpty());
        assertEquals(files, referenced);
    }

    @Test
    void everyTypedMessageIsNamedAfterItsTypeWithItsTypeAsTheCeTypeHeader() {
        JsonNode doc = asyncApi();
        int typed = 0;
        for (Map.Entry<String, JsonNode> message : doc.path("components").path("messages").properties()) {
            JsonNode type = message.getValue().get("x-cloudevent-type");
            if (type == null) {
                continue;
            }
            typed++;
            assertEquals(type.asString(), message.getValue().path("name").asString(), message.getKey());
            assertEquals("application/json", message.getValue().path("contentType").asString(), message.getKey());
            assertEquals("./schemas/" + type.asString() + ".json", message.getValue().path("payload").path("$ref").asString());
            JsonNode headers = doc.at(message.getValue().path("headers").path("$ref").asString().substring(1));
            assertEquals(type.asString(), headers.path("properties").path("ce_type").path("const").asString(), message.getKey());
            assertEquals("1.0", headers.path("properties").path("ce_specversion").path("const").asString(), message.getKey());
            // Keyed by the entity's id; the provider feed by <provider>/<external_id>, the only key an outside item has.
            String key = type.asString().startsWith("com.cinemaabyss.content.title.") ? "providerKey" : "entityKey";
            assertEquals("#/components/schemas/" + key, message.getValue().path("bindings").path("kafka").path("key").path("$ref").asString());
        }
        assertEquals(EXPECTED_TOPICS.size(), typed);
    }

    /** An extension such as ce_action repeats a data field, so it takes the same fixed values, and no free text reaches a header. */
    @Test
    void everyExtensionHeaderHasTheEnumOfTheDataFieldItRepeats() {
        Set<String> core = Set.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject");
        JsonNode doc = asyncApi();
        int extensions = 0;
        for (Map.Entry<String, JsonNode> message : doc.path("components").path("messages").properties()) {
            JsonNode type = message.getValue().get("x-cloudevent-type");
            if (type == null) {
                continue;
            }
            JsonNode headers = doc.at(message.getValue().path("headers").path("$ref").asString().substring(1));
            JsonNode data = readJson(CONTRACTS.forType(type.asString()).orElseThrow().schemaResource()).path("properties");
            for (Map.Entry<String, JsonNode> header : headers.path("properties").properties()) {
                if (!header.getKey().startsWith("ce_") || core.contains(header.getKey())) {
                    continue;
                }
                extensions++;
                String where = message.getKey() + " " + header.getKey();
                JsonNode field = data.path(header.getKey().substring("ce_".length()));
                assertTrue(field.path("enum").isArray() && !field.path("enum").isEmpty(), where + " repeats a data field without an enum");
                assertEquals(field.path("enum"), header.getValue().path("enum"), where);
            }
        }
        assertEquals(3, extensions, "ce_action twice, ce_status once");
    }

    @Test
    void everySchemaIsClosedDocumentedAndBoundsEveryField() {
        for (EventContract contract : CONTRACTS.all()) {
            JsonNode schema = readJson(contract.schemaResource());
            String where = contract.schemaResource();
            assertTrue(schema.path("$id").asString().endsWith("/" + contract.type() + ".json"), where + " $id");
            assertFalse(schema.path("title").asString().isBlank(), where + " title");
            assertFalse(schema.path("description").asString().isBlank(), where + " description");
            assertEquals("object", schema.path("type").asString(), where);
            assertTrue(schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean(), where);
            assertTrue(schema.path("required").isArray() && !schema.path("required").isEmpty(), where + " required");
            schema.path("required").forEach(name -> assertTrue(schema.path("properties").has(name.asString()), where + " requires undeclared " + name));
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                assertBounded(where + " " + property.getKey(), property.getValue());
            }
        }
    }

    private static void assertBounded(String where, JsonNode field) {
        switch (field.path("type").asString()) {
            case "string" -> assertTrue(field.has("maxLength") || field.has("enum"), where + " has no maxLength");
            case "integer" -> {
                if (!field.path("enum").isArray()) {
                    assertTrue(field.has("minimum"), where + " has no minimum");
                    assertTrue(field.has("maximum") && field.path("maximum").asLong() <= MAX_SAFE_INTEGER, where + " maximum");
                }
            }
            case "boolean" -> {
            }
            case "number" -> {
                assertTrue(field.has("minimum"), where + " has no minimum");
                assertTrue(field.has("maximum"), where + " has no maximum");
            }
            case "array" -> {
                assertTrue(field.has("maxItems"), where + " has no maxItems");
                assertBounded(where + "[]", field.path("items"));
            }
            case "object" -> {
                assertTrue(field.path("additionalProperties").isBoolean() && !field.path("additionalProperties").asBoolean(), where + " is open");
                for (Map.Entry<String, JsonNode> property : field.path("properties").properties()) {
                    assertBounded(where + "." + property.getKey(), property.getValue());
                }
            }
            default -> throw new AssertionError(where + " has unexpected type " + field.path("type"));
        }
    }

    @Test
    void operationsSayWhoSendsAndWhoReceivesEachTopic() {
        Set<String> actual = new TreeSet<>();
        for (Operation operation : CONTRACTS.operations()) {
            assertTrue(actual.add(describe(operation)), "duplicate " + operation);
            if (operation.action() == Operation.Action.SEND) {
                assertEquals(null, operation.subscription(), operation.id() + " is a send with a subscription");
            }
        }
        Set<String> expected = new TreeSet<>(List.of(
                "events send movie-events " + EventTypes.MOVIE_EVENT + " -",
                "events send user-events " + EventTypes.USER_EVENT + " -",
                "events send payment-events " + EventTypes.PAYMENT_EVENT + " -",
                "monolith send movie-changes " + EventTypes.MOVIE_UPSERTED + " -",
                "catalog send movie-changes " + EventTypes.MOVIE_UPSERTED + " -",
                "monolith receive movie-changes " + EventTypes.MOVIE_UPSERTED + " movie-changes-to-monolith",
                "catalog receive movie-changes " + EventTypes.MOVIE_UPSERTED + " movie-changes-to-catalog",
                "events receive movie-events " + EventTypes.MOVIE_EVENT + " movie-events-to-events",
                "events receive user-events " + EventTypes.USER_EVENT + "," + IDENTITY_USER_EVENTS + " user-events-to-events",
                "identity send user-events " + IDENTITY_USER_EVENTS + " -",
                "identity send user-changes " + EventTypes.USER_UPSERTED + " -",
                "monolith receive user-changes " + EventTypes.USER_UPSERTED + " user-changes-to-monolith",
                "monolith receive payment-changes " + EventTypes.PAYMENT_UPSERTED + " payment-changes-to-monolith",
                "monolith receive subscription-changes " + EventTypes.SUBSCRIPTION_UPSERTED + " subscription-changes-to-monolith",
                "events receive payment-events " + EventTypes.PAYMENT_EVENT + " payment-events-to-events",
                "discounts send discount-events " + DISCOUNT_EVENTS + " -",
                "discounts receive billing-events " + BILLING_EVENTS + " billing-events-to-discounts",
                "subscriptions receive billing-events " + BILLING_ANSWERS + " billing-events-to-subscriptions",
                "notifications send campaign-recipients " + EventTypes.CAMPAIGN_RECIPIENT_QUEUED + " -",
                "notifications receive campaign-recipients " + EventTypes.CAMPAIGN_RECIPIENT_QUEUED + " campaign-recipients-to-notifications",
                "notifications receive subscription-changes " + EventTypes.SUBSCRIPTION_UPSERTED + " subscription-changes-to-notifications",
                "notifications receive user-events " + EventTypes.USER_REGISTERED + "," + EventTypes.USER_EMAIL_VERIFICATION_REQUESTED + ","
                        + EventTypes.USER_PASSWORD_RESET_REQUESTED + " user-events-to-notifications",
                "notifications receive user-changes " + EventTypes.USER_UPSERTED + " user-changes-to-notifications",
                "notifications receive billing-events " + BILLING_ANSWERS + " billing-events-to-notifications",
                "notifications receive subscription-events " + EventTypes.SUBSCRIPTION_RENEWAL_UPCOMING + " subscription-events-to-notifications",
                "notifications receive profile-events " + EventTypes.PROFILE_FAVORITE_ADDED + "," + EventTypes.PROFILE_FAVORITE_REMOVED
                        + " profile-events-to-notifications",
                "notifications receive title-changes " + EventTypes.TITLE_UPSERTED + " title-changes-to-notifications",
                "subscriptions send subscription-events " + String.join(",", EventTypes.SUBSCRIPTION_ACTIVATED,
                        EventTypes.SUBSCRIPTION_STATUS_CHANGED, EventTypes.SUBSCRIPTION_RENEWAL_REQUESTED,
                        EventTypes.SUBSCRIPTION_RENEWAL_UPCOMING) + " -",
                "subscriptions send subscription-changes " + EventTypes.SUBSCRIPTION_UPSERTED + " -",
                "payments send billing-events " + BILLING_EVENTS + " -",
                "payments send payment-changes " + EventTypes.PAYMENT_UPSERTED + " -",
                "payments receive discount-events " + EventTypes.QUOTE_CONFIRMED + "," + EventTypes.QUOTE_REJECTED + " discount-events-to-payments",
                "payments receive subscription-events " + EventTypes.SUBSCRIPTION_RENEWAL_REQUESTED + " subscription-events-to-payments",
                "catalog send title-changes " + EventTypes.TITLE_UPSERTED + " -",
                "profile receive title-changes " + EventTypes.TITLE_UPSERTED + " title-changes-to-profile",
                "profile send profile-events " + String.join(",", EventTypes.PROFILE_RATING_SET, EventTypes.PROFILE_RATING_REMOVED,
                        EventTypes.PROFILE_FAVORITE_ADDED, EventTypes.PROFILE_FAVORITE_REMOVED, EventTypes.PROFILE_PROGRESS_RECORDED) + " -",
                "content receive title-changes " + EventTypes.TITLE_UPSERTED + " title-changes-to-content",
                "content send playback-events " + EventTypes.PLAYBACK_STARTED + " -",
                "events send provider-feed " + PROVIDER_FEED + " -",
                "catalog receive provider-feed " + PROVIDER_FEED + " provider-feed-to-catalog",
                "catalog receive profile-events " + EventTypes.PROFILE_RATING_SET + "," + EventTypes.PROFILE_RATING_REMOVED
                        + " profile-events-to-catalog",
                "catalog receive movie-events " + EventTypes.MOVIE_EVENT + " movie-events-to-catalog",
                "recommendations receive profile-events " + String.join(",", EventTypes.PROFILE_RATING_SET, EventTypes.PROFILE_RATING_REMOVED,
                        EventTypes.PROFILE_FAVORITE_ADDED, EventTypes.PROFILE_FAVORITE_REMOVED, EventTypes.PROFILE_PROGRESS_RECORDED)
                        + " profile-events-to-recommendations",
                "recommendations receive playback-events " + EventTypes.PLAYBACK_STARTED + " playback-events-to-recommendations",
                "recommendations receive title-changes " + EventTypes.TITLE_UPSERTED + " title-changes-to-recommendations"));
        assertEquals(expected, actual);
        List<String> ids = new ArrayList<>();
        CONTRACTS.operations().forEach(operation -> ids.add(operation.id()));
        assertEquals(ids, new ArrayList<>(asyncApi().path("operations").propertyNames()), "ids and order of the document");
    }

    /**
     * Every type is sent, and received unless its message says with {@code x-unconsumed} why nobody reads it yet; a
     * type that has a receiver must not keep the mark, so it goes once the first reader arrives.
     */
    @Test
    void everyContractTopicIsSentByOneServiceAtLeastAndReceivedByOneAtLeast() {
        Map<String, String> unconsumed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> message : asyncApi().path("components").path("messages").properties()) {
            JsonNode reason = message.getValue().get("x-unconsumed");
            if (reason != null) {
                assertFalse(reason.asString().isBlank(), message.getKey() + ": x-unconsumed says why");
                unconsumed.put(message.getValue().path("x-cloudevent-type").asString(), reason.asString());
            }
        }
        for (EventContract contract : CONTRACTS.all()) {
            for (Operation.Action action : Operation.Action.values()) {
                boolean done = CONTRACTS.operations().stream().anyMatch(operation -> operation.action() == action
                        && operation.topic().equals(contract.topic()) && operation.types().contains(contract.type()));
                if (action == Operation.Action.RECEIVE && unconsumed.containsKey(contract.type())) {
                    assertFalse(done, contract.type() + " has a receiver now: drop its x-unconsumed");
                } else {
                    assertTrue(done, "nobody does " + action + " for " + contract.type());
                }
            }
        }
    }

    private static String describe(Operation operation) {
        return operation.service() + " " + operation.action().asyncApiName() + " " + operation.topic() + " "
                + String.join(",", operation.types()) + " " + (operation.subscription() == null ? "-" : operation.subscription());
    }

    private static Map<String, String> constants(Class<?> holder) throws IllegalAccessException {
        Map<String, String> constants = new LinkedHashMap<>();
        for (Field field : holder.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
                constants.put(field.getName(), (String) field.get(null));
            }
        }
        assertFalse(constants.isEmpty(), holder + " has no constants");
        return constants;
    }

    private static JsonNode asyncApi() {
        return YAMLMapper.builder().build().readTree(CONTRACTS.asyncApiYaml());
    }

    private static JsonNode readJson(String resource) {
        try (var in = EventContractsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return JsonMapper.builder().build().readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new AssertionError(resource, e);
        }
    }
}

package com.cinemaabyss.catalog;

import com.cinemaabyss.catalog.events.MovieChange;
import com.cinemaabyss.catalog.events.MovieChangelog;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.contracts.EventTypes;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog's functions behind the AWS Lambda handler the SAM template names
 * (Spring Cloud Function's FunctionInvoker), fed the events API Gateway and an MSK trigger send.
 */
class LambdaHandlerIT {

    private static final List<String> PROPERTIES = List.of("MAIN_CLASS", "cinemaabyss.dynamodb.endpoint",
            "cinemaabyss.dynamodb.create-tables", "cinemaabyss.kafka.bootstrap-servers");

    @BeforeAll
    static void environment() {
        System.setProperty("MAIN_CLASS", CatalogApplication.class.getName());
        SharedTestInfra.functionAppProperties().forEach((name, value) -> System.setProperty(name, String.valueOf(value.get())));
    }

    @AfterAll
    static void clear() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void anApiGatewayPostCreatesAMovie() throws Exception {
        String event = """
                {"resource":"/api/movies","path":"/api/movies","httpMethod":"POST",
                 "headers":{"Content-Type":"application/json"},
                 "requestContext":{"resourcePath":"/api/movies","httpMethod":"POST","stage":"prod"},
                 "body":"{\\"title\\":\\"Lambda Solaris\\",\\"genres\\":[\\"Sci-Fi\\"],\\"rating\\":7.7}",
                 "isBase64Encoded":false}
                """;
        String response = invoke("createMovie", event);
        assertTrue(response.contains("\"statusCode\":201"), response);
        assertTrue(response.contains("Lambda Solaris"), response);
    }

    @Test
    void anMskBatchOfChangelogRecordsIsAppliedAndARecordThatIsNotACloudEventIsSkipped() throws Exception {
        CloudEvent change = new MovieChangelog("monolith").upserted(
                new MovieChange(3_000_001, "Lambda Mirror", "", List.of("Drama"), 8.0, "monolith"));
        String event = """
                {"eventSource":"aws:kafka","bootstrapServers":"b-1.msk:9092",
                 "records":{"movie-changes-0":[%s,
                  {"topic":"movie-changes","partition":0,"offset":43,"timestamp":1764000000001,
                   "timestampType":"CREATE_TIME","key":"eA==","value":"%s","headers":[]}]}}
                """.formatted(record("movie-changes", "3000001", change),
                Base64.getEncoder().encodeToString("not a CloudEvent".getBytes(StandardCharsets.UTF_8)));
        String outcome = invoke("applyMovieChangesFromKafka", event);
        assertTrue(outcome.contains("\"delivered\":1") && outcome.contains("\"skipped\":1"),
                "the record that is not a CloudEvent is skipped, not retried forever: " + outcome);
        String movies = invoke("listMovies", "{}");
        assertTrue(movies.contains("Lambda Mirror") && movies.contains("3000001"), movies);
    }

    /**
     * Each rating trigger reaches its own consumer: an event that breaks the contract of the consumer's own type is
     * refused (skipped), where the other consumer would acknowledge it unread (delivered).
     */
    @Test
    void eachRatingTriggerFeedsItsOwnConsumer() throws Exception {
        CloudEvent profileRating = CloudEventBuilder.v1().withId("lambda-rating-1").withSource(URI.create("/profile"))
                .withType(EventTypes.PROFILE_RATING_SET).withDataContentType("application/json")
                .withData("{}".getBytes(StandardCharsets.UTF_8)).build();
        CloudEvent movieRating = CloudEventBuilder.v1(profileRating).withId("lambda-rating-2").withSource(URI.create("/monolith"))
                .withType(EventTypes.MOVIE_EVENT).build();
        assertTrue(invoke("applyProfileRatingsFromKafka", batch("profile-events", record("profile-events", "1", profileRating)))
                .contains("\"delivered\":0,\"skipped\":1"));
        assertTrue(invoke("applyMovieRatingsFromKafka", batch("movie-events", record("movie-events", "1", movieRating)))
                .contains("\"delivered\":0,\"skipped\":1"));
    }

    private static String batch(String topic, String... records) {
        return "{\"eventSource\":\"aws:kafka\",\"bootstrapServers\":\"b-1.msk:9092\",\"records\":{\"" + topic + "-0\":["
                + String.join(",", records) + "]}}";
    }

    /** One MSK record of the trigger's JSON: the event in binary mode, as the KafkaSink writes it. */
    private static String record(String topic, String key, CloudEvent event) {
        RecordHeaders headers = new RecordHeaders();
        byte[] value;
        try (CloudEventSerializer serializer = new CloudEventSerializer()) {
            serializer.configure(java.util.Map.of(), false);
            value = serializer.serialize(topic, headers, event);
        }
        List<String> headerJson = new ArrayList<>();
        for (Header header : headers) {
            headerJson.add("{\"" + header.key() + "\":" + bytes(header.value()) + "}");
        }
        return """
                {"topic":"%s","partition":0,"offset":42,"timestamp":1764000000000,"timestampType":"CREATE_TIME",
                 "key":"%s","value":"%s","headers":[%s]}""".formatted(topic,
                Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString(value), String.join(",", headerJson));
    }

    private static String invoke(String function, String event) throws Exception {
        FunctionInvoker invoker = new FunctionInvoker(function);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        invoker.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String bytes(byte[] value) {
        List<String> numbers = new ArrayList<>();
        for (byte b : value) {
            numbers.add(Byte.toString(b));
        }
        return numbers.stream().collect(Collectors.joining(",", "[", "]"));
    }
}

package com.cinemaabyss.local;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalInfrastructureTest {

    @Test
    void kafkaKeepsRecordsAcrossARestart(@TempDir Path logDir) throws Exception {
        RecordMetadata written;
        try (LocalKafka kafka = LocalKafka.start(0, logDir)) {
            kafka.createTopics(List.of(new NewTopic("persisted", 1, (short) 1)));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                written = producer.send(new ProducerRecord<>("persisted", "k", "hello")).get();
            }
        }
        try (LocalKafka kafka = LocalKafka.start(0, logDir);
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ConsumerConfig.GROUP_ID_CONFIG, "reader",
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                     ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                     ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of("persisted"));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 30_000;
            while (seen.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            }
            assertEquals(1, seen.size());
            assertEquals("hello", seen.getFirst().value());
            assertEquals(written.offset(), seen.getFirst().offset());
        }
    }

    @Test
    void dynamoDbLocalPersistsToItsDataDirectory(@TempDir Path dataDir) {
        try (LocalDynamoDb dynamo = LocalDynamoDb.start(0, dataDir); DynamoDbClient client = client(dynamo)) {
            client.createTable(b -> b.tableName("things")
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.N).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
            client.putItem(b -> b.tableName("things").item(Map.of("id", AttributeValue.fromN("7"), "name", AttributeValue.fromS("seven"))));
        }
        try (LocalDynamoDb dynamo = LocalDynamoDb.start(0, dataDir); DynamoDbClient client = client(dynamo)) {
            var item = client.getItem(b -> b.tableName("things").key(Map.of("id", AttributeValue.fromN("7")))).item();
            assertEquals("seven", item.get("name").s());
        }
    }

    private static DynamoDbClient client(LocalDynamoDb dynamo) {
        return DynamoDbClient.builder()
                .endpointOverride(dynamo.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    @Test
    void dynamoDbLocalListensOnLoopbackOnly() {
        // Checked on the listener itself: tests send no traffic to any address but loopback.
        try (LocalDynamoDb dynamo = LocalDynamoDb.start(0, null)) {
            assertEquals(List.of("127.0.0.1"), dynamo.listenAddresses());
        }
    }
}

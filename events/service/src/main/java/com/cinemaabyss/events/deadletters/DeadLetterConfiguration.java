package com.cinemaabyss.events.deadletters;

import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.events.KafkaSettings;
import com.cinemaabyss.kit.web.DeliverySettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

import java.time.Clock;

/** The dead-letter operator tool; its states table is {@code cinemaabyss.dynamodb.tables.dead-letters}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadLetterSettings.class)
public class DeadLetterConfiguration {

    @Bean
    DeadLetters deadLetters(KafkaSettings kafka, DeadLetterSettings settings, DynamoDbEnhancedClient client, TableSetup tables,
                            DynamoSettings dynamo, DeliverySettings delivery) {
        return new DeadLetters(new DeadLetterTopic(kafka.bootstrapServers(), settings),
                new DeadLetterStates(client, tables, dynamo.table("dead-letters")),
                new Replayer(settings.destinationHostPattern(), settings.deliveryTimeout(), delivery.deliveryToken()),
                Clock.systemUTC());
    }
}

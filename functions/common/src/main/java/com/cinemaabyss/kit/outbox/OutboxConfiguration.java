package com.cinemaabyss.kit.outbox;

import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.events.CloudEventPublisher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

import java.time.Duration;

/** The outbox of a function app that announces its writes; its table is {@code cinemaabyss.dynamodb.tables.outbox}. */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    @Bean(destroyMethod = "close")
    Outbox outbox(DynamoDbEnhancedClient client, TableSetup tables, CloudEventPublisher publisher,
                  @Value("${cinemaabyss.dynamodb.tables.outbox}") String name,
                  @Value("${cinemaabyss.outbox.sweep-interval:1s}") Duration sweepInterval) {
        return new Outbox(client, tables, name, publisher, sweepInterval);
    }
}

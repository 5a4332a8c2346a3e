package com.cinemaabyss.kit.outbox;

import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.events.CloudEventPublisher;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The outbox of a function app that announces its writes; its table is {@code cinemaabyss.dynamodb.tables.outbox}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxSettings.class)
public class OutboxConfiguration {

    @Bean(destroyMethod = "close")
    Outbox outbox(DynamoDbEnhancedClient client, TableSetup tables, CloudEventPublisher publisher,
                  DynamoSettings dynamo, OutboxSettings settings) {
        return new Outbox(client, tables, dynamo.table("outbox"), publisher, settings.sweepInterval(), settings.maxAttempts());
    }
}

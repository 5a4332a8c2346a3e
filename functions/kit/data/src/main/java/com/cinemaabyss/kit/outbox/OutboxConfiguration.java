package com.cinemaabyss.kit.outbox;

import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.events.CloudEventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
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
                  DynamoSettings dynamo, OutboxSettings settings, ObjectProvider<MeterRegistry> meters) {
        Outbox outbox = new Outbox(client, tables, dynamo.table("outbox"), publisher, settings.sweepInterval(), settings.maxAttempts());
        meters.ifAvailable(outbox::bindTo);
        return outbox;
    }
}

package com.cinemaabyss.kit.idempotency;

import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.dynamo.TableSetup;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** The idempotency key store of a function app; its table is {@code cinemaabyss.dynamodb.tables.idempotency}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencySettings.class)
public class DynamoIdempotencyConfiguration {

    @Bean
    DynamoIdempotencyStore idempotencyStore(DynamoDbClient client, TableSetup tables, DynamoSettings dynamo,
                                            IdempotencySettings settings) {
        return new DynamoIdempotencyStore(client, tables, dynamo.table("idempotency"), settings, Clock.systemUTC());
    }
}

package com.cinemaabyss.kit.dynamo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Integer id sequences for function apps that hand out ids; their table is {@code cinemaabyss.dynamodb.tables.sequences}. */
@Configuration(proxyBeanMethods = false)
public class IdSequencesConfiguration {

    @Bean
    IdSequences idSequences(DynamoDbClient client, TableSetup tables, DynamoSettings settings) {
        return new IdSequences(client, tables, settings.table("sequences"));
    }
}

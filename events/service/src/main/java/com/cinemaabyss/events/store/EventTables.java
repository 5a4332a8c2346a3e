package com.cinemaabyss.events.store;

import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.dynamo.TableSetup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The events service's DynamoDB tables (names in application.yaml). */
@Configuration(proxyBeanMethods = false)
public class EventTables {

    @Bean
    EventLedger eventLedger(DynamoDbClient dynamo, DynamoDbEnhancedClient client, TableSetup tables,
                            DynamoSettings settings) {
        return new EventLedger(dynamo, client, tables, settings.table("processed"), settings.table("stats"));
    }

    @Bean
    IngressLog ingressLog(DynamoDbEnhancedClient client, TableSetup tables, DynamoSettings settings) {
        return new IngressLog(client, tables, settings.table("ingress"));
    }
}

package com.cinemaabyss.kit.dynamo;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** DynamoDB clients for a function app: DynamoDB Local when an endpoint is configured, AWS otherwise. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DynamoSettings.class)
public class DynamoKitConfiguration {

    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient(DynamoSettings settings) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
                .region(Region.of(settings.region()));
        if (settings.endpoint() != null && !settings.endpoint().toString().isBlank()) {
            // DynamoDB Local accepts any credentials; fixed ones keep a developer's real AWS keys out of local runs.
            builder.endpointOverride(settings.endpoint())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    @Bean
    DynamoDbEnhancedClient dynamoDbEnhancedClient(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }

    @Bean
    TableSetup tableSetup(DynamoDbClient client, DynamoSettings settings) {
        return new TableSetup(client, settings.createTables());
    }
}

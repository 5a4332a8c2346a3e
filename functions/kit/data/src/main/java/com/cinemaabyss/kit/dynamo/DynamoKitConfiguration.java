package com.cinemaabyss.kit.dynamo;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

import java.time.Duration;

/**
 * DynamoDB clients for a function app: DynamoDB Local when an endpoint is configured, AWS otherwise. Calls are bounded
 * in time and attempts, and their failures arrive as the kit's exceptions ({@link DynamoFailures}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DynamoSettings.class)
public class DynamoKitConfiguration {

    @Bean(destroyMethod = "close")
    DynamoDbClient dynamoDbClient(DynamoSettings settings) {
        DynamoSettings.Calls calls = settings.calls();
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64)
                        .connectionTimeout(calls.connectTimeout())
                        // The SDK's attempt timeout bounds every call; the socket's may not be shorter than the longest
                        // attempt allowed (creating a table at start, which DynamoDB Local can take seconds over).
                        .socketTimeout(max(calls.attemptTimeout(), TableSetup.SETUP_ATTEMPT)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(calls.timeout())
                        .apiCallAttemptTimeout(calls.attemptTimeout())
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(calls.maxAttempts()).build())
                        .build())
                .region(Region.of(settings.region()));
        if (settings.endpoint() != null && !settings.endpoint().toString().isBlank()) {
            // DynamoDB Local accepts any credentials; fixed ones keep a developer's real AWS keys out of local runs.
            builder.endpointOverride(settings.endpoint())
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return DynamoFailures.wrap(builder.build());
    }

    @Bean
    DynamoDbEnhancedClient dynamoDbEnhancedClient(DynamoDbClient client) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(client).build();
    }

    @Bean
    TableSetup tableSetup(DynamoDbClient client, DynamoSettings settings) {
        return new TableSetup(client, settings.createTables());
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

package com.cinemaabyss.kit.dynamo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * Where DynamoDB is. {@code endpoint} is set for DynamoDB Local and left empty on AWS, where the region and
 * the default credentials chain apply. {@code createTables} lets a function create its own tables locally;
 * in the cloud tables come from infrastructure code.
 */
@ConfigurationProperties("cinemaabyss.dynamodb")
public record DynamoSettings(URI endpoint, @DefaultValue("us-east-1") String region, boolean createTables) {
}

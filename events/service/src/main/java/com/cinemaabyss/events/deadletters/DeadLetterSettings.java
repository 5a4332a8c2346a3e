package com.cinemaabyss.events.deadletters;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The dead-letter operator tool. {@code topic}: where the eventing layer parks events; {@code destinationHosts}: the
 * hosts a replay may go to (the original subscriber named in {@code knativeerrordest}, never anywhere else);
 * {@code maxScan}: the most records one listing reads; {@code deliveryTimeout}: one replay attempt's bound.
 */
@ConfigurationProperties("cinemaabyss.dead-letters")
public record DeadLetterSettings(@DefaultValue("dead-letter-events") String topic,
                                 @DefaultValue("127\\.0\\.0\\.1|[a-z0-9-]{1,63}\\.cinemaabyss\\.svc\\.cluster\\.local") String destinationHosts,
                                 @DefaultValue("10000") int maxScan,
                                 @DefaultValue("10s") Duration deliveryTimeout) {

    public Pattern destinationHostPattern() {
        return Pattern.compile(destinationHosts);
    }
}

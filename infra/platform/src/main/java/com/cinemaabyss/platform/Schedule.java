package com.cinemaabyss.platform;

import org.springframework.scheduling.support.CronExpression;

import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One PingSource of knative/eventing: at every match of {@code cron} (standard 5-field cron in {@code zone}) a
 * CloudEvent of type {@value #PING_TYPE} carrying {@code data} goes to the Service's route {@code path}.
 */
public record Schedule(String name, String namespace, String cron, ZoneId zone, String serviceName, String path,
                       String contentType, String data) {

    public static final String PING_TYPE = "dev.knative.sources.ping";

    /** The next match strictly after {@code after}. */
    public ZonedDateTime next(ZonedDateTime after) {
        return expression(cron).next(after.withZoneSameInstant(zone));
    }

    /**
     * Knative's schedule is 5-field cron (minute hour day month weekday); Spring's CronExpression wants the seconds
     * first, so matches fall on second 0 as Knative's do.
     */
    static CronExpression expression(String cron) {
        String[] fields = cron.trim().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("'" + cron + "' is not a 5-field cron schedule");
        }
        return CronExpression.parse("0 " + String.join(" ", fields));
    }
}

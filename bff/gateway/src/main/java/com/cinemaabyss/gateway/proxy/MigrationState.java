package com.cinemaabyss.gateway.proxy;

import com.cinemaabyss.gateway.domain.MigrationSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicReference;

/** The migration settings in force; they start from the environment and change at runtime without a restart. */
public class MigrationState {

    private static final Logger log = LoggerFactory.getLogger(MigrationState.class);

    private final AtomicReference<MigrationSettings> current;

    public MigrationState(MigrationSettings initial, MeterRegistry registry) {
        this.current = new AtomicReference<>(initial);
        Gauge.builder("gateway.movies.migration.percent", () -> current.get().moviesMigrationPercent())
                .description("MOVIES_MIGRATION_PERCENT in force").register(registry);
        Gauge.builder("gateway.gradual.migration", () -> current.get().gradualMigration() ? 1 : 0)
                .description("GRADUAL_MIGRATION in force (1 = on)").register(registry);
        log.info("Movie migration starts at {}", initial);
    }

    public MigrationSettings get() {
        return current.get();
    }

    public MigrationSettings set(MigrationSettings settings) {
        MigrationSettings before = current.getAndSet(settings);
        log.info("Movie migration changed from {} to {}", before, settings);
        return settings;
    }
}

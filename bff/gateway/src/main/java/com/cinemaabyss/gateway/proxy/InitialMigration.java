package com.cinemaabyss.gateway.proxy;

import com.cinemaabyss.gateway.domain.MigrationSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The migration stage the gateway starts at ({@code cinemaabyss.migration.*}, from GRADUAL_MIGRATION and
 * MOVIES_MIGRATION_PERCENT); PUT /admin/migration changes it at runtime.
 */
@ConfigurationProperties("cinemaabyss.migration")
public record InitialMigration(boolean gradual, int percent) {

    public MigrationSettings settings() {
        return new MigrationSettings(gradual, percent);
    }
}

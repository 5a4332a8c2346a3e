package com.cinemaabyss.gateway.functions;

import com.cinemaabyss.gateway.domain.Backend;
import com.cinemaabyss.gateway.domain.MigrationSettings;
import com.cinemaabyss.gateway.domain.MovieSplit;
import com.cinemaabyss.gateway.domain.RoutingRequest;
import com.cinemaabyss.gateway.proxy.MigrationState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/** The gateway's decisions as functions: where a movie request goes, and the migration settings. */
@Configuration(proxyBeanMethods = false)
public class GatewayFunctions {

    @Bean
    public Function<RoutingRequest, Backend> chooseMoviesBackend(MigrationState state) {
        return request -> MovieSplit.choose(state.get(), request.userId(), () -> ThreadLocalRandom.current().nextInt(100));
    }

    @Bean
    public Supplier<MigrationSettings> migrationSettings(MigrationState state) {
        return state::get;
    }

    @Bean
    public Function<MigrationSettings, MigrationSettings> updateMigration(MigrationState state) {
        return state::set;
    }
}

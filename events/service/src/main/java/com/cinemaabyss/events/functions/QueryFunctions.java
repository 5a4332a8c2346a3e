package com.cinemaabyss.events.functions;

import com.cinemaabyss.events.domain.MovieStats;
import com.cinemaabyss.events.domain.ProcessedEvent;
import com.cinemaabyss.events.domain.Stat;
import com.cinemaabyss.events.domain.UserStats;
import com.cinemaabyss.events.publish.Contracts;
import com.cinemaabyss.events.store.EventLedger;
import com.cinemaabyss.kit.core.NotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** What the consumers did (one event's ledger entry, the statistics, per movie and per user), and the event contracts they keep. */
@Configuration(proxyBeanMethods = false)
public class QueryFunctions {

    @Bean
    public Function<String, ProcessedEvent> processedEvent(EventLedger ledger) {
        return id -> ledger.find(id).orElseThrow(() -> new NotFoundException("event " + id + " has not been processed"));
    }

    /** The counters per type, action and status: a fixed set of names, read by key. */
    @Bean
    public Supplier<Map<String, Stat>> eventStats(EventLedger ledger) {
        return () -> ledger.stats(StatNames.fixed());
    }

    @Bean
    public Function<Long, MovieStats> movieStats(EventLedger ledger) {
        return movieId -> ledger.stat(StatNames.movieRatings(movieId))
                .map(ratings -> MovieStats.of(movieId, ratings))
                .orElseThrow(() -> new NotFoundException("movie " + movieId + " has no ratings"));
    }

    @Bean
    public Function<Long, UserStats> userStats(EventLedger ledger) {
        return userId -> new UserStats(userId, ledger.stat(StatNames.failedPayments(userId)).map(Stat::count).orElse(0L));
    }

    /** The AsyncAPI document: every topic, CloudEvent type and data schema, and who sends and receives what. */
    @Bean
    public Supplier<String> asyncApiDocument(Contracts contracts) {
        return contracts::asyncApiYaml;
    }
}

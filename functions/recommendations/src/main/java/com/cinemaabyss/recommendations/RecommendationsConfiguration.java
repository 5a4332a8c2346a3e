package com.cinemaabyss.recommendations;

import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.recommendations.engine.EngineClient;
import com.cinemaabyss.recommendations.engine.InteractionForwarder;
import com.cinemaabyss.recommendations.functions.PopularTitles;
import com.cinemaabyss.recommendations.functions.RecommendationFunctions;
import com.cinemaabyss.recommendations.functions.Recommender;
import com.cinemaabyss.recommendations.store.LedgerItem;
import com.cinemaabyss.recommendations.store.SignalLedger;
import com.cinemaabyss.recommendations.store.TitleItem;
import com.cinemaabyss.recommendations.store.TitleStore;
import com.cinemaabyss.recommendations.store.ViewerItem;
import com.cinemaabyss.recommendations.store.ViewerStore;
import com.cinemaabyss.recommendations.web.RecommendationRoutes;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

import java.time.Clock;

/** The recommendations domain: its tables, the engine client with its breaker, the forwarder, the functions and routes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RecommendationsSettings.class)
@Import({RecommendationFunctions.class, RecommendationRoutes.class})
public class RecommendationsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CircuitBreaker engineBreaker(RecommendationsSettings settings, ObjectProvider<MeterRegistry> meters) {
        RecommendationsSettings.Breaker b = settings.engine().breaker();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(b.windowSize())
                .minimumNumberOfCalls(b.minimumCalls())
                .failureRateThreshold(b.failureRatePercent())
                .slowCallDurationThreshold(settings.engine().timeout())
                .slowCallRateThreshold(b.failureRatePercent())
                .waitDurationInOpenState(b.openFor())
                .permittedNumberOfCallsInHalfOpenState(b.halfOpenCalls())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
        meters.ifAvailable(registryOfMeters -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(registryOfMeters));
        return registry.circuitBreaker("recommendation-engine");
    }

    @Bean
    EngineClient engineClient(RecommendationsSettings settings, CircuitBreaker engineBreaker) {
        return new EngineClient(settings.engine().url(), settings.engine().timeout(), engineBreaker);
    }

    @Bean(destroyMethod = "close")
    InteractionForwarder interactionForwarder(EngineClient engine, RecommendationsSettings settings, ObjectProvider<MeterRegistry> meters) {
        RecommendationsSettings.Engine e = settings.engine();
        return new InteractionForwarder(engine, e.queueSize(), e.batchSize(), e.flushEvery(), meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    TitleStore titleStore(DynamoDbClient client, DynamoDbEnhancedClient enhanced, TableSetup tables, DynamoSettings dynamo) {
        String name = dynamo.table("titles");
        tables.ensure(enhanced.table(name, TableSchema.fromBean(TitleItem.class)),
                CreateTableEnhancedRequest.builder().globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder()
                        .indexName(TitleStore.BY_POPULARITY).projection(p -> p.projectionType(ProjectionType.ALL)).build()).build());
        return new TitleStore(client, name);
    }

    @Bean
    ViewerStore viewerStore(DynamoDbClient client, DynamoDbEnhancedClient enhanced, TableSetup tables, DynamoSettings dynamo) {
        String name = dynamo.table("viewers");
        tables.ensure(enhanced.table(name, TableSchema.fromBean(ViewerItem.class)));
        return new ViewerStore(client, name);
    }

    @Bean
    SignalLedger signalLedger(DynamoDbClient client, DynamoDbEnhancedClient enhanced, TableSetup tables, DynamoSettings dynamo,
                              TitleStore titles, RecommendationsSettings settings, Clock clock) {
        String name = dynamo.table("ledger");
        tables.ensure(enhanced.table(name, TableSchema.fromBean(LedgerItem.class)));
        return new SignalLedger(client, name, titles, settings.popularityHalfLife(), settings.ledgerTtl(), clock);
    }

    @Bean
    Recommender recommender(ViewerStore viewers, TitleStore titles, SignalLedger ledger, EngineClient engine, InteractionForwarder forwarder,
                            RecommendationsSettings settings, ObjectProvider<MeterRegistry> meters, Clock clock) {
        PopularTitles popular = new PopularTitles(() -> titles.popular(settings.fallbackCandidates()), settings.popularRefresh(), clock,
                runnable -> Thread.ofVirtual().name("popular-titles").start(runnable));
        return new Recommender(viewers, titles, ledger, engine, forwarder, popular, settings.favouriteGenres(), settings.budget(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}

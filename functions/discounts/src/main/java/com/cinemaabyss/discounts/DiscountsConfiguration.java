package com.cinemaabyss.discounts;

import com.cinemaabyss.discounts.functions.DiscountFunctions;
import com.cinemaabyss.discounts.functions.Quoting;
import com.cinemaabyss.discounts.store.CheckoutSaga;
import com.cinemaabyss.discounts.store.DiscountTables;
import com.cinemaabyss.discounts.store.LoyaltyStore;
import com.cinemaabyss.discounts.store.PlanStore;
import com.cinemaabyss.discounts.store.PromoStore;
import com.cinemaabyss.discounts.store.QuoteStore;
import com.cinemaabyss.discounts.web.DiscountRoutes;
import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.dynamo.IdSequences;
import com.cinemaabyss.kit.dynamo.IdSequencesConfiguration;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.outbox.Outbox;
import com.cinemaabyss.kit.outbox.OutboxConfiguration;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

import java.time.Clock;

/** The discounts domain's parts, wired. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DiscountsSettings.class)
@Import({IdSequencesConfiguration.class, OutboxConfiguration.class, DiscountFunctions.class, DiscountRoutes.class})
public class DiscountsConfiguration {

    @Bean
    DiscountTables discountTables(DynamoDbEnhancedClient client, TableSetup setup, DynamoSettings dynamo) {
        return DiscountTables.create(client, setup, dynamo);
    }

    @Bean
    PlanStore planStore(DiscountTables tables) {
        return new PlanStore(tables);
    }

    @Bean
    PromoStore promoStore(DiscountTables tables) {
        return new PromoStore(tables);
    }

    @Bean
    LoyaltyStore loyaltyStore(DiscountTables tables, DiscountsSettings settings) {
        return new LoyaltyStore(tables, settings.loyalty().recentEntries());
    }

    @Bean
    QuoteStore quoteStore(DiscountTables tables, IdSequences ids) {
        return new QuoteStore(tables, ids);
    }

    @Bean
    Quoting quoting(PlanStore plans, PromoStore promos, LoyaltyStore loyalty, QuoteStore quotes, DiscountsSettings settings) {
        return new Quoting(plans, promos, loyalty, quotes, settings.loyalty(), settings.quotes().ttl(), Clock.systemUTC());
    }

    @Bean
    CheckoutSaga checkoutSaga(DiscountTables tables, Outbox outbox, DiscountsSettings settings) {
        return new CheckoutSaga(tables, outbox, settings.loyalty(), settings.saga().maxAttempts(), Clock.systemUTC());
    }

    @Bean
    ApplicationRunner demoSeed(DiscountsSettings settings, PlanStore plans, PromoStore promos) {
        return arguments -> {
            if (settings.seedDemo()) {
                new DemoSeed(plans, promos).seed();
            }
        };
    }
}

package com.cinemaabyss.payments;

import io.micrometer.core.instrument.MeterRegistry;
import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.dynamo.IdSequences;
import com.cinemaabyss.kit.dynamo.IdSequencesConfiguration;
import com.cinemaabyss.kit.dynamo.InterleavedIds;
import com.cinemaabyss.kit.dynamo.KeyedTable;
import com.cinemaabyss.kit.dynamo.TableSetup;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import com.cinemaabyss.kit.outbox.Outbox;
import com.cinemaabyss.kit.outbox.OutboxConfiguration;
import com.cinemaabyss.payments.functions.Charging;
import com.cinemaabyss.payments.functions.Checkouts;
import com.cinemaabyss.payments.functions.PaymentFunctions;
import com.cinemaabyss.payments.functions.Refunds;
import com.cinemaabyss.payments.functions.Renewals;
import com.cinemaabyss.payments.functions.Settlement;
import com.cinemaabyss.payments.functions.Webhooks;
import com.cinemaabyss.payments.provider.PaymentProvider;
import com.cinemaabyss.payments.provider.SandboxProvider;
import com.cinemaabyss.kit.web.tracing.TraceHeaders;
import com.cinemaabyss.payments.provider.WebhookSignatures;
import com.cinemaabyss.payments.store.CheckoutItem;
import com.cinemaabyss.payments.store.PaymentItem;
import com.cinemaabyss.payments.store.PaymentMethodItem;
import com.cinemaabyss.payments.store.PaymentStore;
import com.cinemaabyss.payments.store.ReceiptItem;
import com.cinemaabyss.payments.store.RefundItem;
import com.cinemaabyss.payments.web.PaymentRoutes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Clock;

/** payments' parts: its tables and store, the provider and its webhook signatures, and the saga's steps. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentsSettings.class)
@Import({IdSequencesConfiguration.class, OutboxConfiguration.class, PaymentFunctions.class, PaymentRoutes.class})
public class PaymentsConfiguration {

    @Bean
    PaymentStore paymentStore(DynamoDbEnhancedClient client, TableSetup tables, IdSequences ids, Outbox outbox,
                              DynamoSettings dynamo, PaymentsSettings settings) {
        var checkouts = tables.ensure(client.table(dynamo.table("checkouts"), TableSchema.fromBean(CheckoutItem.class)));
        var payments = tables.ensure(client.table(dynamo.table("payments"), TableSchema.fromBean(PaymentItem.class)),
                CreateTableEnhancedRequest.builder().globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder()
                        .indexName(PaymentStore.BY_USER).projection(p -> p.projectionType(ProjectionType.ALL)).build()).build());
        var refunds = tables.ensure(client.table(dynamo.table("refunds"), TableSchema.fromBean(RefundItem.class)));
        var methods = tables.ensure(client.table(dynamo.table("payment-methods"), TableSchema.fromBean(PaymentMethodItem.class)));
        var receipts = tables.ensure(client.table(dynamo.table("receipts"), TableSchema.fromBean(ReceiptItem.class)));
        return new PaymentStore(new KeyedTable<>(checkouts, CheckoutItem::getId), new KeyedTable<>(payments, PaymentItem::getId),
                new KeyedTable<>(refunds, RefundItem::getId), methods, receipts,
                new InterleavedIds(ids, "payments", settings.idOffset(), settings.idStride()), ids, outbox, Clock.systemUTC(),
                settings.webhooks().receiptTtl());
    }

    @Bean
    PaymentProvider paymentProvider(PaymentsSettings settings, TraceHeaders trace) {
        PaymentsSettings.Provider provider = settings.provider();
        return new SandboxProvider(provider.url(), provider.apiKey(), provider.timeout(), provider.maxAttempts(), provider.retryWait(), trace);
    }

    @Bean
    Settlement settlement(PaymentStore store, MeterRegistry meters) {
        return new Settlement(store, meters);
    }

    @Bean
    Charging charging(PaymentProvider provider, PaymentStore store, Settlement settlement) {
        return new Charging(provider, store, settlement);
    }

    @Bean
    Checkouts checkouts(PaymentStore store, Charging charging) {
        return new Checkouts(store, charging);
    }

    @Bean
    Renewals renewals(PaymentStore store, Charging charging, Settlement settlement) {
        return new Renewals(store, charging, settlement);
    }

    @Bean
    Refunds refunds(PaymentStore store, PaymentProvider provider) {
        return new Refunds(store, provider);
    }

    @Bean
    Webhooks webhooks(PaymentsSettings settings, Settlement settlement) {
        return new Webhooks(new WebhookSignatures(settings.provider().webhookSecret(), settings.webhooks().tolerance(), Clock.systemUTC()),
                settlement);
    }
}

package com.cinemaabyss.events.functions;

import com.cinemaabyss.events.domain.ProcessedEvent;
import com.cinemaabyss.events.publish.Contracts;
import com.cinemaabyss.events.store.EventLedger;
import com.cinemaabyss.kit.core.NotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** What the consumers did (one event's ledger entry, the statistics), and the event contracts they keep. */
@Configuration(proxyBeanMethods = false)
public class QueryFunctions {

    @Bean
    public Function<String, ProcessedEvent> processedEvent(EventLedger ledger) {
        return id -> ledger.find(id).orElseThrow(() -> new NotFoundException("event " + id + " has not been processed"));
    }

    @Bean
    public Supplier<Map<String, Map<String, Number>>> eventStats(EventLedger ledger) {
        return ledger::stats;
    }

    /** The AsyncAPI document: every topic, CloudEvent type and data schema, and who sends and receives what. */
    @Bean
    public Supplier<String> asyncApiDocument(Contracts contracts) {
        return contracts::asyncApiYaml;
    }
}

package com.cinemaabyss.catalog.functions;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.cinemaabyss.catalog.domain.ProviderItem;
import com.cinemaabyss.catalog.domain.ProviderWithdrawal;
import com.cinemaabyss.catalog.store.TitleStore;
import com.cinemaabyss.contracts.ContractEvents;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.events.EventJson;
import com.cinemaabyss.kit.lambda.KafkaEventRecords;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The provider feed mapping: each published item becomes a title (the same title on every re-publication, episodes
 * keeping their ids by the provider's episode ids), each withdrawal withdraws it. Idempotent on the CloudEvent (a mark
 * written with the change) and on content (the same item again writes nothing). An item that breaks its schema or makes no
 * sense is refused with the reason (400 over HTTP), so the eventing layer dead-letters that item alone.
 */
@Configuration(proxyBeanMethods = false)
public class ProviderFeedFunctions {

    private static final Logger log = LoggerFactory.getLogger(ProviderFeedFunctions.class);

    @Bean
    public Consumer<CloudEvent> applyProviderFeed(TitleStore titles) {
        return event -> {
            ContractEvents.requireValid(event);
            String eventKey = "event:" + event.getSource() + " " + event.getId();
            if (titles.seen(eventKey)) {
                log.info("event={} type={} already applied", event.getId(), event.getType());
                return;
            }
            switch (event.getType()) {
                case EventTypes.PROVIDER_TITLE_PUBLISHED -> {
                    ProviderItem item = EventJson.data(event, ProviderItem.class);
                    requireSourceNames(event, item.provider(), item.externalId());
                    TitleStore.Outcome outcome = titles.applyProviderItem(item.source(), item.draft(), eventKey);
                    log.info("event={} provider item {} -> title {} version {} changed={}", event.getId(), item.source().key(),
                            outcome.title().id(), outcome.title().version(), outcome.changed());
                }
                case EventTypes.PROVIDER_TITLE_WITHDRAWN -> {
                    ProviderWithdrawal withdrawal = EventJson.data(event, ProviderWithdrawal.class);
                    requireSourceNames(event, withdrawal.provider(), withdrawal.externalId());
                    titles.withdrawProviderItem(withdrawal.source(), eventKey).ifPresentOrElse(
                            outcome -> log.info("event={} provider item {} withdrawn: title {} changed={}", event.getId(),
                                    withdrawal.source().key(), outcome.title().id(), outcome.changed()),
                            () -> log.info("event={} provider item {} withdrawn before it was ever published: nothing to do",
                                    event.getId(), withdrawal.source().key()));
                }
                default -> throw new InvalidInputException("CloudEvent type '" + event.getType() + "' is not a provider feed type");
            }
        };
    }

    /** The provider feed as an AWS Lambda MSK trigger delivers it; an item that can never be applied is skipped and logged. */
    @Bean
    public Function<KafkaEvent, KafkaEventRecords.Outcome> applyProviderFeedFromKafka(Consumer<CloudEvent> applyProviderFeed) {
        return batch -> KafkaEventRecords.deliverEach(batch, applyProviderFeed);
    }

    /** The CloudEvent's source and subject must name the provider and item of its data: the feed is keyed by them. */
    private static void requireSourceNames(CloudEvent event, String provider, String externalId) {
        if (!("/providers/" + provider).equals(event.getSource().toString())) {
            throw new InvalidInputException("CloudEvent source must be /providers/" + provider + " for an item of provider " + provider);
        }
        if (event.getSubject() != null && !(provider + "/" + externalId).equals(event.getSubject())) {
            throw new InvalidInputException("CloudEvent subject must be " + provider + "/<external_id> of its data");
        }
    }
}

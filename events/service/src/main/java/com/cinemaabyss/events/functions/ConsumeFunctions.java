package com.cinemaabyss.events.functions;

import com.cinemaabyss.events.domain.MovieAction;
import com.cinemaabyss.events.domain.MovieEvent;
import com.cinemaabyss.events.domain.PaymentEvent;
import com.cinemaabyss.events.domain.PaymentStatus;
import com.cinemaabyss.events.domain.UserEvent;
import com.cinemaabyss.events.publish.Contracts;
import com.cinemaabyss.events.publish.EventKind;
import com.cinemaabyss.events.store.EventLedger;
import com.cinemaabyss.events.store.StatIncrement;
import com.cinemaabyss.kit.events.EventJson;
import com.cinemaabyss.kit.core.InvalidInputException;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The consumers the eventing layer triggers, one per topic. Each processes an event exactly once through
 * the ledger: analytics counters per type and action, rating aggregates per movie, failed payments per
 * user as a fraud signal. Data that breaks its type's schema is refused with a 400, which the eventing layer
 * does not retry but dead-letters. Other types with a contract on the same topic (identity's account events on
 * user-events) are checked against their contract and acknowledged without being counted.
 */
@Configuration(proxyBeanMethods = false)
public class ConsumeFunctions {

    private static final Logger log = LoggerFactory.getLogger(ConsumeFunctions.class);

    @Bean
    public Consumer<CloudEvent> consumeMovieEvent(EventLedger ledger, Contracts contracts) {
        return consumer("movie-analytics", EventKind.MOVIE, MovieEvent.class, ledger, contracts, event -> {
            List<StatIncrement> stats = new ArrayList<>(List.of(StatIncrement.count(StatNames.movieAction(event.action()))));
            if (MovieAction.RATED.value().equals(event.action())) {
                stats.add(new StatIncrement(StatNames.movieRatings(event.movieId()), 1, event.rating()));
            }
            return stats;
        });
    }

    @Bean
    public Consumer<CloudEvent> consumeUserEvent(EventLedger ledger, Contracts contracts) {
        return consumer("user-analytics", EventKind.USER, UserEvent.class, ledger, contracts,
                event -> List.of(StatIncrement.count(StatNames.userAction(event.action()))));
    }

    @Bean
    public Consumer<CloudEvent> consumePaymentEvent(EventLedger ledger, Contracts contracts) {
        return consumer("payment-monitor", EventKind.PAYMENT, PaymentEvent.class, ledger, contracts, event -> {
            List<StatIncrement> stats = new ArrayList<>(List.of(StatIncrement.count(StatNames.paymentStatus(event.status()))));
            if (PaymentStatus.FAILED.value().equals(event.status())) {
                stats.add(StatIncrement.count(StatNames.failedPayments(event.userId())));
            }
            return stats;
        });
    }

    private static <T> Consumer<CloudEvent> consumer(String name, EventKind kind, Class<T> dataType, EventLedger ledger,
                                                      Contracts contracts, Function<T, List<StatIncrement>> statsOf) {
        return event -> {
            if (!kind.type().equals(event.getType())) {
                if (contracts.onSameTopic(event.getType(), kind.type())) {
                    // Another service's event on this topic (identity's account events on user-events): held to its
                    // contract like everything received, then acknowledged without being counted.
                    contracts.requireValid(event);
                    log.debug("consumer={} event={} type={} acknowledged, not counted", name, event.getId(), event.getType());
                    return;
                }
                throw new InvalidInputException("consumer " + name + " takes CloudEvents of type " + kind.type() + ", got " + event.getType());
            }
            contracts.requireValid(event);
            T data = EventJson.data(event, dataType);
            List<StatIncrement> stats = new ArrayList<>(statsOf.apply(data));
            stats.add(StatIncrement.count(StatNames.type(kind)));
            boolean first = ledger.processOnce(name, event, stats);
            log.info("consumer={} event={} type={} subject={} {}={} first_delivery={}", name, event.getId(), event.getType(),
                    event.getSubject(), kind.extension(), event.getExtension(kind.extension()), first);
        };
    }
}

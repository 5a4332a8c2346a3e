package com.cinemaabyss.recommendations.functions;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.cinemaabyss.kit.lambda.KafkaEventRecords;
import com.cinemaabyss.recommendations.domain.Recommendations;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;
import java.util.function.Function;

/** recommendations' operations as function beans; the routes bind them to the verified caller (web.RecommendationRoutes). */
@Configuration(proxyBeanMethods = false)
public class RecommendationFunctions {

    @Bean
    public Function<Commands.Recommend, Recommendations> recommend(Recommender recommender) {
        return recommender::recommend;
    }

    /** Triggered by profile-events, playback-events and title-changes (one KafkaSource each). */
    @Bean
    public Consumer<CloudEvent> applyEvent(Recommender recommender) {
        return recommender::apply;
    }

    /**
     * The same consumer as an AWS Lambda Kafka trigger delivers it: a batch of records, each a CloudEvent; the
     * interactions for the engine are sent before the invocation ends (nothing runs between invocations).
     */
    @Bean
    public Function<KafkaEvent, KafkaEventRecords.Outcome> applyEventsFromKafka(Consumer<CloudEvent> applyEvent, Recommender recommender) {
        return batch -> {
            KafkaEventRecords.Outcome outcome = KafkaEventRecords.deliverEach(batch, applyEvent);
            recommender.flush();
            return outcome;
        };
    }
}

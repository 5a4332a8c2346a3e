package com.cinemaabyss.events.functions;

import com.cinemaabyss.events.domain.MovieEvent;
import com.cinemaabyss.events.domain.PaymentEvent;
import com.cinemaabyss.events.domain.RecordedEvent;
import com.cinemaabyss.events.domain.UserEvent;
import com.cinemaabyss.events.publish.EventKind;
import com.cinemaabyss.events.publish.EventRecorder;
import com.cinemaabyss.kit.web.Created;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Function;

/** Recording events: each validated body becomes a CloudEvent on its Kafka topic. */
@Configuration(proxyBeanMethods = false)
public class RecordFunctions {

    @Bean
    public Function<MovieEvent, Message<RecordedEvent>> recordMovieEvent(EventRecorder recorder) {
        return event -> Created.of(recorder.record(EventKind.MOVIE, event.movieId(), event.action(), event));
    }

    @Bean
    public Function<UserEvent, Message<RecordedEvent>> recordUserEvent(EventRecorder recorder) {
        return event -> Created.of(recorder.record(EventKind.USER, event.userId(), event.action(), event));
    }

    @Bean
    public Function<PaymentEvent, Message<RecordedEvent>> recordPaymentEvent(EventRecorder recorder) {
        return event -> Created.of(recorder.record(EventKind.PAYMENT, event.paymentId(), event.status(), event));
    }
}

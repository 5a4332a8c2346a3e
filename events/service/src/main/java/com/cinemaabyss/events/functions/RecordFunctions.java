package com.cinemaabyss.events.functions;

import com.cinemaabyss.events.domain.MovieEvent;
import com.cinemaabyss.events.domain.PaymentEvent;
import com.cinemaabyss.events.domain.RecordedEvent;
import com.cinemaabyss.events.domain.UserEvent;
import com.cinemaabyss.events.publish.EventKind;
import com.cinemaabyss.events.publish.EventRecorder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Function;

/** Recording events: each validated body becomes a CloudEvent on its Kafka topic. */
@Configuration(proxyBeanMethods = false)
public class RecordFunctions {

    @Bean
    public Function<MovieEvent, RecordedEvent> recordMovieEvent(EventRecorder recorder) {
        return event -> recorder.record(EventKind.MOVIE, event.movieId(), event.action(), event);
    }

    @Bean
    public Function<UserEvent, RecordedEvent> recordUserEvent(EventRecorder recorder) {
        return event -> recorder.record(EventKind.USER, event.userId(), event.action(), event);
    }

    @Bean
    public Function<PaymentEvent, RecordedEvent> recordPaymentEvent(EventRecorder recorder) {
        return event -> recorder.record(EventKind.PAYMENT, event.paymentId(), event.status(), event);
    }
}

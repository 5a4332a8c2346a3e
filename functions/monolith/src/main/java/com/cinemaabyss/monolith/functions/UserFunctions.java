package com.cinemaabyss.monolith.functions;

import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.monolith.domain.NewUser;
import com.cinemaabyss.monolith.domain.User;
import com.cinemaabyss.monolith.store.UserStore;
import com.cinemaabyss.kit.web.Created;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.cinemaabyss.kit.lambda.KafkaEventRecords;
import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.monolith.events.Changelog;
import com.cinemaabyss.monolith.events.UserChange;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

@Configuration(proxyBeanMethods = false)
public class UserFunctions {

    private static final Changelog<UserChange> USER_CHANGES = Changelog.of(EventTypes.USER_UPSERTED, UserChange.class);

    @Bean
    public Supplier<Iterable<User>> listUsers(UserStore users) {
        return users::all;
    }

    @Bean
    public Function<Long, User> getUser(UserStore users) {
        return id -> users.find(id).orElseThrow(() -> new NotFoundException("user " + id + " not found"));
    }

    @Bean
    public Function<NewUser, Message<User>> createUser(UserStore users) {
        return request -> Created.of(users.create(request));
    }

    /** Triggered by identity's user changelog: stores its accounts as legacy users under the same id, idempotently. */
    @Bean
    public Consumer<CloudEvent> applyUserChange(UserStore users) {
        return USER_CHANGES.applying(users::applyIdentityChange);
    }

    /** The user changelog consumer as an AWS Lambda Kafka trigger delivers it (see applyMovieChangesFromKafka). */
    @Bean
    public Function<KafkaEvent, KafkaEventRecords.Outcome> applyUserChangesFromKafka(Consumer<CloudEvent> applyUserChange) {
        return batch -> KafkaEventRecords.deliverEach(batch, applyUserChange);
    }
}

package com.cinemaabyss.profile.functions;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.cinemaabyss.kit.core.Page;
import com.cinemaabyss.kit.lambda.KafkaEventRecords;
import com.cinemaabyss.kit.web.Created;
import com.cinemaabyss.profile.domain.Favorite;
import com.cinemaabyss.profile.domain.Profile;
import com.cinemaabyss.profile.domain.Rating;
import com.cinemaabyss.profile.domain.TitleState;
import com.cinemaabyss.profile.domain.Watched;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** profile's operations as function beans; the routes bind them to the verified caller (web.ProfileRoutes). */
@Configuration(proxyBeanMethods = false)
public class ProfileFunctions {

    @Bean
    public Function<Long, List<Profile>> listProfiles(Profiles profiles) {
        return profiles::list;
    }

    @Bean
    public Function<Commands.CreateProfile, Message<Profile>> createProfile(Profiles profiles) {
        return command -> Created.of(profiles.create(command));
    }

    @Bean
    public Function<Commands.ProfileRef, Profile> getProfile(Profiles profiles) {
        return profiles::get;
    }

    @Bean
    public Function<Commands.UpdateProfile, Profile> updateProfile(Profiles profiles) {
        return profiles::update;
    }

    @Bean
    public Consumer<Commands.ProfileRef> deleteProfile(Profiles profiles) {
        return profiles::delete;
    }

    @Bean
    public Function<Commands.TitleRef, Favorite> addFavorite(Profiles profiles) {
        return profiles::addFavorite;
    }

    @Bean
    public Consumer<Commands.TitleRef> removeFavorite(Profiles profiles) {
        return profiles::removeFavorite;
    }

    /** One title as the profile has it (rating, favourite, progress): what a title screen shows the viewer. */
    @Bean
    public Function<Commands.TitleRef, TitleState> titleState(Profiles profiles) {
        return profiles::titleState;
    }

    @Bean
    public Function<Commands.ListPage, Page<Favorite>> listFavorites(Profiles profiles) {
        return profiles::favorites;
    }

    @Bean
    public Function<Commands.Rate, Rating> rateTitle(Profiles profiles) {
        return profiles::rate;
    }

    @Bean
    public Consumer<Commands.TitleRef> removeRating(Profiles profiles) {
        return profiles::removeRating;
    }

    @Bean
    public Function<Commands.ListPage, Page<Rating>> listRatings(Profiles profiles) {
        return profiles::ratings;
    }

    @Bean
    public Function<Commands.Progress, Watched> recordProgress(Profiles profiles) {
        return profiles::record;
    }

    @Bean
    public Function<Commands.ListPage, List<Watched>> continueWatching(Profiles profiles) {
        return profiles::continueWatching;
    }

    @Bean
    public Function<Commands.ListPage, Page<Watched>> watchHistory(Profiles profiles) {
        return profiles::history;
    }

    /** Triggered by title-changes (a KafkaSource): the series structure next episodes are found in. */
    @Bean
    public Consumer<CloudEvent> applyTitleChange(Profiles profiles) {
        return profiles::applyTitleChange;
    }

    /** The same consumer as an AWS Lambda Kafka trigger delivers it: a batch of records, each a CloudEvent. */
    @Bean
    public Function<KafkaEvent, KafkaEventRecords.Outcome> applyTitleChangesFromKafka(Consumer<CloudEvent> applyTitleChange) {
        return batch -> KafkaEventRecords.deliverEach(batch, applyTitleChange);
    }
}

package com.cinemaabyss.notifications.functions;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.cinemaabyss.kit.lambda.KafkaEventRecords;
import com.cinemaabyss.notifications.campaigns.Campaign;
import com.cinemaabyss.notifications.campaigns.Campaigns;
import com.cinemaabyss.notifications.domain.Preferences;
import com.cinemaabyss.notifications.push.PushSubscriptions;
import com.cinemaabyss.notifications.domain.PreferencesUpdate;
import com.cinemaabyss.notifications.mail.UnsubscribeLinks;
import com.cinemaabyss.notifications.store.RecipientStore;
import io.cloudevents.CloudEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.Consumer;
import java.util.function.Function;

/** notifications' operations as function beans; the routes bind them to the verified caller or the delivered event. */
@Configuration(proxyBeanMethods = false)
public class NotificationFunctions {

    /** A preference change of one user. */
    public record PreferenceChange(long userId, PreferencesUpdate update) {
    }

    /**
     * Triggered by user-events, user-changes, billing-events and subscription-events (one KafkaSource each): the
     * projection of identity's accounts, and each notification once per event.
     */
    @Bean
    public Consumer<CloudEvent> notifyOnEvent(Notifier notifier) {
        return notifier::handle;
    }

    /** The same consumer as an AWS Lambda Kafka trigger delivers it: a batch of records, each a CloudEvent. */
    @Bean
    public Function<KafkaEvent, KafkaEventRecords.Outcome> notifyOnEventsFromKafka(Consumer<CloudEvent> notifyOnEvent) {
        return batch -> KafkaEventRecords.deliverEach(batch, notifyOnEvent);
    }

    @Bean
    public Function<Long, Preferences> getPreferences(RecipientStore recipients) {
        return recipients::preferences;
    }

    @Bean
    public Function<PreferenceChange, Preferences> updatePreferences(RecipientStore recipients) {
        return change -> recipients.update(change.userId(), change.update());
    }

    /** An admin's campaign: stored, its segment fanned out to campaign-recipients (one event per recipient). */
    @Bean
    public Function<Campaigns.Post, Campaign> createCampaign(Campaigns campaigns) {
        return campaigns::create;
    }

    /** A campaign and its progress. */
    @Bean
    public Function<String, Campaign> getCampaign(Campaigns campaigns) {
        return campaigns::find;
    }

    /** A browser's push subscription of the caller (stored; one per endpoint). */
    @Bean
    public Function<PushSubscriptions.Subscribe, PushSubscriptions.View> subscribePush(PushSubscriptions subscriptions) {
        return subscriptions::subscribe;
    }

    @Bean
    public Function<Long, java.util.List<PushSubscriptions.View>> listPushSubscriptions(PushSubscriptions subscriptions) {
        return subscriptions::list;
    }

    /** One-click unsubscribe: the link's user stops receiving marketing on the link's channel. */
    @Bean
    public Function<UnsubscribeLinks.Target, Preferences> unsubscribe(RecipientStore recipients) {
        return target -> recipients.update(target.userId(), switch (target.channel()) {
            case EMAIL -> new PreferencesUpdate(null, new PreferencesUpdate.ChannelUpdate(false, null), null, null, null);
            case PUSH -> new PreferencesUpdate(null, null, new PreferencesUpdate.ChannelUpdate(false, null), null, null);
            case SMS -> new PreferencesUpdate(null, null, null, new PreferencesUpdate.ChannelUpdate(false, null), null);
        });
    }
}

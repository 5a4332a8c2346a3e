package com.cinemaabyss.notifications;

import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.events.CloudEventPublisher;
import com.cinemaabyss.notifications.campaigns.Campaigns;
import com.cinemaabyss.notifications.campaigns.ChannelRates;
import com.cinemaabyss.notifications.domain.Channel;
import com.cinemaabyss.notifications.push.PushSubscriptions;
import com.cinemaabyss.notifications.store.PushSubscriptionItem;
import com.cinemaabyss.notifications.store.CampaignItem;
import com.cinemaabyss.notifications.store.CampaignStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import java.util.EnumMap;
import java.util.Map;
import com.cinemaabyss.notifications.functions.NotificationFunctions;
import com.cinemaabyss.notifications.functions.Notifier;
import com.cinemaabyss.notifications.mail.Mailer;
import com.cinemaabyss.notifications.mail.Templates;
import com.cinemaabyss.notifications.mail.UnsubscribeLinks;
import com.cinemaabyss.notifications.store.DeliveryItem;
import com.cinemaabyss.notifications.store.DeliveryLedger;
import com.cinemaabyss.notifications.store.RecipientItem;
import com.cinemaabyss.notifications.store.RecipientStore;
import com.cinemaabyss.notifications.web.NotificationRoutes;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSender;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.time.Clock;

/** The notifications domain: its tables, the templates, the mailer, the functions and routes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationsSettings.class)
@Import({NotificationFunctions.class, NotificationRoutes.class})
public class NotificationsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RecipientStore recipientStore(DynamoDbEnhancedClient client, TableSetup tables, DynamoSettings dynamo, NotificationsSettings settings) {
        return new RecipientStore(tables.ensure(client.table(dynamo.table("recipients"), TableSchema.fromBean(RecipientItem.class))),
                settings.language(), settings.marketingByDefault());
    }

    @Bean
    CampaignStore campaignStore(DynamoDbEnhancedClient client, TableSetup tables, DynamoSettings dynamo) {
        return new CampaignStore(tables.ensure(client.table(dynamo.table("campaigns"), TableSchema.fromBean(CampaignItem.class))));
    }

    @Bean
    DeliveryLedger deliveryLedger(DynamoDbEnhancedClient client, DynamoDbClient lowLevel, TableSetup tables, DynamoSettings dynamo,
                                  NotificationsSettings settings, Clock clock, CampaignStore campaigns) {
        var table = tables.ensure(client.table(dynamo.table("deliveries"), TableSchema.fromBean(DeliveryItem.class)));
        tables.expireBy(table.tableName(), DeliveryItem.EXPIRES_AT);
        return new DeliveryLedger(table, clock, settings.sending().staleAfter(), settings.sending().maxAttempts(), lowLevel,
                campaigns.tableName());
    }

    @Bean
    PushSubscriptions pushSubscriptions(DynamoDbEnhancedClient client, TableSetup tables, DynamoSettings dynamo, NotificationsSettings settings,
                                        Clock clock) {
        return new PushSubscriptions(tables.ensure(client.table(dynamo.table("push-subscriptions"), TableSchema.fromBean(PushSubscriptionItem.class))),
                settings.push().localStandIn(), clock);
    }

    @Bean
    ChannelRates channelRates(NotificationsSettings settings) {
        NotificationsSettings.Campaigns c = settings.campaigns();
        Map<Channel, ChannelRates.Rate> rates = new EnumMap<>(Channel.class);
        rates.put(Channel.EMAIL, new ChannelRates.Rate(c.email().perSecond(), c.email().burst()));
        rates.put(Channel.PUSH, new ChannelRates.Rate(c.push().perSecond(), c.push().burst()));
        rates.put(Channel.SMS, new ChannelRates.Rate(c.sms().perSecond(), c.sms().burst()));
        return new ChannelRates(rates, c.maxWait());
    }

    @Bean
    Campaigns campaigns(CampaignStore campaigns, RecipientStore recipients, CloudEventPublisher publisher, Clock clock) {
        return new Campaigns(campaigns, recipients, publisher, clock);
    }

    @Bean
    Templates templates() {
        return new Templates();
    }

    @Bean
    UnsubscribeLinks unsubscribeLinks(NotificationsSettings settings) {
        return new UnsubscribeLinks(settings.unsubscribe().secret(), settings.links().base());
    }

    @Bean
    Mailer mailer(JavaMailSender sender, NotificationsSettings settings) {
        return new Mailer(sender, settings.mail().from(), settings.mail().fromName());
    }

    @Bean
    Notifier notifier(RecipientStore recipients, DeliveryLedger ledger, Templates templates, Mailer mailer, UnsubscribeLinks links,
                      NotificationsSettings settings, CampaignStore campaigns, ChannelRates rates) {
        return new Notifier(recipients, ledger, templates, mailer, links, settings.links().base(), campaigns, rates);
    }
}

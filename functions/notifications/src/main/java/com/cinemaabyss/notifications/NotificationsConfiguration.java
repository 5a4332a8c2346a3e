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

import java.net.URI;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import com.cinemaabyss.notifications.functions.MobileNotifier;
import com.cinemaabyss.notifications.functions.NewEpisodes;
import com.cinemaabyss.notifications.providers.ProviderRetry;
import com.cinemaabyss.notifications.providers.PushSender;
import com.cinemaabyss.notifications.providers.SmsSender;
import com.cinemaabyss.notifications.providers.Vapid;
import com.cinemaabyss.notifications.providers.WebPushEncryption;
import com.cinemaabyss.notifications.store.FavoriteItem;
import com.cinemaabyss.notifications.store.FavoritesStore;
import com.cinemaabyss.notifications.store.SeriesItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The notifications domain: its tables, the templates, the mailer, the functions and routes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationsSettings.class)
@Import({NotificationFunctions.class, NotificationRoutes.class})
public class NotificationsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotificationsConfiguration.class);

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
                      NotificationsSettings settings, CampaignStore campaigns, ChannelRates rates, MobileNotifier mobile, NewEpisodes newEpisodes) {
        return new Notifier(recipients, ledger, templates, mailer, links, settings.links().base(), campaigns, rates, mobile, newEpisodes);
    }

    @Bean
    FavoritesStore favoritesStore(DynamoDbEnhancedClient client, TableSetup tables, DynamoSettings dynamo) {
        return new FavoritesStore(tables.ensure(client.table(dynamo.table("favorites"), TableSchema.fromBean(FavoriteItem.class))),
                tables.ensure(client.table(dynamo.table("series"), TableSchema.fromBean(SeriesItem.class))));
    }

    @Bean
    NewEpisodes newEpisodes(FavoritesStore favorites, RecipientStore recipients, Templates templates, MobileNotifier mobile) {
        return new NewEpisodes(favorites, recipients, templates, mobile);
    }

    /** One HTTP client for push services and the SMS provider (HTTP/1.1: the stand-in and most providers speak it). */
    @Bean
    HttpClient providersHttpClient(NotificationsSettings settings) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.providers().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Bean
    Vapid vapid(NotificationsSettings settings, Clock clock) {
        NotificationsSettings.Vapid v = settings.push().vapid();
        KeyPair keys;
        if (v.publicKey().isEmpty()) {
            keys = WebPushEncryption.newKeyPair();
            log.warn("no VAPID key pair configured (cinemaabyss.notifications.push.vapid): using one made at start; browsers subscribed "
                    + "against it stop receiving pushes at the next start");
        } else {
            try {
                Base64.Decoder b64 = Base64.getUrlDecoder();
                keys = new KeyPair(WebPushEncryption.publicKey(b64.decode(v.publicKey())), WebPushEncryption.privateKey(b64.decode(v.privateKey())));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalArgumentException("cinemaabyss.notifications.push.vapid: not a base64url P-256 key pair: " + e.getMessage(), e);
            }
        }
        return new Vapid(keys, v.subject(), Duration.ofHours(12), clock);
    }

    @Bean
    PushSender pushSender(HttpClient providersHttpClient, Vapid vapid, NotificationsSettings settings) {
        NotificationsSettings.Providers p = settings.providers();
        return new PushSender(providersHttpClient, vapid, new ProviderRetry("push", p.maxAttempts(), p.initialInterval(), p.multiplier()),
                p.timeout(), settings.push().ttl());
    }

    @Bean
    MobileNotifier mobileNotifier(PushSubscriptions subscriptions, PushSender push, HttpClient providersHttpClient, DeliveryLedger ledger,
                                  NotificationsSettings settings) {
        NotificationsSettings.Providers p = settings.providers();
        NotificationsSettings.Sms sms = settings.sms();
        SmsSender smsSender = sms.url().isEmpty() ? null : new SmsSender(providersHttpClient, URI.create(sms.url()), sms.apiKey(), sms.from(),
                new ProviderRetry("sms", p.maxAttempts(), p.initialInterval(), p.multiplier()), p.timeout());
        if (smsSender == null) {
            log.warn("no SMS provider configured (cinemaabyss.notifications.sms.url): SMS are recorded as failed");
        }
        return new MobileNotifier(subscriptions, push, smsSender, ledger, settings.links().base());
    }
}

package com.cinemaabyss.notifications.functions;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.notifications.campaigns.ChannelRates;
import com.cinemaabyss.notifications.store.CampaignItem;
import com.cinemaabyss.notifications.store.CampaignStore;
import com.cinemaabyss.notifications.store.DeliveryItem;
import com.cinemaabyss.notifications.domain.Channel;
import com.cinemaabyss.notifications.domain.Kind;
import com.cinemaabyss.notifications.domain.Language;
import com.cinemaabyss.notifications.domain.Preferences;
import com.cinemaabyss.notifications.events.Trigger;
import com.cinemaabyss.notifications.events.Triggers;
import com.cinemaabyss.notifications.mail.Mail;
import com.cinemaabyss.notifications.mail.Mailer;
import com.cinemaabyss.notifications.mail.Money;
import com.cinemaabyss.notifications.mail.Templates;
import com.cinemaabyss.notifications.mail.UnsubscribeLinks;
import com.cinemaabyss.notifications.store.DeliveryLedger;
import com.cinemaabyss.notifications.store.RecipientItem;
import com.cinemaabyss.notifications.store.RecipientStore;
import io.cloudevents.CloudEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the events into mail: keeps the projection of users' addresses, and sends each notification once per
 * triggering event through the ledger (see {@link DeliveryLedger} and the README's "Sent once").
 */
public class Notifier {

    /** What became of one delivered event. */
    public enum Outcome { PROJECTED, STALE, SENT, DUPLICATE, SKIPPED_BY_PREFERENCE, FAILED, IGNORED, /** no browser subscribed, no phone number */ NO_ADDRESS }

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final String MAIL_DOMAIN = "notifications.cinemaabyss";

    private final RecipientStore recipients;
    private final DeliveryLedger ledger;
    private final Templates templates;
    private final Mailer mailer;
    private final UnsubscribeLinks unsubscribe;
    private final String publicBase;
    private final CampaignStore campaigns;
    private final ChannelRates rates;
    /** Campaigns seen to exist (they are never deleted): one read per campaign and pod, not one per recipient. */
    private final Map<String, Boolean> knownCampaigns = new java.util.concurrent.ConcurrentHashMap<>();

    private final MobileNotifier mobile;
    private final NewEpisodes newEpisodes;

    public Notifier(RecipientStore recipients, DeliveryLedger ledger, Templates templates, Mailer mailer, UnsubscribeLinks unsubscribe,
                    String publicBase, CampaignStore campaigns, ChannelRates rates, MobileNotifier mobile, NewEpisodes newEpisodes) {
        this.mobile = mobile;
        this.newEpisodes = newEpisodes;
        this.campaigns = campaigns;
        this.rates = rates;
        this.recipients = recipients;
        this.ledger = ledger;
        this.templates = templates;
        this.mailer = mailer;
        this.unsubscribe = unsubscribe;
        this.publicBase = publicBase;
    }

    public Outcome handle(CloudEvent event) {
        Optional<Trigger> trigger = Triggers.read(event);
        if (trigger.isEmpty()) {
            return Outcome.IGNORED;
        }
        Outcome outcome = switch (trigger.get()) {
            case Trigger.Project p -> {
                boolean newest = recipients.project(p.userId(), p.email(), p.username(), p.version());
                if (p.country() != null) {
                    // Where the account was opened from, whatever the order the address changes arrive in.
                    recipients.country(p.userId(), p.country());
                }
                yield newest ? Outcome.PROJECTED : Outcome.STALE;
            }
            case Trigger.Notify n -> notify(event, n);
            case Trigger.Plan p -> {
                recipients.plan(p.userId(), p.plan());
                yield Outcome.PROJECTED;
            }
            case Trigger.CampaignRecipient c -> campaignSend(event, c);
            case Trigger.Favorite f -> newEpisodes.favorite(f);
            case Trigger.Series s -> newEpisodes.series(s);
        };
        log.info("event={} type={} outcome={}", event.getId(), event.getType(), outcome);
        return outcome;
    }

    private Outcome notify(CloudEvent event, Trigger.Notify n) {
        String ledgerId = ledgerId(event, Channel.EMAIL);
        Kind kind = Triggers.WELCOME_OR_VERIFY.equals(n.kind())
                ? (recipients.claimWelcome(n.userId(), ledgerId) ? Kind.WELCOME : Kind.VERIFY_EMAIL)
                : Kind.of(n.kind()).orElseThrow();
        RecipientItem recipient = recipients.find(n.userId()).orElse(null);
        String to = n.email() != null ? n.email() : recipient == null ? null : recipient.getEmail();
        if (to == null) {
            // identity's user-events and the money path's topics are delivered apart: the address may not be here yet.
            throw new UnavailableException("no address is known for user " + n.userId() + " yet; retry later", null);
        }
        Preferences preferences = recipients.preferences(n.userId(), recipient);
        if (kind.marketing() && !preferences.wantsMarketing(Channel.EMAIL)) {
            return Outcome.SKIPPED_BY_PREFERENCE;
        }
        // Rendered before the claim: a template that cannot render must not leave a "sending" entry behind.
        Language language = preferences.language();
        Templates.Rendered rendered = templates.render(kind, language, values(n, recipient, language));
        Outcome mail = mail(ledgerId, kind, n, to, rendered);
        mobile(event, kind, n.userId(), preferences, rendered);
        return mail;
    }

    /**
     * The push and SMS of a notification whose kind goes out on them (each its own ledger entry): transactional ones
     * always, marketing ones when the user wants marketing on that channel. A transient failure of one channel does not
     * keep the other from going; the delivery is answered 503 afterwards and the redelivery sends only what is missing.
     */
    private void mobile(CloudEvent event, Kind kind, long userId, Preferences preferences, Templates.Rendered rendered) {
        MobileNotifier.Message message = new MobileNotifier.Message(kind, rendered.subject(), rendered.shortText(), "/#/account", kind.code());
        UnavailableException later = null;
        for (Channel channel : new Channel[]{Channel.PUSH, Channel.SMS}) {
            if (!kind.on(channel) || (kind.marketing() && !preferences.wantsMarketing(channel))) {
                continue;
            }
            try {
                Outcome outcome = channel == Channel.PUSH ? mobile.push(ledgerId(event, channel), userId, message, null)
                        : mobile.sms(ledgerId(event, channel), userId, preferences.phone(), message, null);
                log.info("event={} kind={} channel={} outcome={}", event.getId(), kind.code(), channel.code(), outcome);
            } catch (UnavailableException e) {
                later = e;
            }
        }
        if (later != null) {
            throw later;
        }
    }

    private Outcome mail(String ledgerId, Kind kind, Trigger.Notify n, String to, Templates.Rendered rendered) {
        String unsubscribeLink = kind.marketing() ? unsubscribe.link(n.userId(), Channel.EMAIL) : null;
        Optional<DeliveryLedger.Claim> claim = ledger.begin(ledgerId, kind, n.userId());
        if (claim.isEmpty()) {
            return Outcome.DUPLICATE;
        }
        try {
            mailer.send(new Mail(to, rendered.subject(), rendered.text(), rendered.html(), "<" + ledgerId + "@" + MAIL_DOMAIN + ">", unsubscribeLink));
        } catch (Mailer.SendFailure failure) {
            if (failure.permanent()) {
                ledger.failed(claim.get(), failure.getMessage());
                log.warn("kind={} user={} not sent, for good: {}", kind.code(), n.userId(), failure.getMessage());
                return Outcome.FAILED;
            }
            ledger.release(claim.get());
            throw new UnavailableException("mail could not be sent now; retry later", failure);
        }
        ledger.sent(claim.get());
        return Outcome.SENT;
    }

    /**
     * One recipient of a campaign: skipped (and counted) when the user opted out of marketing on the channel, else sent
     * when the channel's rate allows (a bounded wait, then 503: the eventing layer delivers it again later), once per
     * event through the ledger; each end is counted in the campaign in the same transaction as its ledger entry.
     */
    private Outcome campaignSend(CloudEvent event, Trigger.CampaignRecipient c) {
        Kind kind = Kind.of(c.template()).filter(Kind::campaign)
                .orElseThrow(() -> new InvalidInputException("template " + c.template() + " is not a campaign template"));
        Channel channel = com.cinemaabyss.notifications.campaigns.CampaignRequest.parseChannel(c.channel());
        if (!kind.on(channel)) {
            throw new InvalidInputException("template " + kind.code() + " cannot be sent by " + channel.code());
        }
        String ledgerId = ledgerId(event, channel);
        if (!knownCampaigns.containsKey(c.campaignId())) {
            if (campaigns.find(c.campaignId()).isEmpty()) {
                throw new InvalidInputException("no campaign " + c.campaignId());
            }
            if (knownCampaigns.size() >= 1_000) {
                knownCampaigns.clear();
            }
            knownCampaigns.put(c.campaignId(), Boolean.TRUE);
        }
        Optional<DeliveryItem> seen = ledger.find(ledgerId);
        if (seen.isPresent() && !DeliveryLedger.SENDING.equals(seen.get().getStatus())) {
            return Outcome.DUPLICATE;
        }
        RecipientItem recipient = recipients.find(c.userId()).orElse(null);
        if (recipient == null || (channel == Channel.EMAIL && recipient.getEmail() == null)) {
            return ledger.record(ledgerId, kind, c.userId(), DeliveryLedger.FAILED, "no address known",
                    new DeliveryLedger.Count(c.campaignId(), CampaignItem.FAILED)) ? Outcome.FAILED : Outcome.DUPLICATE;
        }
        Preferences preferences = recipients.preferences(c.userId(), recipient);
        if (!preferences.wantsMarketing(channel)) {
            return ledger.record(ledgerId, kind, c.userId(), DeliveryLedger.SKIPPED, null,
                    new DeliveryLedger.Count(c.campaignId(), CampaignItem.SKIPPED)) ? Outcome.SKIPPED_BY_PREFERENCE : Outcome.DUPLICATE;
        }
        Language language = preferences.language();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", recipient.getUsername() == null ? "" : recipient.getUsername());
        values.put("preferences_url", unsubscribe.link(c.userId(), Channel.EMAIL));
        values.put("public_url", publicBase + "/");
        Templates.Rendered rendered = templates.render(kind, language, values);
        if (!rates.acquire(channel)) {
            throw new UnavailableException("the " + channel.code() + " campaign rate is used up for now; retry later", null);
        }
        if (channel != Channel.EMAIL) {
            MobileNotifier.Message message = new MobileNotifier.Message(kind, rendered.subject(), rendered.shortText(), "/", "campaign-" + c.campaignId());
            DeliveryLedger.Count count = new DeliveryLedger.Count(c.campaignId(), CampaignItem.SENT);
            return channel == Channel.PUSH ? mobile.push(ledgerId, c.userId(), message, count)
                    : mobile.sms(ledgerId, c.userId(), preferences.phone(), message, count);
        }
        Optional<DeliveryLedger.Claim> claim = ledger.begin(ledgerId, kind, c.userId(), c.campaignId());
        if (claim.isEmpty()) {
            return Outcome.DUPLICATE;
        }
        try {
            mailer.send(new Mail(recipient.getEmail(), rendered.subject(), rendered.text(), rendered.html(), "<" + ledgerId + "@" + MAIL_DOMAIN + ">",
                    unsubscribe.link(c.userId(), Channel.EMAIL)));
        } catch (Mailer.SendFailure failure) {
            if (failure.permanent()) {
                ledger.finish(claim.get(), DeliveryLedger.FAILED, failure.getMessage(), new DeliveryLedger.Count(c.campaignId(), CampaignItem.FAILED));
                return Outcome.FAILED;
            }
            ledger.release(claim.get());
            throw new UnavailableException("mail could not be sent now; retry later", failure);
        }
        ledger.finish(claim.get(), DeliveryLedger.SENT, null, new DeliveryLedger.Count(c.campaignId(), CampaignItem.SENT));
        return Outcome.SENT;
    }

    private Map<String, Object> values(Trigger.Notify n, RecipientItem recipient, Language language) {
        Map<String, Object> v = new LinkedHashMap<>(n.values());
        v.put("name", recipient == null || recipient.getUsername() == null ? "" : recipient.getUsername());
        v.put("preferences_url", unsubscribe.link(n.userId(), Channel.EMAIL));
        Object token = n.values().get("token");
        if (token != null) {
            String encoded = URLEncoder.encode(token.toString(), StandardCharsets.UTF_8);
            // The web client is a hash-routed page: its views read the token after the '#' (never sent to a server or a log).
            v.put("verify_url", publicBase + "/#/verify-email?token=" + encoded);
            v.put("reset_url", publicBase + "/#/reset-password?token=" + encoded);
            v.put("expires", date(n.values().get("expires_at"), language, FormatStyle.MEDIUM, true));
        }
        if (n.values().get("amount_minor") instanceof Long amount) {
            String currency = (String) n.values().get("currency");
            v.put("amount", Money.format(amount, currency, language.locale()));
            if (n.values().get("list_price_minor") instanceof Long list && list > amount) {
                v.put("list_price", Money.format(list, currency, language.locale()));
                v.put("discount", Money.format(list - amount, currency, language.locale()));
            }
            for (String field : new String[]{"paid", "refunded_total"}) {
                if (n.values().get(field + "_minor") instanceof Long minor) {
                    v.put(field, Money.format(minor, currency, language.locale()));
                }
            }
        }
        if (n.values().get("period") instanceof String period) {
            v.put("period_label", switch (language) {
                case EN -> "month".equals(period) ? "month" : "year";
                case RU -> "month".equals(period) ? "месяц" : "год";
            });
        }
        if (n.values().get("renews_at") instanceof String renews) {
            v.put("renews_on", date(renews, language, FormatStyle.LONG, false));
        }
        v.put("trial", "trial".equals(n.values().get("purpose")));
        return v;
    }

    private static String date(Object rfc3339, Language language, FormatStyle style, boolean withTime) {
        Instant instant = Instant.parse(rfc3339.toString());
        DateTimeFormatter format = (withTime ? DateTimeFormatter.ofLocalizedDateTime(style) : DateTimeFormatter.ofLocalizedDate(style))
                .withLocale(language.locale()).withZone(ZoneOffset.UTC);
        return format.format(instant) + (withTime ? " UTC" : "");
    }

    /** The ledger key of one notification: a CloudEvent is one by its source and id (the spec's uniqueness). */
    static String ledgerId(CloudEvent event, Channel channel) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((event.getSource() + "\n" + event.getId() + "\n" + channel.code())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

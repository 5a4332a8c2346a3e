package com.cinemaabyss.notifications.functions;

import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.notifications.domain.Kind;
import com.cinemaabyss.notifications.providers.ProviderFailure;
import com.cinemaabyss.notifications.providers.PushSender;
import com.cinemaabyss.notifications.providers.SmsSender;
import com.cinemaabyss.notifications.push.PushSubscriptions;
import com.cinemaabyss.notifications.store.DeliveryLedger;
import com.cinemaabyss.notifications.store.PushSubscriptionItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Push and SMS of one notification, each once per ledger entry (the same sending/sent ledger as mail, one entry per
 * triggering event and channel). A push goes to every browser the user subscribed: it counts as sent when at least one
 * push service took it; a subscription the push service calls gone (404, 410) is removed; when none took it and one
 * failed transiently (after the provider retries), the entry is released and the delivery answered 503, so the eventing
 * layer brings it back; otherwise it is recorded as failed with the reasons. SMS go to the number in the preferences.
 */
public class MobileNotifier {

    /** What a push or an SMS says: the push's title, its body (also the SMS text), where a click leads, a tag that replaces older pushes of the same. */
    public record Message(Kind kind, String title, String body, String path, String tag) {
    }

    private static final Logger log = LoggerFactory.getLogger(MobileNotifier.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_BODY = 1000;

    private final PushSubscriptions subscriptions;
    private final PushSender push;
    private final SmsSender sms;
    private final DeliveryLedger ledger;
    private final String publicBase;

    /** {@code sms} null: no SMS provider is configured (SMS are then recorded as failed, never silently dropped). */
    public MobileNotifier(PushSubscriptions subscriptions, PushSender push, SmsSender sms, DeliveryLedger ledger, String publicBase) {
        this.subscriptions = subscriptions;
        this.push = push;
        this.sms = sms;
        this.ledger = ledger;
        this.publicBase = publicBase;
    }

    /**
     * The push of {@code message} to the user's browsers, once per {@code ledgerId}. {@code count}: the campaign counter
     * the entry's end adds to (null outside campaigns). NO_ADDRESS when the user subscribed no browser (a campaign
     * recipient's entry is then recorded as failed).
     */
    public Notifier.Outcome push(String ledgerId, long userId, Message message, DeliveryLedger.Count count) {
        List<PushSubscriptionItem> targets = subscriptions.targets(userId);
        if (targets.isEmpty()) {
            return unreachable(ledgerId, userId, message.kind(), "no push subscription", count);
        }
        byte[] payload = payload(message);
        Optional<DeliveryLedger.Claim> claim = begin(ledgerId, message.kind(), userId, count);
        if (claim.isEmpty()) {
            return Notifier.Outcome.DUPLICATE;
        }
        int delivered = 0;
        ProviderFailure transientFailure = null;
        List<String> reasons = new ArrayList<>();
        for (PushSubscriptionItem target : targets) {
            try {
                push.send(new PushSender.Target(URI.create(target.getEndpoint()), Base64.getUrlDecoder().decode(target.getP256dh()),
                        Base64.getUrlDecoder().decode(target.getAuth())), payload, message.kind().marketing() ? "low" : "high");
                delivered++;
            } catch (ProviderFailure failure) {
                switch (failure.kind()) {
                    case GONE -> {
                        subscriptions.remove(userId, target.getId());
                        reasons.add(failure.getMessage() + ": subscription removed");
                        log.info("user={} push subscription {} is gone; removed", userId, target.getId());
                    }
                    case PERMANENT -> reasons.add(failure.getMessage());
                    case TRANSIENT -> transientFailure = failure;
                }
            }
        }
        if (delivered > 0) {
            end(claim.get(), DeliveryLedger.SENT, null, count);
            return Notifier.Outcome.SENT;
        }
        if (transientFailure != null) {
            ledger.release(claim.get());
            throw new UnavailableException("no push service took the message now; retry later", transientFailure);
        }
        end(claim.get(), DeliveryLedger.FAILED, "push: " + String.join("; ", reasons), count);
        return Notifier.Outcome.FAILED;
    }

    /** The SMS of {@code message} to {@code phone} (null or empty: the user gave none), once per {@code ledgerId}. */
    public Notifier.Outcome sms(String ledgerId, long userId, String phone, Message message, DeliveryLedger.Count count) {
        if (phone == null || phone.isEmpty()) {
            return unreachable(ledgerId, userId, message.kind(), "no phone number", count);
        }
        if (sms == null) {
            return unreachable(ledgerId, userId, message.kind(), "no SMS provider configured", count);
        }
        Optional<DeliveryLedger.Claim> claim = begin(ledgerId, message.kind(), userId, count);
        if (claim.isEmpty()) {
            return Notifier.Outcome.DUPLICATE;
        }
        try {
            sms.send(phone, message.body(), ledgerId);
        } catch (ProviderFailure failure) {
            if (failure.kind() == ProviderFailure.Kind.TRANSIENT) {
                ledger.release(claim.get());
                throw new UnavailableException("the SMS provider did not take the message now; retry later", failure);
            }
            end(claim.get(), DeliveryLedger.FAILED, "sms: " + failure.getMessage(), count);
            return Notifier.Outcome.FAILED;
        }
        end(claim.get(), DeliveryLedger.SENT, null, count);
        return Notifier.Outcome.SENT;
    }

    private Notifier.Outcome unreachable(String ledgerId, long userId, Kind kind, String reason, DeliveryLedger.Count count) {
        if (count == null) {
            return Notifier.Outcome.NO_ADDRESS;
        }
        return ledger.record(ledgerId, kind, userId, DeliveryLedger.FAILED, reason,
                new DeliveryLedger.Count(count.campaignId(), com.cinemaabyss.notifications.store.CampaignItem.FAILED))
                ? Notifier.Outcome.FAILED : Notifier.Outcome.DUPLICATE;
    }

    private Optional<DeliveryLedger.Claim> begin(String ledgerId, Kind kind, long userId, DeliveryLedger.Count count) {
        return ledger.begin(ledgerId, kind, userId, count == null ? null : count.campaignId());
    }

    private void end(DeliveryLedger.Claim claim, String status, String failure, DeliveryLedger.Count count) {
        if (count != null) {
            ledger.finish(claim, status, failure, new DeliveryLedger.Count(count.campaignId(),
                    DeliveryLedger.SENT.equals(status) ? com.cinemaabyss.notifications.store.CampaignItem.SENT
                            : com.cinemaabyss.notifications.store.CampaignItem.FAILED));
        } else if (DeliveryLedger.SENT.equals(status)) {
            ledger.sent(claim);
        } else {
            ledger.failed(claim, failure);
        }
    }

    /** The service worker's JSON: title, body, the link a click opens, the kind and a tag. */
    private byte[] payload(Message message) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", message.title());
        p.put("body", message.body().length() > MAX_BODY ? message.body().substring(0, MAX_BODY - 1) + "…" : message.body());
        p.put("url", publicBase + message.path());
        p.put("kind", message.kind().code());
        p.put("tag", message.tag());
        return JSON.writeValueAsBytes(p);
    }
}

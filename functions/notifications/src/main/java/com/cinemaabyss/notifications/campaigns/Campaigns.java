package com.cinemaabyss.notifications.campaigns;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.kit.events.CloudEventPublisher;
import com.cinemaabyss.notifications.domain.Language;
import com.cinemaabyss.notifications.store.CampaignItem;
import com.cinemaabyss.notifications.store.CampaignStore;
import com.cinemaabyss.notifications.store.RecipientStore;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Posting a campaign: the campaign is stored, its segment read from the recipients' projection, and one CloudEvent per
 * recipient published to campaign-recipients (the fan-out; notifications' own KafkaSource brings each back to be sent
 * at the channel's rate). The campaign id comes from the caller and the Idempotency-Key when there is one, and each
 * recipient's event id is {@code <campaign>:<user>}: a request repeated after a failed fan-out queues the same events
 * again, which the sent-once ledger sends once.
 */
public class Campaigns {

    public static final URI SOURCE = URI.create("/cinemaabyss/notifications");
    private static final int IN_FLIGHT = 64;

    private final CampaignStore campaigns;
    private final RecipientStore recipients;
    private final CloudEventPublisher publisher;
    private final Clock clock;

    public Campaigns(CampaignStore campaigns, RecipientStore recipients, CloudEventPublisher publisher, Clock clock) {
        this.campaigns = campaigns;
        this.recipients = recipients;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** What an admin posted: the request, who posted it, and the Idempotency-Key it came with (null: none). */
    public record Post(long adminId, String idempotencyKey, CampaignRequest request) {
    }

    public Campaign create(Post post) {
        CampaignRequest.Checked checked = post.request().check();
        String id = post.idempotencyKey() == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((post.adminId() + "\n" + post.idempotencyKey()).getBytes(StandardCharsets.UTF_8)).toString();
        CampaignItem item = new CampaignItem();
        item.setId(id);
        item.setTemplate(checked.template().code());
        item.setChannel(checked.channel().code());
        item.setPlans(List.copyOf(checked.plans()));
        item.setLanguages(checked.languages().stream().map(Language::code).toList());
        item.setCountries(List.copyOf(checked.countries()));
        item.setStatus("fanning-out");
        item.setCreatedBy(post.adminId());
        item.setCreatedAt(clock.millis());
        item.setQueued(0L);
        item.setSent(0L);
        item.setSkippedByPreference(0L);
        item.setFailed(0L);
        CampaignItem stored = campaigns.createOrGet(item);
        List<Long> users = recipients.segment(checked.plans(), checked.languages(), checked.countries());
        fanOut(stored, users);
        return Campaign.of(campaigns.queued(id, users.size()));
    }

    public Campaign find(String id) {
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no campaign " + id.substring(0, Math.min(id.length(), 40)));
        }
        return Campaign.of(campaigns.find(id).orElseThrow(() -> new NotFoundException("no campaign " + id)));
    }

    private void fanOut(CampaignItem campaign, List<Long> users) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<Future<?>> sends = new ArrayList<>(users.size());
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long user : users) {
                inFlight.acquireUninterruptibly();
                sends.add(executor.submit(() -> {
                    try {
                        publisher.publish(Topics.CAMPAIGN_RECIPIENTS, Long.toString(user), event(campaign, user));
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Future<?> send : sends) {
                send.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while queueing the campaign's recipients", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UnavailableException("the campaign's recipients could not be queued; post it again with the same Idempotency-Key", e);
        }
    }

    private CloudEvent event(CampaignItem campaign, long user) {
        String data = "{\"campaign_id\":\"" + campaign.getId() + "\",\"user_id\":" + user + ",\"template\":\"" + campaign.getTemplate()
                + "\",\"channel\":\"" + campaign.getChannel() + "\"}";
        return CloudEventBuilder.v1().withId(campaign.getId() + ":" + user).withSource(SOURCE).withType(EventTypes.CAMPAIGN_RECIPIENT_QUEUED)
                .withSubject(Long.toString(user)).withTime(clock.instant().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json").withData(data.getBytes(StandardCharsets.UTF_8)).build();
    }
}

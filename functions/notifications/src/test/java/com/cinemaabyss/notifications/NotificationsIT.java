package com.cinemaabyss.notifications;

import com.cinemaabyss.contracts.EventTypes;
import com.cinemaabyss.kit.core.UnavailableException;
import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.test.MutableClock;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.kit.test.TestIdentity;
import com.cinemaabyss.notifications.domain.Kind;
import com.cinemaabyss.notifications.functions.MobileNotifier;
import com.cinemaabyss.notifications.functions.NewEpisodes;
import com.cinemaabyss.notifications.functions.Notifier;
import com.cinemaabyss.notificationsandbox.NotificationSandbox;
import com.cinemaabyss.notifications.mail.Mailer;
import com.cinemaabyss.notifications.mail.Templates;
import com.cinemaabyss.notifications.mail.UnsubscribeLinks;
import com.cinemaabyss.notifications.store.RecipientStore;
import com.cinemaabyss.notifications.store.DeliveryItem;
import com.cinemaabyss.notifications.store.DeliveryLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** notifications on DynamoDB Local with a real SMTP server, reading what it sent over IMAP as a person would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cinemaabyss.eventing.delivery-token=" + NotificationsIT.TOKEN,
        "cinemaabyss.notifications.unsubscribe.secret=test-unsubscribe-secret-of-at-least-32-bytes",
        "cinemaabyss.notifications.links.public-url=https://cinema.example.test",
        "cinemaabyss.notifications.campaigns.email.per-second=" + NotificationsIT.RATE,
        "cinemaabyss.notifications.campaigns.email.burst=" + NotificationsIT.BURST,
        "cinemaabyss.notifications.sms.api-key=" + NotificationsIT.SMS_KEY,
        "cinemaabyss.notifications.providers.initial-interval=20ms"})
class NotificationsIT {

    static final String TOKEN = "test-delivery-token";
    static final int RATE = 100;
    static final int BURST = 10;
    /** Campaign recipients in the segment; every tenth opted out. */
    static final int USERS = 1_000;
    static final String SMS_KEY = "sms-test-key";
    private static final Mailboxes MAIL = new Mailboxes();
    /** The stand-in push service and SMS provider, in-process on a free port. */
    private static final NotificationSandbox SANDBOX = NotificationSandbox.start(0, SMS_KEY);
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1_000);
    private static final Pattern LINK = Pattern.compile("https://cinema\\.example\\.test(/[^\\s\"<]+)");

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
        SharedTestInfra.kafka().createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(
                com.cinemaabyss.contracts.Topics.CAMPAIGN_RECIPIENTS, 1, (short) 1)));
        TestIdentity.shared().properties().forEach(registry::add);
        registry.add("spring.mail.port", MAIL::smtpPort);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("cinemaabyss.notifications.push.local-stand-in", () -> SANDBOX.url() + "/push/");
        registry.add("cinemaabyss.notifications.sms.url", () -> SANDBOX.url() + "/sms");
    }

    @AfterAll
    static void stop() {
        MAIL.close();
        SANDBOX.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    DynamoDbEnhancedClient dynamo;
    @Autowired
    DynamoSettings tables;
    @Autowired
    RecipientStore recipients;
    @Autowired
    DeliveryLedger ledger;
    @Autowired
    Templates templates;
    @Autowired
    UnsubscribeLinks links;
    @Autowired
    Notifier notifier;
    @Autowired
    Mailer mailer;
    @Autowired
    MobileNotifier mobile;
    @Autowired
    NewEpisodes newEpisodes;

    private TestHttp http() {
        return TestHttp.at(port);
    }

    private static long user() {
        return IDS.addAndGet(2);
    }

    private static String address(long user) {
        return "viewer" + user + "@example.test";
    }

    private HttpResponse<String> deliver(String topic, String id, String type, long subject, String data) {
        return http().send(http().request("/internal/events/" + topic)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/cinemaabyss/test")
                .header("ce-type", type).header("ce-subject", Long.toString(subject))
                .POST(HttpRequest.BodyPublishers.ofString(data)));
    }

    private void registered(long user, String name) {
        HttpResponse<String> r = deliver("user-events", UUID.randomUUID().toString(), EventTypes.USER_REGISTERED, user,
                "{\"user_id\":" + user + ",\"email\":\"" + address(user) + "\",\"username\":\"" + name + "\",\"roles\":[\"viewer\"],"
                        + "\"timestamp\":\"2026-11-26T10:00:00Z\"}");
        assertEquals(202, r.statusCode(), r.body());
    }

    private static String token() {
        StringBuilder s = new StringBuilder(UUID.randomUUID().toString().replace("-", "")).append(UUID.randomUUID().toString().replace("-", ""));
        return s.substring(0, 43).replace('0', '_');
    }

    private static String verification(long user, String token) {
        return "{\"user_id\":" + user + ",\"email\":\"" + address(user) + "\",\"token\":\"" + token + "\",\"expires_at\":\"2026-11-28T10:00:00Z\"}";
    }

    private static String succeeded(long user, long payment) {
        return "{\"payment_id\":" + payment + ",\"user_id\":" + user + ",\"purpose\":\"checkout\",\"checkout_id\":7,\"plan_id\":\"premium-month\","
                + "\"period\":\"month\",\"max_profiles\":4,\"trial_days\":0,\"amount\":44910,\"list_price\":49900,\"currency\":\"RUB\","
                + "\"provider_charge_id\":\"ch_1\",\"occurred_at\":\"2026-11-26T10:00:00Z\"}";
    }

    private static String link(String text) {
        Matcher m = LINK.matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    @Test
    void registrationSendsOneWelcomeWithTheEventsVerificationTokenAndLaterRequestsAPlainVerification() {
        long user = user();
        registered(user, "Neo");
        String token = token();
        String eventId = UUID.randomUUID().toString();
        assertEquals(202, deliver("user-events", eventId, EventTypes.USER_EMAIL_VERIFICATION_REQUESTED, user, verification(user, token)).statusCode());
        // The eventing layer delivers again (a lost acknowledgement): still one mail.
        assertEquals(202, deliver("user-events", eventId, EventTypes.USER_EMAIL_VERIFICATION_REQUESTED, user, verification(user, token)).statusCode());

        List<Mailboxes.Received> mails = MAIL.await(address(user), m -> m.size() >= 1);
        assertEquals(1, mails.size(), "one mail per event, whatever the redelivery");
        Mailboxes.Received welcome = mails.getFirst();
        assertEquals("Welcome to CinemaAbyss, Neo", welcome.subject());
        String verify = link(welcome.text());
        assertTrue(verify.startsWith("/#/verify-email?token="), "the web client's hash route: " + verify);
        assertEquals(token, URLDecoder.decode(verify.substring("/#/verify-email?token=".length()), StandardCharsets.UTF_8),
                "the link carries the token identity issued (POST /api/auth/verify-email with it verifies the address)");
        assertTrue(HtmlUtils.htmlUnescape(welcome.html()).contains("href=\"https://cinema.example.test/#/verify-email?token=" + token + "\""),
                welcome.html());
        assertEquals(null, welcome.listUnsubscribe(), "transactional mail has no one-click unsubscribe");

        // Asked for again later: a new event, a new token, a verification mail (not a second welcome).
        String second = token();
        assertEquals(202, deliver("user-events", UUID.randomUUID().toString(), EventTypes.USER_EMAIL_VERIFICATION_REQUESTED, user,
                verification(user, second)).statusCode());
        mails = MAIL.await(address(user), m -> m.size() >= 2);
        assertEquals(2, mails.size());
        assertEquals("Confirm your email address", mails.get(1).subject());
        assertTrue(mails.get(1).text().contains(second));
    }

    @Test
    void aReceiptInTheUsersLanguageWithPlanAmountsAndDiscountOnceWhateverTheRedelivery() {
        long user = user();
        registered(user, "Тринити");
        String me = TestIdentity.shared().bearer(user);
        HttpResponse<String> set = http().put("/api/v1/me/notification-preferences", "{\"language\":\"ru\"}", "Authorization", me);
        assertEquals(200, set.statusCode(), set.body());
        assertTrue(set.body().contains("\"language\":\"ru\""), set.body());

        String eventId = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = deliver("billing-events", eventId, EventTypes.PAYMENT_SUCCEEDED, 501, succeeded(user, 501));
            assertEquals(202, r.statusCode(), r.body());
        }
        List<Mailboxes.Received> mails = MAIL.await(address(user), m -> !m.isEmpty());
        assertEquals(1, mails.size());
        Mailboxes.Received receipt = mails.getFirst();
        assertTrue(receipt.subject().startsWith("Чек CinemaAbyss: 449,10"), receipt.subject());
        String text = receipt.text().replace('\u00a0', ' ').replace('\u202f', ' ');
        assertTrue(text.contains("Тариф: premium-month (за месяц)"), text);
        assertTrue(text.contains("Цена: 499,00"), text);
        assertTrue(text.contains("Скидка: -49,90"), text);
        assertTrue(text.contains("Списано: 449,10"), text);
        assertTrue(receipt.html().contains("<b>449,10"), receipt.html());
        assertTrue(receipt.messageId().endsWith("@notifications.cinemaabyss>"), receipt.messageId());

        // The same payment's failure notice is another event: it is sent (what to do), in Russian too.
        HttpResponse<String> failed = deliver("billing-events", UUID.randomUUID().toString(), EventTypes.PAYMENT_FAILED, 502,
                succeeded(user, 502).replace("\"provider_charge_id\":\"ch_1\",", "\"failure_code\":\"card_declined\","));
        assertEquals(202, failed.statusCode(), failed.body());
        mails = MAIL.await(address(user), m -> m.size() >= 2);
        assertEquals("Платёж CinemaAbyss не прошёл", mails.get(1).subject());
        assertTrue(mails.get(1).text().contains("card_declined"), mails.get(1).text());

        HttpResponse<String> refunded = deliver("billing-events", UUID.randomUUID().toString(), EventTypes.PAYMENT_REFUNDED, 501,
                "{\"payment_id\":501,\"refund_id\":1,\"user_id\":" + user + ",\"purpose\":\"checkout\",\"plan_id\":\"premium-month\","
                        + "\"amount\":44910,\"refunded_total\":44910,\"paid_amount\":44910,\"currency\":\"RUB\",\"full\":true,"
                        + "\"occurred_at\":\"2026-11-27T10:00:00Z\"}");
        assertEquals(202, refunded.statusCode(), refunded.body());
        mails = MAIL.await(address(user), m -> m.size() >= 3);
        assertTrue(mails.get(2).subject().startsWith("CinemaAbyss вернул 449,10"), mails.get(2).subject());
        assertTrue(mails.get(2).text().contains("Платёж возвращён полностью."), mails.get(2).text());
    }

    @Test
    void anEventForAUserWhoseAddressIsNotKnownYetIsRetriedLaterAndABrokenOneIsRefused() {
        long stranger = user();
        HttpResponse<String> early = deliver("billing-events", UUID.randomUUID().toString(), EventTypes.PAYMENT_SUCCEEDED, 9, succeeded(stranger, 9));
        assertEquals(503, early.statusCode(), early.body());
        assertTrue(early.body().contains("no address is known"), early.body());

        HttpResponse<String> broken = deliver("billing-events", UUID.randomUUID().toString(), EventTypes.PAYMENT_SUCCEEDED, 9,
                succeeded(stranger, 9).replace("\"RUB\"", "\"rubles\""));
        assertEquals(400, broken.statusCode(), broken.body());
        assertTrue(broken.body().contains("\"error\""), broken.body());
        HttpResponse<String> other = deliver("billing-events", UUID.randomUUID().toString(), EventTypes.CHECKOUT_STARTED, 9, "{}");
        assertEquals(202, other.statusCode(), "a type notifications does not act on is acknowledged unread");
    }

    @Test
    void preferencesAreTheCallersAndTransactionalCannotBeTurnedOff() {
        long user = user();
        String me = TestIdentity.shared().bearer(user);
        HttpResponse<String> fresh = http().get("/api/v1/me/notification-preferences", "Authorization", me);
        assertEquals(200, fresh.statusCode(), fresh.body());
        assertEquals("{\"user_id\":" + user + ",\"language\":\"en\",\"email\":{\"marketing\":true,\"transactional\":true},"
                + "\"push\":{\"marketing\":true,\"transactional\":true},\"sms\":{\"marketing\":true,\"transactional\":true}}", fresh.body());
        HttpResponse<String> changed = http().put("/api/v1/me/notification-preferences", "{\"sms\":{\"marketing\":false}}", "Authorization", me);
        assertTrue(changed.body().contains("\"sms\":{\"marketing\":false"), changed.body());
        assertTrue(changed.body().contains("\"email\":{\"marketing\":true"), "what the change left out stays: " + changed.body());

        assertEquals(401, http().get("/api/v1/me/notification-preferences").statusCode());
        assertTrue(TestHttp.isJsonError(http().put("/api/v1/me/notification-preferences", "{\"email\":{\"transactional\":false}}",
                "Authorization", me), 400, "cannot be turned off"));
        assertTrue(TestHttp.isJsonError(http().put("/api/v1/me/notification-preferences", "{\"language\":\"de\"}", "Authorization", me), 400,
                "language"));
        assertTrue(TestHttp.isJsonError(http().put("/api/v1/me/notification-preferences", "{}", "Authorization", me), 400, "nothing to change"));
    }

    @Test
    void theUnsubscribeLinkInAMailWorksWithoutSigningInAndATamperedOneDoesNot() {
        long user = user();
        registered(user, "Morpheus");
        assertEquals(202, deliver("user-events", UUID.randomUUID().toString(), EventTypes.USER_PASSWORD_RESET_REQUESTED, user,
                verification(user, token())).statusCode());
        Mailboxes.Received reset = MAIL.await(address(user), m -> !m.isEmpty()).getFirst();
        assertEquals("Reset your CinemaAbyss password", reset.subject());
        assertTrue(reset.text().contains("https://cinema.example.test/#/reset-password?token="), "the web client's hash route: " + reset.text());
        String[] lines = reset.text().split("\n");
        String unsubscribe = link(lines[lines.length - 1]);
        assertTrue(unsubscribe.startsWith("/api/v1/notifications/unsubscribe?user=" + user + "&channel=email&sig="), unsubscribe);

        String other = unsubscribe.replace("user=" + user, "user=" + (user + 2));
        assertTrue(TestHttp.isJsonError(http().post(other, ""), 403, "not valid"), "a link for another user is refused");
        String flipped = unsubscribe.substring(0, unsubscribe.length() - 1) + (unsubscribe.endsWith("A") ? "B" : "A");
        assertTrue(TestHttp.isJsonError(http().post(flipped, ""), 403, "not valid"));
        assertTrue(TestHttp.isJsonError(http().post(unsubscribe.replace("channel=email", "channel=fax"), ""), 400, "channel"));
        assertTrue(TestHttp.isJsonError(http().post(unsubscribe.replace("channel=email", "channel=sms"), ""), 403, "not valid"));

        HttpResponse<String> check = http().get(unsubscribe);
        assertEquals(200, check.statusCode(), check.body());
        String me = TestIdentity.shared().bearer(user);
        assertTrue(http().get("/api/v1/me/notification-preferences", "Authorization", me).body().contains("\"email\":{\"marketing\":true"),
                "a GET (a link scanner) unsubscribes nobody");
        HttpResponse<String> done = http().send(http().request(unsubscribe).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")));
        assertEquals(200, done.statusCode(), done.body());
        assertTrue(http().get("/api/v1/me/notification-preferences", "Authorization", me).body().contains("\"email\":{\"marketing\":false"));
    }

    @Test
    void mailGoesToTheAddressOfTheNewestAccountVersionAndAnOlderChangeIsIgnored() {
        long user = user();
        registered(user, "Smith");
        String changed = "renamed" + user + "@example.test";
        assertEquals(202, deliver("user-changes", UUID.randomUUID().toString(), EventTypes.USER_UPSERTED, user,
                "{\"id\":" + user + ",\"email\":\"" + changed + "\",\"username\":\"Smith\",\"version\":3}").statusCode());
        // A late copy of version 2 (delivered out of order) must not bring the old address back.
        assertEquals(202, deliver("user-changes", UUID.randomUUID().toString(), EventTypes.USER_UPSERTED, user,
                "{\"id\":" + user + ",\"email\":\"" + address(user) + "\",\"username\":\"Smith\",\"version\":2}").statusCode());
        assertEquals(202, deliver("subscription-events", UUID.randomUUID().toString(), EventTypes.SUBSCRIPTION_RENEWAL_UPCOMING, 77,
                "{\"subscription_id\":77,\"user_id\":" + user + ",\"plan_id\":\"basic-month\",\"renews_at\":\"2026-12-01T10:00:00Z\","
                        + "\"amount\":29900,\"currency\":\"RUB\"}").statusCode());
        List<Mailboxes.Received> mails = MAIL.await(changed, m -> !m.isEmpty());
        assertEquals(1, mails.size());
        assertEquals("Your CinemaAbyss subscription renews on December 1, 2026", mails.getFirst().subject());
        assertTrue(mails.getFirst().text().replace('\u00a0', ' ').contains("we will charge 299.00 RUB"), mails.getFirst().text());
        assertTrue(MAIL.read(address(user)).isEmpty(), "nothing to the old address");
    }

    @Test
    void aSendTheServerCouldNotTakeReleasesItsClaimSoTheRedeliverySendsIt() throws Exception {
        long user = user();
        registered(user, "Oracle");
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
        unreachable.setHost("127.0.0.1");
        unreachable.setPort(closed);
        Notifier down = new Notifier(recipients, ledger, templates, new Mailer(unreachable, "no-reply@example.test", "CinemaAbyss"), links,
                "https://cinema.example.test", null, null, mobile, newEpisodes);
        io.cloudevents.CloudEvent event = io.cloudevents.core.builder.CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withSource(java.net.URI.create("/cinemaabyss/test")).withType(EventTypes.PAYMENT_SUCCEEDED).withSubject("601")
                .withDataContentType("application/json").withData(succeeded(user, 601).getBytes(StandardCharsets.UTF_8)).build();
        UnavailableException refused = assertThrows(UnavailableException.class, () -> down.handle(event));
        assertTrue(refused.getMessage().contains("retry later"), refused.getMessage());
        // The claim is gone, so the redelivery (here through the working SMTP server) sends at once instead of waiting 2 minutes.
        assertEquals(Notifier.Outcome.SENT, notifier.handle(event));
        assertEquals(Notifier.Outcome.DUPLICATE, notifier.handle(event));
        assertEquals(1, MAIL.await(address(user), m -> !m.isEmpty()).size());
    }

    @Test
    void marketingMailCarriesTheOneClickUnsubscribeHeadersOfRfc8058AndTheMessageIdItWasGiven() {
        long user = user();
        String link = links.link(user, com.cinemaabyss.notifications.domain.Channel.EMAIL);
        mailer.send(new com.cinemaabyss.notifications.mail.Mail(address(user), "News", "text", "<p>html</p>", "<fixed-" + user + "@notifications.cinemaabyss>",
                link));
        Mailboxes.Received news = MAIL.await(address(user), m -> !m.isEmpty()).getFirst();
        assertEquals("<" + link + ">", news.listUnsubscribe());
        assertEquals("List-Unsubscribe=One-Click", news.listUnsubscribePost());
        assertEquals("<fixed-" + user + "@notifications.cinemaabyss>", news.messageId(), "derived from the event, never a random one");
        assertEquals("text", news.text().strip());
        assertEquals("<p>html</p>", news.html().strip());
    }

    /** The crash between "sending" and "sent": a young claim asks for a later retry, a stale one is sent once more, then no more. */
    @Test
    void aSendThatDiedBetweenItsTwoWritesIsSentOnceMoreAfterStaleAfterAndThenGivenUp() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
        DeliveryLedger ledger = new DeliveryLedger(dynamo.table(tables.table("deliveries"), TableSchema.fromBean(DeliveryItem.class)), clock,
                Duration.ofMinutes(2), 2);
        String id = "crash-" + UUID.randomUUID();
        DeliveryLedger.Claim first = ledger.begin(id, Kind.RECEIPT, 1).orElseThrow();
        assertEquals(1, first.attempt());
        // The process dies here (no "sent"); the eventing layer redelivers at once: it may still be sending.
        assertThrows(UnavailableException.class, () -> ledger.begin(id, Kind.RECEIPT, 1));
        clock.advance(Duration.ofMinutes(3));
        DeliveryLedger.Claim second = ledger.begin(id, Kind.RECEIPT, 1).orElseThrow();
        assertEquals(2, second.attempt());
        clock.advance(Duration.ofMinutes(3));
        assertTrue(ledger.begin(id, Kind.RECEIPT, 1).isEmpty(), "after max-attempts it is recorded as failed, not sent a third time");
        assertEquals(DeliveryLedger.FAILED, ledger.find(id).orElseThrow().getStatus());

        String done = "done-" + UUID.randomUUID();
        ledger.sent(ledger.begin(done, Kind.RECEIPT, 1).orElseThrow());
        clock.advance(Duration.ofHours(1));
        assertTrue(ledger.begin(done, Kind.RECEIPT, 1).isEmpty());
        assertEquals(DeliveryLedger.SENT, ledger.find(done).orElseThrow().getStatus());
        assertNotNull(ledger.find(done).orElseThrow().getExpiresAt());
        assertFalse(ledger.find(done).orElseThrow().getExpiresAt() < clock.instant().getEpochSecond());
    }

    /**
     * A campaign to 1,000 users of one plan (the projection written straight into the store): the fan-out goes through
     * Kafka, each recipient event is delivered to the function (here by the test, as the KafkaSource does, in parallel
     * and with the redeliveries a 503 asks for), the opted-out are skipped, the counts add up, and the send times the
     * ledger recorded never exceed the configured rate.
     */
    @Test
    void aCampaignToAThousandUsersRespectsTheRateSkipsTheOptedOutAndCountsItsProgress() throws Exception {
        String plan = "it-" + UUID.randomUUID().toString().substring(0, 8);
        List<com.cinemaabyss.notifications.store.RecipientItem> users = new java.util.ArrayList<>();
        for (int i = 0; i < USERS + 20; i++) {
            var item = new com.cinemaabyss.notifications.store.RecipientItem();
            item.setUserId(user());
            item.setEmail(address(item.getUserId()));
            item.setUsername("Viewer " + i);
            item.setEmailVersion(1L);
            item.setPlan(i < USERS + 10 ? plan : "other-" + plan);   // ten on another plan: outside the segment
            // Opened from Russia or Kazakhstan; ten of the plan's from Germany or from nowhere known: outside the segment too.
            item.setCountry(i < USERS ? (i % 2 == 0 ? "RU" : "KZ") : i % 2 == 0 ? "DE" : null);
            item.setLanguage(i % 3 == 0 ? "ru" : null);
            item.setEmailMarketing(i % 10 == 0 ? Boolean.FALSE : null);   // every tenth opted out
            users.add(item);
        }
        seed(users);
        String admin = TestIdentity.shared().bearer(1, "admin");
        String body = "{\"template\":\"news\",\"channel\":\"email\",\"segment\":{\"plans\":[\"" + plan + "\"],\"countries\":[\"RU\",\"KZ\"],"
                + "\"languages\":[\"en\",\"ru\"]}}";
        assertEquals(403, http().post("/api/v1/campaigns", body, "Authorization", TestIdentity.shared().bearer(user())).statusCode());
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/campaigns", body.replace("\"email\"", "\"fax\""), "Authorization", admin), 400, "channel"));
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/campaigns", body.replace("\"news\"", "\"receipt\""), "Authorization", admin), 400,
                "template"));
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/campaigns", body.replace("[\"RU\",\"KZ\"]", "[\"Russia\"]"),
                "Authorization", admin), 400, "countries"));

        String key = UUID.randomUUID().toString();
        HttpResponse<String> posted = http().post("/api/v1/campaigns", body, "Authorization", admin, "Idempotency-Key", key);
        assertEquals(202, posted.statusCode(), posted.body());
        assertTrue(posted.body().contains("\"queued\":" + USERS), posted.body());
        String id = posted.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        HttpResponse<String> again = http().post("/api/v1/campaigns", body, "Authorization", admin, "Idempotency-Key", key);
        assertEquals(posted.body(), again.body(), "the same Idempotency-Key answers the same campaign");

        // What the fan-out published, delivered as the KafkaSource would (parallel, a 503 delivered again later).
        List<io.cloudevents.CloudEvent> events = queued(id, USERS);
        assertEquals(EventTypes.CAMPAIGN_RECIPIENT_QUEUED, events.getFirst().getType());
        java.util.Map<Notifier.Outcome, java.util.concurrent.atomic.AtomicInteger> outcomes = deliverAsTheKafkaSourceWould(events);
        // A DUPLICATE here is a redelivery after a 503 that came when the work was done (a slow store under load): the
        // ledger and the campaign's counters below say exactly what was sent and skipped.
        int duplicates = outcomes.containsKey(Notifier.Outcome.DUPLICATE) ? outcomes.get(Notifier.Outcome.DUPLICATE).get() : 0;
        int sent = outcomes.get(Notifier.Outcome.SENT).get();
        int skipped = outcomes.get(Notifier.Outcome.SKIPPED_BY_PREFERENCE).get();
        assertEquals(USERS, sent + skipped + duplicates, outcomes.toString());
        assertTrue(sent <= USERS - USERS / 10 && skipped <= USERS / 10 && duplicates < USERS / 20, outcomes.toString());
        // A redelivery of one of each: nothing sent or counted again.
        assertEquals(Notifier.Outcome.DUPLICATE, notifier.handle(events.get(0)));
        assertEquals(Notifier.Outcome.DUPLICATE, notifier.handle(events.get(1)));

        HttpResponse<String> progress = http().get("/api/v1/campaigns/" + id, "Authorization", admin);
        assertEquals(200, progress.statusCode(), progress.body());
        assertTrue(progress.body().contains("\"progress\":{\"queued\":" + USERS + ",\"sent\":" + (USERS - USERS / 10) + ",\"skipped_by_preference\":" + USERS / 10 + ",\"failed\":0}"),
                progress.body());
        assertTrue(TestHttp.isJsonError(http().get("/api/v1/campaigns/" + UUID.randomUUID(), "Authorization", admin), 404, "no campaign"));

        // The send times the ledger recorded: in any second, at most the burst plus a second's refill.
        List<Long> sentAt = new java.util.ArrayList<>();
        dynamo.table(tables.table("deliveries"), TableSchema.fromBean(DeliveryItem.class)).scan(r -> r.filterExpression(
                software.amazon.awssdk.enhanced.dynamodb.Expression.builder().expression("campaignId = :c AND #st = :sent")
                        .expressionNames(java.util.Map.of("#st", "status"))
                        .expressionValues(java.util.Map.of(":c", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id),
                                ":sent", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("sent"))).build()))
                .items().forEach(item -> sentAt.add(item.getStartedAt()));
        assertEquals(USERS - USERS / 10, sentAt.size());
        java.util.Collections.sort(sentAt);
        for (int i = 0, j = 0; i < sentAt.size(); i++) {
            while (j < sentAt.size() && sentAt.get(j) < sentAt.get(i) + 1_000) {
                j++;
            }
            assertTrue(j - i <= RATE + BURST, (j - i) + " sends in the second from " + sentAt.get(i));
        }
        assertTrue(sentAt.getLast() - sentAt.getFirst() >= (USERS - USERS / 10 - BURST) * 1_000L / RATE - 50,
                (USERS - USERS / 10) + " sends at " + RATE + "/s take their time: " + (sentAt.getLast() - sentAt.getFirst()) + " ms");

        // The mail itself: the campaign's template with the RFC 8058 headers.
        long reader = users.get(1).getUserId();
        Mailboxes.Received news = MAIL.await(address(reader), m -> !m.isEmpty()).getFirst();
        assertEquals("New on CinemaAbyss this week", news.subject());
        assertEquals("<" + links.link(reader, com.cinemaabyss.notifications.domain.Channel.EMAIL) + ">", news.listUnsubscribe());
        assertEquals("List-Unsubscribe=One-Click", news.listUnsubscribePost());
        assertTrue(MAIL.read(address(users.get(0).getUserId())).isEmpty(), "the opted-out got nothing");
    }

    @Test
    void theSubscriptionChangelogGivesEachUserThePlanOfASubscriptionThatGivesAccessAndNoneOnceItEnds() {
        long user = user();
        String active = "{\"subscription_id\":42,\"user_id\":" + user + ",\"plan_id\":\"premium-month\",\"status\":\"active\","
                + "\"period_start\":\"2026-11-01T00:00:00Z\",\"period_end\":\"2026-12-01T00:00:00Z\"}";
        assertEquals(202, deliver("subscription-changes", UUID.randomUUID().toString(), EventTypes.SUBSCRIPTION_UPSERTED, 42, active).statusCode());
        assertEquals("premium-month", recipients.find(user).orElseThrow().getPlan());
        assertEquals(202, deliver("subscription-changes", UUID.randomUUID().toString(), EventTypes.SUBSCRIPTION_UPSERTED, 42,
                active.replace("\"active\"", "\"canceled\"")).statusCode());
        assertEquals("", recipients.find(user).orElseThrow().getPlan(), "no plan: outside every plan segment");
        assertEquals(400, deliver("subscription-changes", UUID.randomUUID().toString(), EventTypes.SUBSCRIPTION_UPSERTED, 42,
                active.replace("\"active\"", "\"paused\"")).statusCode(), "a breach of the contract is refused (dead-lettered)");

        // Where the account was opened from (the country segment): identity's registration says it, a later change keeps it.
        long opened = user();
        String registration = "{\"user_id\":" + opened + ",\"email\":\"" + address(opened) + "\",\"username\":\"Kaz\",\"roles\":[\"viewer\"],"
                + "\"timestamp\":\"2026-11-26T10:00:00Z\",\"country\":\"KZ\"}";
        assertEquals(202, deliver("user-events", UUID.randomUUID().toString(), EventTypes.USER_REGISTERED, opened, registration).statusCode());
        assertEquals(202, deliver("user-changes", UUID.randomUUID().toString(), EventTypes.USER_UPSERTED, opened,
                "{\"id\":" + opened + ",\"email\":\"new" + address(opened) + "\",\"username\":\"Kaz\",\"version\":2}").statusCode());
        assertEquals("KZ", recipients.find(opened).orElseThrow().getCountry());
        assertEquals(400, deliver("user-events", UUID.randomUUID().toString(), EventTypes.USER_REGISTERED, opened,
                registration.replace("\"KZ\"", "\"Kazakhstan\"")).statusCode());
    }

    @Test
    void aBrowsersPushSubscriptionIsStoredOncePerEndpointForTheCallerAndAnythingMalformedIsRefused() {
        long user = user();
        String me = TestIdentity.shared().bearer(user);
        byte[] point = com.cinemaabyss.notifications.providers.WebPushEncryption.raw(
                (java.security.interfaces.ECPublicKey) com.cinemaabyss.notifications.providers.WebPushEncryption.newKeyPair().getPublic());
        String p256dh = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(point);
        byte[] offCurve = point.clone();
        offCurve[40] ^= 1;
        String auth = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
        String body = "{\"endpoint\":\"https://push.example.test/send/abc" + user + "\",\"expirationTime\":null,"
                + "\"keys\":{\"p256dh\":\"" + p256dh + "\",\"auth\":\"" + auth + "\"}}";
        HttpResponse<String> created = http().post("/api/v1/me/push-subscriptions", body, "Authorization", me, "Idempotency-Key", "push-" + user);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(201, http().post("/api/v1/me/push-subscriptions", body, "Authorization", me).statusCode(), "the same browser again");
        HttpResponse<String> local = http().post("/api/v1/me/push-subscriptions",
                body.replace("https://push.example.test/send/", SANDBOX.url() + "/push/"), "Authorization", me);
        assertEquals(201, local.statusCode(), "the configured local stand-in: " + local.body());
        HttpResponse<String> mine = http().get("/api/v1/me/push-subscriptions", "Authorization", me);
        assertEquals(2, mine.body().split("\"endpoint\"", -1).length - 1, "one per endpoint: " + mine.body());
        assertFalse(mine.body().contains(p256dh), "the keys are not shown back");
        assertTrue(http().get("/api/v1/me/push-subscriptions", "Authorization", TestIdentity.shared().bearer(user()))
                .body().contains("\"items\":[]"), "another caller sees none of them");

        assertEquals(401, http().post("/api/v1/me/push-subscriptions", body).statusCode());
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/me/push-subscriptions",
                body.replace("https://push.example.test", "http://push.example.test"), "Authorization", me), 400, "https"));
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/me/push-subscriptions",
                body.replace("https://push.example.test", "http://127.0.0.1:9999"), "Authorization", me), 400, "https"));
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/me/push-subscriptions", body.replace(p256dh, p256dh.substring(4)),
                "Authorization", me), 400, "p256dh"));
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/me/push-subscriptions",
                body.replace(p256dh, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(offCurve)), "Authorization", me), 400,
                "a point of the curve"), "a key no push message could be encrypted for");
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/me/push-subscriptions", body.replace(auth, "not base64!"),
                "Authorization", me), 400, "auth"));
        assertTrue(TestHttp.isJsonError(http().post("/api/v1/me/push-subscriptions",
                body.replace("abc" + user, "x".repeat(2100)), "Authorization", me), 400, "endpoint"));
    }

    /** A test subscription of the stand-in, registered for {@code user} through the route a browser uses; its id at the stand-in. */
    private String subscribeAtStandIn(long user) {
        java.util.Map<String, Object> subscription = SANDBOX.newSubscription();
        HttpResponse<String> created = http().post("/api/v1/me/push-subscriptions", JSON.writeValueAsString(subscription),
                "Authorization", TestIdentity.shared().bearer(user));
        assertEquals(201, created.statusCode(), created.body());
        String endpoint = subscription.get("endpoint").toString();
        return endpoint.substring(endpoint.lastIndexOf('/') + 1);
    }

    /** What the stand-in took for a recipient, once {@code until} holds (the pushes are sent within the delivery: no waiting). */
    private static List<java.util.Map<String, Object>> received(String to) {
        return SANDBOX.received(to);
    }

    private static String renewal(long user) {
        return "{\"subscription_id\":77,\"user_id\":" + user + ",\"plan_id\":\"basic-month\",\"amount\":29900,\"currency\":\"RUB\","
                + "\"renews_at\":\"2026-12-01T00:00:00Z\"}";
    }

    @Test
    void aDeclinedPaymentIsPushedAndTextedOnceWhateverTheRedeliveryAndTheStandInDecryptsThePush() throws Exception {
        long user = user();
        registered(user, "Switch");
        String me = TestIdentity.shared().bearer(user);
        assertEquals(200, http().put("/api/v1/me/notification-preferences", "{\"phone\":\"+79161234567\"}", "Authorization", me).statusCode());
        assertTrue(http().get("/api/v1/me/notification-preferences", "Authorization", me).body().contains("\"phone\":\"+79161234567\""));
        assertTrue(TestHttp.isJsonError(http().put("/api/v1/me/notification-preferences", "{\"phone\":\"8 916 123\"}", "Authorization", me),
                400, "E.164"));
        String device = subscribeAtStandIn(user);
        String declined = succeeded(user, 701).replace("\"provider_charge_id\":\"ch_1\",", "\"failure_code\":\"card_declined\",");
        String eventId = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = deliver("billing-events", eventId, EventTypes.PAYMENT_FAILED, 701, declined);
            assertEquals(202, r.statusCode(), r.body());
        }
        List<java.util.Map<String, Object>> pushes = received(device);
        assertEquals(1, pushes.size(), "one push per event, whatever the redelivery: " + pushes);
        tools.jackson.databind.JsonNode push = JSON.readTree(pushes.getFirst().get("payload").toString());
        assertEquals("Your CinemaAbyss payment did not go through", push.path("title").asString());
        assertTrue(push.path("body").asString().contains("card_declined"), push.toString());
        assertEquals("https://cinema.example.test/#/account", push.path("url").asString());
        assertEquals("high", pushes.getFirst().get("urgency"), "transactional pushes are urgent");
        assertEquals("mailto:notifications@cinemaabyss.local", pushes.getFirst().get("vapid_subject"));
        List<java.util.Map<String, Object>> texts = received("+79161234567");
        assertEquals(1, texts.size(), texts.toString());
        assertTrue(texts.getFirst().get("payload").toString().startsWith("We could not charge 449.10"), texts.toString());
        assertEquals(1, MAIL.await(address(user), m -> !m.isEmpty()).size(), "and the mail, once");

        HttpResponse<String> key = http().get("/api/v1/notifications/push-key");
        assertEquals(200, key.statusCode());
        assertTrue(key.body().matches("\\{\"public_key\":\"B[A-Za-z0-9_-]{86}\"}"), key.body());
    }

    @Test
    void aPushServicesTransientFailureIsRetriedWithBackoffAndAGoneSubscriptionIsRemoved() throws Exception {
        long user = user();
        registered(user, "Apoc");
        String device = subscribeAtStandIn(user);
        // Two 503s: the Resilience4j retries within the delivery get it through on the third attempt.
        SANDBOX.failNext(device, 503, 2);
        assertEquals(202, deliver("subscription-events", UUID.randomUUID().toString(), EventTypes.SUBSCRIPTION_RENEWAL_UPCOMING, 77,
                renewal(user)).statusCode());
        assertEquals(1, received(device).size());
        assertTrue(received(device).getFirst().get("payload").toString().contains("renews on December 1, 2026"), received(device).toString());
        // Three: the retries are used up, the delivery is answered 503 and its redelivery sends it (once).
        SANDBOX.failNext(device, 503, 3);
        String second = UUID.randomUUID().toString();
        assertEquals(503, deliver("subscription-events", second, EventTypes.SUBSCRIPTION_RENEWAL_UPCOMING, 77, renewal(user)).statusCode());
        assertEquals(1, received(device).size());
        assertEquals(202, deliver("subscription-events", second, EventTypes.SUBSCRIPTION_RENEWAL_UPCOMING, 77, renewal(user)).statusCode());
        assertEquals(2, received(device).size());

        // 410: the browser unsubscribed; the push is recorded as failed with the reason and the subscription removed.
        SANDBOX.failNext(device, 410, 0);
        io.cloudevents.CloudEvent gone = io.cloudevents.core.builder.CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withSource(java.net.URI.create("/cinemaabyss/test")).withType(EventTypes.SUBSCRIPTION_RENEWAL_UPCOMING).withSubject("77")
                .withDataContentType("application/json").withData(renewal(user).getBytes(StandardCharsets.UTF_8)).build();
        assertEquals(Notifier.Outcome.SENT, notifier.handle(gone), "the mail");
        SANDBOX.clear(device);
        assertTrue(http().get("/api/v1/me/push-subscriptions", "Authorization", TestIdentity.shared().bearer(user)).body().contains("\"items\":[]"));
        DeliveryItem entry = ledger.find(pushLedgerId(gone)).orElseThrow();
        assertEquals(DeliveryLedger.FAILED, entry.getStatus());
        assertTrue(entry.getFailure().contains("410") && entry.getFailure().contains("removed"), entry.getFailure());
        assertEquals(2, received(device).size());
    }

    private static String pushLedgerId(io.cloudevents.CloudEvent event) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest((event.getSource() + "\n" + event.getId() + "\npush").getBytes(StandardCharsets.UTF_8)));
    }

    private static String series(long id, long version, long... episodes) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < episodes.length; i++) {
            list.append(i == 0 ? "" : ",").append("{\"id\":").append(episodes[i]).append(",\"number\":").append(i + 1)
                    .append(",\"title\":\"Episode ").append(i + 1).append("\"}");
        }
        return "{\"id\":" + id + ",\"kind\":\"series\",\"status\":\"published\",\"title\":\"Series " + id + "\",\"description\":\"\","
                + "\"people\":[],\"genres\":[],\"countries\":[],\"age_rating\":12,\"seasons\":[{\"number\":2,\"episodes\":[" + list + "]}],"
                + "\"rating\":{\"average\":0,\"votes\":0},\"offered_licences\":[],\"version\":" + version + ",\"updated_at\":\"2026-11-26T10:00:00Z\"}";
    }

    private void favorite(String type, long profile, long user, long title, String at) {
        assertEquals(202, deliver("profile-events", UUID.randomUUID().toString(), type, profile,
                "{\"profile_id\":" + profile + ",\"user_id\":" + user + ",\"title_id\":" + title + ",\"at\":\"" + at + "\"}").statusCode());
    }

    @Test
    void aNewEpisodeOfASeriesInAProfilesFavouritesIsPushedOncePerUser() throws Exception {
        long fan = user();
        long former = user();
        String fanDevice = subscribeAtStandIn(fan);
        String formerDevice = subscribeAtStandIn(former);
        long title = user() * 10;
        // Two of the fan's profiles follow the series; the other user followed it and stopped.
        favorite(EventTypes.PROFILE_FAVORITE_ADDED, fan * 10 + 1, fan, title, "2026-11-26T09:00:00Z");
        favorite(EventTypes.PROFILE_FAVORITE_ADDED, fan * 10 + 2, fan, title, "2026-11-26T09:00:01Z");
        favorite(EventTypes.PROFILE_FAVORITE_ADDED, former * 10 + 1, former, title, "2026-11-26T09:00:00Z");
        favorite(EventTypes.PROFILE_FAVORITE_REMOVED, former * 10 + 1, former, title, "2026-11-26T09:30:00Z");
        // An add delivered late (older than the removal) does not bring the favourite back.
        favorite(EventTypes.PROFILE_FAVORITE_ADDED, former * 10 + 1, former, title, "2026-11-26T09:10:00Z");

        assertEquals(202, deliver("title-changes", UUID.randomUUID().toString(), EventTypes.TITLE_UPSERTED, title, series(title, 1, title + 1)).statusCode());
        assertTrue(received(fanDevice).isEmpty(), "the first version seen only records the episodes");
        String v2 = UUID.randomUUID().toString();
        assertEquals(202, deliver("title-changes", v2, EventTypes.TITLE_UPSERTED, title, series(title, 2, title + 1, title + 2)).statusCode());
        assertEquals(202, deliver("title-changes", v2, EventTypes.TITLE_UPSERTED, title, series(title, 2, title + 1, title + 2)).statusCode());
        // A later change that adds no episode (a rating, a description): nothing new.
        assertEquals(202, deliver("title-changes", UUID.randomUUID().toString(), EventTypes.TITLE_UPSERTED, title,
                series(title, 3, title + 1, title + 2).replace("\"votes\":0", "\"votes\":5")).statusCode());

        List<java.util.Map<String, Object>> pushes = received(fanDevice);
        assertEquals(1, pushes.size(), "one push per (episode, user), whatever the redelivery and the profiles: " + pushes);
        tools.jackson.databind.JsonNode push = JSON.readTree(pushes.getFirst().get("payload").toString());
        assertEquals("New episode of Series " + title, push.path("title").asString());
        assertEquals("Season 2, episode 2: Episode 2. It is in your favourites on CinemaAbyss.", push.path("body").asString());
        assertEquals("https://cinema.example.test/#/title/" + title, push.path("url").asString());
        assertEquals("low", pushes.getFirst().get("urgency"));
        assertTrue(received(formerDevice).isEmpty(), "a removed favourite is not followed");

        // The fan turns push marketing off: the next episode is not pushed.
        assertEquals(200, http().put("/api/v1/me/notification-preferences", "{\"push\":{\"marketing\":false}}", "Authorization",
                TestIdentity.shared().bearer(fan)).statusCode());
        assertEquals(202, deliver("title-changes", UUID.randomUUID().toString(), EventTypes.TITLE_UPSERTED, title,
                series(title, 4, title + 1, title + 2, title + 3)).statusCode());
        assertEquals(1, received(fanDevice).size());
    }

    /** The projection of users written straight into the store, 25 a batch. */
    private void seed(List<com.cinemaabyss.notifications.store.RecipientItem> users) {
        var table = dynamo.table(tables.table("recipients"), TableSchema.fromBean(com.cinemaabyss.notifications.store.RecipientItem.class));
        for (int from = 0; from < users.size(); from += 25) {
            var batch = software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch.builder(com.cinemaabyss.notifications.store.RecipientItem.class)
                    .mappedTableResource(table);
            users.subList(from, Math.min(users.size(), from + 25)).forEach(batch::addPutItem);
            dynamo.batchWriteItem(r -> r.addWriteBatch(batch.build()));
        }
    }

    /** What a campaign's fan-out published to campaign-recipients (the expected number of its events). */
    private static List<io.cloudevents.CloudEvent> queued(String campaignId, int expected) {
        List<io.cloudevents.CloudEvent> events = new java.util.ArrayList<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, io.cloudevents.CloudEvent>(java.util.Map.of(
                // No group: the partition is assigned and read from the start, nothing committed (no offsets topic to make).
                "bootstrap.servers", SharedTestInfra.kafkaBootstrapServers(), "enable.auto.commit", "false", "auto.offset.reset", "earliest",
                "key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class,
                "value.deserializer", io.cloudevents.kafka.CloudEventDeserializer.class))) {
            var partition = new org.apache.kafka.common.TopicPartition(com.cinemaabyss.contracts.Topics.CAMPAIGN_RECIPIENTS, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (events.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value().getId().startsWith(campaignId + ":")) {
                        events.add(r.value());
                    }
                });
            }
        }
        assertEquals(expected, events.size());
        return events;
    }

    /**
     * Each event handed to the function as the KafkaSource does: in parallel, and again a little later after a 503. The
     * outcome counted is each event's last; a DUPLICATE can only follow a 503 (each event is delivered anew only then).
     */
    private java.util.Map<Notifier.Outcome, java.util.concurrent.atomic.AtomicInteger> deliverAsTheKafkaSourceWould(List<io.cloudevents.CloudEvent> events) {
        java.util.Map<Notifier.Outcome, java.util.concurrent.atomic.AtomicInteger> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        try (var deliveries = java.util.concurrent.Executors.newFixedThreadPool(24)) {
            for (io.cloudevents.CloudEvent event : events) {
                deliveries.submit(() -> {
                    while (true) {
                        try {
                            outcomes.computeIfAbsent(notifier.handle(event), o -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                            return null;
                        } catch (UnavailableException later) {
                            Thread.sleep(50);
                        }
                    }
                });
            }
        }
        return outcomes;
    }

    @Test
    void anSmsCampaignGoesThroughTheProviderSkipsTheOptedOutAndCountsTheUnreachable() throws Exception {
        String plan = "sms-" + UUID.randomUUID().toString().substring(0, 8);
        List<com.cinemaabyss.notifications.store.RecipientItem> users = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            var item = new com.cinemaabyss.notifications.store.RecipientItem();
            item.setUserId(user());
            item.setEmail(address(item.getUserId()));
            item.setEmailVersion(1L);
            item.setPlan(plan);
            item.setLanguage(i == 2 ? "ru" : null);
            item.setPhone(i == 1 ? null : "+7" + String.format("%010d", item.getUserId() % 10_000_000_000L));
            item.setSmsMarketing(i == 0 ? Boolean.FALSE : null);   // the first opted out of SMS; the second gave no number
            users.add(item);
        }
        seed(users);
        HttpResponse<String> posted = http().post("/api/v1/campaigns", "{\"template\":\"news\",\"channel\":\"sms\",\"segment\":{\"plans\":[\""
                + plan + "\"]}}", "Authorization", TestIdentity.shared().bearer(1, "admin"));
        assertEquals(202, posted.statusCode(), posted.body());
        String id = posted.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
        SANDBOX.failNext(users.get(3).getPhone(), 503, 1);   // retried within the delivery
        SANDBOX.failNext(users.get(4).getPhone(), 400, 0);   // the provider refuses the number: failed for good
        var outcomes = deliverAsTheKafkaSourceWould(queued(id, 6));
        assertEquals(6, outcomes.values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum(), outcomes.toString());
        assertFalse(outcomes.containsKey(Notifier.Outcome.NO_ADDRESS), "a campaign counts the unreachable: " + outcomes);
        SANDBOX.clear(users.get(4).getPhone());

        assertTrue(received(users.get(0).getPhone()).isEmpty(), "the opted-out got nothing");
        assertEquals(1, received(users.get(3).getPhone()).size());
        assertTrue(received(users.get(4).getPhone()).isEmpty());
        assertEquals("New films and series on CinemaAbyss this week: https://cinema.example.test/", received(users.get(5).getPhone()).getFirst().get("payload"));
        assertTrue(received(users.get(2).getPhone()).getFirst().get("payload").toString().startsWith("Новые фильмы"), "in the user's language");
        HttpResponse<String> progress = http().get("/api/v1/campaigns/" + id, "Authorization", TestIdentity.shared().bearer(1, "admin"));
        assertTrue(progress.body().contains("\"progress\":{\"queued\":6,\"sent\":3,\"skipped_by_preference\":1,\"failed\":2}"), progress.body());
    }
}

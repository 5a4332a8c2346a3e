package com.cinemaabyss.notifications.mail;

import com.cinemaabyss.notifications.domain.Kind;
import com.cinemaabyss.notifications.domain.Language;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplatesTest {

    private final Templates templates = new Templates();

    private static Map<String, Object> values(String name) {
        Map<String, Object> v = new HashMap<>();
        v.put("name", name);
        v.put("verify_url", "https://x.test/verify-email?token=t");
        v.put("reset_url", "https://x.test/reset-password?token=t");
        v.put("preferences_url", "https://x.test/api/v1/notifications/unsubscribe?user=2&channel=email&sig=s");
        v.put("expires", "Nov 28, 2026");
        v.put("plan_id", "basic-month");
        v.put("period_label", "month");
        v.put("amount", "€9.99");
        v.put("list_price", "€11.99");
        v.put("discount", "€2.00");
        v.put("paid", "€9.99");
        v.put("refunded_total", "€9.99");
        v.put("full", true);
        v.put("trial", false);
        v.put("payment_id", 5L);
        v.put("failure_code", "card_declined");
        v.put("failure_message", "");
        v.put("renews_on", "December 1, 2026");
        v.put("public_url", "https://x.test/");
        v.put("series", "Семнадцать мгновений весны");
        v.put("season", 1);
        v.put("number", 3);
        v.put("episode", "Episode 3");
        return v;
    }

    @Test
    void everyPushedOrTextedNotificationHasAOneLineShortTextInEveryLanguage() {
        for (Kind kind : Kind.values()) {
            for (Language language : Language.values()) {
                Templates.Rendered r = templates.render(kind, language, values("Neo"));
                if (!kind.mobile()) {
                    assertEquals(null, r.shortText(), kind + " is never pushed or texted");
                    continue;
                }
                assertFalse(r.shortText().isBlank() || r.shortText().contains("\n") || r.shortText().contains("{{"), kind + " " + language);
                assertTrue(r.shortText().length() <= com.cinemaabyss.notifications.providers.SmsSender.MAX_TEXT, kind + " " + language
                        + " fits the SMS limit: " + r.shortText());
            }
        }
        assertEquals("Season 1, episode 3: Episode 3. It is in your favourites on CinemaAbyss.",
                templates.render(Kind.NEW_EPISODE, Language.EN, values("Neo")).shortText());
        assertEquals("Новая серия: Семнадцать мгновений весны", templates.render(Kind.NEW_EPISODE, Language.RU, values("Neo")).subject());
    }

    @Test
    void everyMailedNotificationHasASubjectATextAndAnHtmlPartInEveryLanguage() {
        for (Kind kind : Kind.values()) {
            if (!kind.on(com.cinemaabyss.notifications.domain.Channel.EMAIL)) {
                continue;
            }
            for (Language language : Language.values()) {
                Templates.Rendered r = templates.render(kind, language, values("Neo"));
                assertFalse(r.subject().isBlank() || r.text().isBlank() || r.html().isBlank(), kind + " " + language);
                assertFalse(r.subject().contains("\n"), "one header line: " + r.subject());
                assertTrue(r.html().startsWith("<!DOCTYPE html>") && r.html().contains("lang=\"" + language.code() + "\""), kind + " " + language);
                assertTrue(r.text().contains("https://x.test/api/v1/notifications/unsubscribe"), "the footer link: " + kind + " " + language);
                assertFalse(r.text().contains("{{") || r.html().contains("{{"), kind + " " + language);
            }
            assertNotEquals(templates.render(kind, Language.EN, values("Neo")).subject(), templates.render(kind, Language.RU, values("Neo")).subject(),
                    kind + " is written in each language");
        }
    }

    @Test
    void valuesAreEscapedInTheHtmlPartOnlyAndASubjectStaysOneLine() {
        Templates.Rendered r = templates.render(Kind.WELCOME, Language.EN, values("<script>alert(1)</script>\r\nBcc: x@evil.test"));
        assertFalse(r.html().contains("<script>"), r.html());
        assertTrue(r.html().contains("&lt;script&gt;"), r.html());
        assertTrue(r.text().contains("<script>"), "plain text is not HTML: " + r.text());
        assertFalse(r.subject().contains("\n") || r.subject().contains("\r"), r.subject());
    }

    @Test
    void theReceiptShowsTheDiscountOnlyWhenThereIsOne() {
        Map<String, Object> none = values("Neo");
        none.remove("list_price");
        none.remove("discount");
        assertFalse(templates.render(Kind.RECEIPT, Language.EN, none).text().contains("Discount"));
        String text = templates.render(Kind.RECEIPT, Language.EN, values("Neo")).text();
        assertTrue(text.contains("Price: €11.99\nDiscount: -€2.00\nCharged: €9.99"), text);
    }

    @Test
    void moneyIsItsMinorUnitsInTheCurrencysDigitsWrittenForTheLanguage() {
        assertEquals("€161.99", Money.format(16199, "EUR", Language.EN.locale()));
        assertEquals("449,10 ₽", Money.format(44910, "RUB", Language.RU.locale()).replace('\u00a0', ' '));
        assertEquals("¥1,500", Money.format(1500, "JPY", Language.EN.locale()), "no minor unit in yen");
        assertEquals("299.00 RUB", Money.format(29900, "RUB", Language.EN.locale()), "no rouble sign in English");
        assertEquals("42 XZZ", Money.format(42, "XZZ", Language.EN.locale()), "a code the JDK does not know is shown as it is");
    }
}

package com.cinemaabyss.notifications.mail;

import com.cinemaabyss.kit.core.ForbiddenException;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.notifications.domain.Channel;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UnsubscribeLinksTest {

    private final UnsubscribeLinks links = new UnsubscribeLinks("a-secret-of-at-least-thirty-two-bytes!!", "https://x.test");

    private static Map<String, String> query(String link) {
        Map<String, String> q = new HashMap<>();
        for (String pair : URI.create(link).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], kv[1]);
        }
        return q;
    }

    @Test
    void aLinkNamesItsUserAndChannelAndOnlyItsOwnSignatureIsAccepted() {
        Map<String, String> q = query(links.link(42, Channel.EMAIL));
        assertEquals(new UnsubscribeLinks.Target(42, Channel.EMAIL), links.verify(q.get("user"), q.get("channel"), q.get("sig")));
        assertThrows(ForbiddenException.class, () -> links.verify("44", q.get("channel"), q.get("sig")));
        assertThrows(ForbiddenException.class, () -> links.verify(q.get("user"), "sms", q.get("sig")));
        UnsubscribeLinks otherKey = new UnsubscribeLinks("another-secret-of-at-least-32-bytes!!!", "https://x.test");
        Map<String, String> foreign = query(otherKey.link(42, Channel.EMAIL));
        assertThrows(ForbiddenException.class, () -> links.verify("42", "email", foreign.get("sig")));
    }

    @Test
    void malformedParametersAreBadRequestsNotForbidden() {
        String sig = query(links.link(42, Channel.EMAIL)).get("sig");
        assertThrows(InvalidInputException.class, () -> links.verify(null, "email", sig));
        assertThrows(InvalidInputException.class, () -> links.verify("0", "email", sig));
        assertThrows(InvalidInputException.class, () -> links.verify("99999999999999999999", "email", sig));
        assertThrows(InvalidInputException.class, () -> links.verify("42", "fax", sig));
        assertThrows(InvalidInputException.class, () -> links.verify("42", "email", sig + "x"));
        assertThrows(InvalidInputException.class, () -> links.verify("42", "email", null));
    }
}

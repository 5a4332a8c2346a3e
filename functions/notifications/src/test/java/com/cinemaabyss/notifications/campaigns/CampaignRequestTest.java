package com.cinemaabyss.notifications.campaigns;

import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.notifications.domain.Channel;
import com.cinemaabyss.notifications.domain.Kind;
import com.cinemaabyss.notifications.domain.Language;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignRequestTest {

    private static String refused(CampaignRequest request) {
        return assertThrows(InvalidInputException.class, request::check).getMessage();
    }

    @Test
    void aMarketingTemplateByEmailToABoundedSegmentIsAccepted() {
        CampaignRequest.Checked checked = new CampaignRequest("news", "email",
                new CampaignRequest.Segment(List.of("premium-month", "premium-month"), null, List.of("ru"))).check();
        assertEquals(Kind.NEWS, checked.template());
        assertEquals(Channel.EMAIL, checked.channel());
        assertEquals(Set.of("premium-month"), checked.plans());
        assertEquals(Set.of(Language.RU), checked.languages());
        assertTrue(new CampaignRequest("news", "email", null).check().plans().isEmpty(), "no segment: everybody");
    }

    @Test
    void anythingElseIsRefusedWithTheReason() {
        assertTrue(refused(new CampaignRequest(null, "email", null)).contains("template is required"));
        assertTrue(refused(new CampaignRequest("receipt", "email", null)).contains("template must be one of news"),
                "transactional templates are not campaigns");
        assertTrue(refused(new CampaignRequest("news", "fax", null)).contains("channel must be one of"));
        assertTrue(refused(new CampaignRequest("new-episode", "push", null)).contains("template must be one of news"),
                "the new-episode push follows favourites, it is no campaign");
        assertEquals(Channel.PUSH, new CampaignRequest("news", "push", null).check().channel());
        assertEquals(Channel.SMS, new CampaignRequest("news", "sms", null).check().channel());
        assertTrue(refused(new CampaignRequest("news", "email", new CampaignRequest.Segment(null, List.of("Russia"), null))).contains("alpha-2"));
        assertTrue(refused(new CampaignRequest("news", "email", new CampaignRequest.Segment(null, List.of("ru"), null))).contains("alpha-2"));
        assertTrue(refused(new CampaignRequest("news", "email", new CampaignRequest.Segment(null, Collections.nCopies(51, "RU"), null)))
                .contains("at most 50"));
        assertEquals(Set.of("RU", "KZ"), new CampaignRequest("news", "email", new CampaignRequest.Segment(null, List.of("RU", "KZ", "RU"), null))
                .check().countries());
        assertTrue(refused(new CampaignRequest("news", "email", new CampaignRequest.Segment(Collections.nCopies(21, "basic"), null, null)))
                .contains("at most 20"));
        assertTrue(refused(new CampaignRequest("news", "email", new CampaignRequest.Segment(List.of("Bad Plan"), null, null))).contains("plan id"));
        assertTrue(refused(new CampaignRequest("news", "email", new CampaignRequest.Segment(null, null, List.of("de")))).contains("languages"));
    }
}

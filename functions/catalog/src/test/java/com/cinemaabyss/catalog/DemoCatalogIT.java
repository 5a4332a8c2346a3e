package com.cinemaabyss.catalog;

import com.cinemaabyss.catalog.domain.ProviderItem;
import com.cinemaabyss.catalog.store.DemoCatalog;
import com.cinemaabyss.catalog.store.TitleStore;
import com.cinemaabyss.kit.test.SharedTestInfra;
import com.cinemaabyss.kit.test.TestHttp;
import com.cinemaabyss.kit.test.TestIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo catalog: seeded at start when asked, the same titles again on every start, RU licences but one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cinemaabyss.titles.seed-demo=true")
class DemoCatalogIT {

    @LocalServerPort
    int port;
    @Autowired
    TitleStore titles;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        SharedTestInfra.functionAppProperties().forEach(registry::add);
        TestIdentity.shared().properties().forEach(registry::add);
    }

    @BeforeAll
    static void topics() {
        TitlesIT.topics();
    }

    /** The first hits of a search, once the index has caught up with the seeded titles. */
    private static JsonNode await(TestHttp http, String query) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            var response = http.get("/api/v1/titles?" + query);
            if (response.statusCode() == 200 && TitlesIT.json(response.body()).path("total").asLong() > 0) {
                return TitlesIT.json(response.body());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no demo title for " + query);
    }

    @Test
    void theDemoCatalogIsSeededOnceWithMoviesSeriesAndLicences() {
        List<ProviderItem> items = DemoCatalog.items();
        assertTrue(items.size() >= 30, "a few dozen titles");
        assertTrue(items.stream().filter(item -> "series".equals(item.kind())).count() >= 4, "some series");
        assertEquals(0, new DemoCatalog(titles).seed(), "seeding again (every local start) changes nothing");

        TestHttp http = TestHttp.at(port);
        JsonNode stalker = await(http, "q=Stalkr&genre=Sci-Fi&country=SU");
        assertEquals("Stalker", stalker.path("items").get(0).path("title").asString());
        JsonNode title = TitlesIT.json(http.get("/api/v1/titles/" + stalker.path("items").get(0).path("id").asLong()).body());
        List<String> regions = title.path("offered_licences").valueStream().map(licence -> licence.path("region").asString()).toList();
        assertTrue(regions.containsAll(List.of("RU", "KZ", "DE")), regions.toString());

        JsonNode hardToBeAGod = await(http, "q=Hard%20to%20Be%20a%20God&country=RU");
        JsonNode none = TitlesIT.json(http.get("/api/v1/titles/" + hardToBeAGod.path("items").get(0).path("id").asLong()).body());
        assertEquals(0, none.path("offered_licences").size(), "one title offers no licence (a 451 to try)");

        JsonNode series = await(http, "q=Seventeen%20Moments&type=series");
        JsonNode moments = TitlesIT.json(http.get("/api/v1/titles/" + series.path("items").get(0).path("id").asLong()).body());
        assertEquals(12, moments.path("seasons").get(0).path("episodes").size());
    }
}

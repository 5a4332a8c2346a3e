package com.cinemaabyss.catalog.store;

import com.cinemaabyss.catalog.domain.ProviderItem;
import com.cinemaabyss.kit.core.JsonLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The demo catalog ({@code demo/titles.json}): Soviet and Russian classics, movies and series, applied as the items of a
 * provider named {@code cinemaabyss-demo}, so seeding twice (every local start) finds the same titles and changes nothing.
 * Their offered licences cover RU widely, a few also other regions, and one title offers none (to see a 451).
 */
public class DemoCatalog {

    public static final String RESOURCE = "demo/titles.json";
    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final TitleStore titles;

    public DemoCatalog(TitleStore titles) {
        this.titles = titles;
    }

    public static List<ProviderItem> items() {
        try (InputStream in = DemoCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return JsonMapper.builder(JsonLimits.factory()).build().readValue(in, new TypeReference<List<ProviderItem>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies every demo item; returns how many titles were created or changed. */
    public int seed() {
        int changed = 0;
        for (ProviderItem item : items()) {
            if (titles.applyProviderItem(item.source(), item.draft(), null).changed()) {
                changed++;
            }
        }
        log.info("Demo catalog: {} titles created or changed", changed);
        return changed;
    }
}

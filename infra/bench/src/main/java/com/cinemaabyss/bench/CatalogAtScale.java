package com.cinemaabyss.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark 4: the catalog as its table grows from the seeded baseline to 10,000 and 100,000 movies:
 * get by id, a page of 50 (first page and one reached through a cursor), and the legacy unpaged listing, with
 * the service's resident memory. Each size is compared with the baseline size measured in the same run.
 */
final class CatalogAtScale {

    /** The legacy unpaged list is called up to {@link #LIST_CALLS} times, but no more once the calls have taken this long. */
    static final Duration LIST_TIME = Duration.ofSeconds(10);
    static final int LIST_CALLS = 3;
    static final int PAGE_LIMIT = 50;
    /** Calls of the page behind the first page's cursor, one after the other. */
    static final int CURSOR_CALLS = 50;
    private static final Pattern CURSOR = Pattern.compile("\"next_cursor\"\\s*:\\s*\"([^\"]+)\"");

    record Measured(long movies, Samples get50, Samples get99, Samples getRate, Samples page50, Samples page99,
                    Samples cursorPageMillis, Samples listSeconds, long listBytes, double rssMiB) {
    }

    private final Rig rig;
    private final Settings settings;
    private final Wrk wrk;
    private final MovieLoader loader;
    private long baselineSize;

    CatalogAtScale(Rig rig, Settings settings, Wrk wrk, MovieLoader loader) {
        this.rig = rig;
        this.settings = settings;
        this.wrk = wrk;
        this.loader = loader;
    }

    /** {@code seeded}: the movies already in the tables (the baseline); the others are loaded on top. */
    Section run(long seeded, List<Long> sizes) {
        baselineSize = seeded;
        List<Measured> measured = new ArrayList<>();
        measured.add(measure(seeded));
        long loaded = seeded;
        Map<Long, Duration> loadTimes = new LinkedHashMap<>();
        for (long size : sizes) {
            long began = System.nanoTime();
            loader.load(List.of("catalog-movies"), loaded + 1, size);
            loadTimes.put(size, Duration.ofNanos(System.nanoTime() - began));
            loaded = size;
            measured.add(measure(size));
        }
        return section(settings, measured, loadTimes);
    }

    /** The section from what was measured: no figure in it comes from anywhere else. */
    static Section section(Settings settings, List<Measured> measured, Map<Long, Duration> loadTimes) {
        Measured baseline = measured.getFirst();
        Table table = new Table("movies", "get p50 ms", "get p99 ms", "get req/s", "page p50 ms", "page p99 ms",
                "cursor page ms, 1 client", "unpaged list s", "list MB", "RSS MiB");
        for (Measured m : measured) {
            table.row(m.movies(), m.get50().format("%.2f"), m.get99().format("%.2f"), m.getRate().format("%.0f"),
                    m.page50().format("%.2f"), m.page99().format("%.2f"), m.cursorPageMillis().format("%.2f"),
                    m.listSeconds().format("%.2f"), "%.1f".formatted(m.listBytes() / 1e6), "%.0f".formatted(m.rssMiB()));
        }
        List<Figure> figures = new ArrayList<>();
        for (Measured m : measured.subList(1, measured.size())) {
            String size = m.movies() >= 1000 ? (m.movies() / 1000) + "k" : Long.toString(m.movies());
            figures.add(Figure.atMost("get-by-id p99 at " + size + " / at " + baseline.movies(), m.get99().over(baseline.get99()), 1.5));
            figures.add(Figure.atMost("page p99 at " + size + " / at " + baseline.movies(), m.page99().over(baseline.page99()), 1.5));
            figures.add(Figure.informative("unpaged list at " + size + " / at " + baseline.movies(), m.listSeconds().over(baseline.listSeconds())));
        }
        StringBuilder loads = new StringBuilder();
        loadTimes.forEach((size, took) -> loads.append("up to %,d in %.1f s; ".formatted(size, took.toMillis() / 1000.0)));
        String markdown = """
                One warm catalog; movies are bulk-loaded into its table between measurements (%s).
                Get by id: `wrk -t1 -c%d` with random ids over the whole table; page: `GET /api/movies?limit=%d`,
                both %d rounds of %d s; the page behind the first page's cursor, fetched %d times by one client (median). The legacy unpaged
                `GET /api/movies` is timed over up to %d sequential calls, fewer once they have taken %d s. RSS is read after the unpaged calls.

                %s
                How DynamoDB is read: get by id is a `GetItem` on the partition key (one item, whatever the table's
                size); a page is a `Scan` with `Limit` and `ExclusiveStartKey` taken from the cursor, so each page reads
                at most `limit` items and no request walks the table; only the legacy unpaged listing scans it all
                (DynamoDB's own size-limited pages, one after the other), and it stays for the existing clients only.
                """.formatted(loads.toString().replaceAll("; $", ""), settings.connections(), PAGE_LIMIT, settings.rounds(),
                settings.round().toSeconds(), CURSOR_CALLS, LIST_CALLS, LIST_TIME.toSeconds(), table);
        return new Section("Catalog at scale", markdown, figures);
    }

    private Measured measure(long movies) {
        URI catalog = rig.warmUrlOf("catalog");
        String byId = wrk.randomIdScript("catalog-by-id-" + movies, "/api/movies?id={id}", movies);
        URI firstPage = catalog.resolve("/api/movies?limit=" + PAGE_LIMIT);
        URI cursorPage = catalog.resolve("/api/movies?limit=" + PAGE_LIMIT + "&cursor=" + URLEncoder.encode(cursorOf(firstPage), StandardCharsets.UTF_8));
        URI byIdBase = catalog.resolve("/api/movies");
        Rounds rounds = new Rounds();
        if (movies == baselineSize) {
            // The service is warm from the benchmarks before; one warm-up per route at the first size is enough.
            wrk.run(byIdBase, settings.connections(), settings.warmup(), byId);
            wrk.run(firstPage, settings.connections(), settings.warmup(), null);
        }
        for (int round = 0; round < settings.rounds(); round++) {
            rounds.add("get", wrk.run(byIdBase, settings.connections(), settings.round(), byId));
            rounds.add("page", wrk.run(firstPage, settings.connections(), settings.round(), null));
        }
        // A page behind a cursor costs what the first page costs (the same Scan, started elsewhere): one client
        // fetching it again and again shows that without another wrk run.
        List<Double> cursorMillis = new ArrayList<>();
        for (int call = 0; call < CURSOR_CALLS; call++) {
            long began = System.nanoTime();
            get(cursorPage);
            cursorMillis.add((System.nanoTime() - began) / 1e6);
        }
        List<Double> listSeconds = new ArrayList<>();
        long listBytes = 0;
        // A full scan of 100,000 movies on DynamoDB Local takes tens of seconds: one such call says enough.
        for (int call = 0; call < LIST_CALLS && listSeconds.stream().mapToDouble(Double::doubleValue).sum() < LIST_TIME.toSeconds(); call++) {
            long began = System.nanoTime();
            listBytes = get(catalog.resolve("/api/movies")).length();
            listSeconds.add((System.nanoTime() - began) / 1e9);
        }
        return new Measured(movies, rounds.of("get", WrkResult::p50Millis), rounds.of("get", WrkResult::p99Millis),
                rounds.of("get", WrkResult::requestsPerSecond), rounds.of("page", WrkResult::p50Millis),
                rounds.of("page", WrkResult::p99Millis), Samples.of(new Samples(cursorMillis).median()),
                new Samples(listSeconds), listBytes, rig.warmProcess("catalog").rssMiB());
    }

    private static String cursorOf(URI page) {
        Matcher cursor = CURSOR.matcher(get(page));
        if (!cursor.find()) {
            throw new IllegalStateException(page + " returned no cursor for the next page");
        }
        return cursor.group(1);
    }

    private static String get(URI url) {
        HttpResponse<String> response = FunctionProcess.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(120)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}

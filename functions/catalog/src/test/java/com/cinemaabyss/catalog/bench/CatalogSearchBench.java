package com.cinemaabyss.catalog.bench;

import com.cinemaabyss.catalog.domain.Person;
import com.cinemaabyss.catalog.domain.Rating;
import com.cinemaabyss.catalog.domain.SearchQuery;
import com.cinemaabyss.catalog.domain.Title;
import com.cinemaabyss.catalog.events.TitleChangelog;
import com.cinemaabyss.catalog.search.TitleIndex;
import com.cinemaabyss.catalog.search.TitleIndexer;
import com.cinemaabyss.contracts.Topics;
import com.cinemaabyss.local.LocalKafka;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The catalog's title search at scale, in process: generated titles are written to a compacted title-changes topic on
 * a local Kafka broker as the catalog's outbox writes them; a fresh index (TitleIndex + TitleIndexer, the code every
 * catalog replica runs) is rebuilt from the topic and timed; then a fixed mix of queries (misspelled words, people,
 * filters, facets, sorts) is timed, one at a time, at 1,000 and at 100,000 titles. Writes
 * docs/benchmarks/CATALOG-SEARCH.md (or the directory given as the first argument).
 */
public final class CatalogSearchBench {

    static final List<Integer> SIZES = List.of(1_000, 100_000);
    static final int WARM_UP = 2_000;
    static final int MEASURED = 5_000;
    private static final String[] WORDS = {"zone", "ocean", "mirror", "spring", "brother", "sun", "desert", "fortune", "heart",
            "dog", "return", "ark", "taiga", "marathon", "dawn", "fog", "moments", "meeting", "place", "master", "idiot", "romance",
            "irony", "fate", "soldier", "cranes", "ballad", "tears", "moscow", "office", "stalker", "solaris", "childhood", "arm",
            "diamond", "white", "gentlemen", "hard", "god", "leviathan", "burnt", "battleship", "come", "see", "winter", "river"};
    private static final String[] NAMES = {"Andrei", "Tarkovsky", "Eldar", "Ryazanov", "Georgiy", "Daneliya", "Leonid", "Gaidai",
            "Nikita", "Mikhalkov", "Aleksei", "Balabanov", "Vladimir", "Menshov", "Tatyana", "Lioznova", "Sergei", "Bondarchuk"};
    private static final String[] GENRES = {"Drama", "Comedy", "Sci-Fi", "War", "Crime", "Romance", "History", "Animation",
            "Adventure", "Family", "Thriller", "Fantasy"};
    private static final String[] COUNTRIES = {"SU", "RU", "FR", "DE", "KZ", "BY", "AM", "GE", "JP", "US"};

    private CatalogSearchBench() {
    }

    record Result(int titles, long rebuildMillis, double p50, double p99, long documents) {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/benchmarks");
        Path logs = Files.createTempDirectory("catalog-search-bench");
        List<Result> results = new ArrayList<>();
        try (LocalKafka kafka = LocalKafka.start(0, logs)) {
            List<TitleIndex> indexes = new ArrayList<>();
            List<TitleIndexer> indexers = new ArrayList<>();
            try {
                for (int size : SIZES) {
                    String topic = Topics.TITLE_CHANGES + "-bench-" + size;
                    kafka.createTopics(List.of(new NewTopic(topic, 3, (short) 1).configs(Map.of("cleanup.policy", "compact"))));
                    publish(kafka.bootstrapServers(), topic, size);
                }
                // The first consumer of the JVM pays for class loading and the broker's first fetches: a throwaway
                // rebuild of the small topic first, so each measured rebuild is the index's own work.
                try (TitleIndex warm = new TitleIndex(); TitleIndexer warming = new TitleIndexer(warm, kafka.bootstrapServers(),
                        Topics.TITLE_CHANGES + "-bench-" + SIZES.getFirst(), new SimpleMeterRegistry()).start()) {
                    warming.awaitCaughtUp(Duration.ofMinutes(5));
                }
                for (int size : SIZES) {
                    TitleIndex index = new TitleIndex();
                    TitleIndexer indexer = new TitleIndexer(index, kafka.bootstrapServers(), Topics.TITLE_CHANGES + "-bench-" + size,
                            new SimpleMeterRegistry()).start();
                    indexes.add(index);
                    indexers.add(indexer);
                    if (!indexer.awaitCaughtUp(Duration.ofMinutes(5))) {
                        throw new IllegalStateException("the index did not catch up with " + size + " titles in 5 minutes");
                    }
                }
                results.addAll(measure(indexes, indexers));
            } finally {
                indexers.forEach(TitleIndexer::close);
                indexes.forEach(TitleIndex::close);
            }
        }
        Result small = results.getFirst();
        Result large = results.getLast();
        StringBuilder table = new StringBuilder("| titles | index rebuild from the topic, ms | search p50 ms | search p99 ms | documents |\n"
                + "| ---: | ---: | ---: | ---: | ---: |\n");
        results.forEach(r -> table.append("| %,d | %,d | %.2f | %.2f | %,d |%n".formatted(r.titles(), r.rebuildMillis(), r.p50(), r.p99(), r.documents())));
        String report = """
                # Catalog search at scale

                Measured %s on %d cores by `infra/bench/catalog-search` (in process, a main in the catalog's test scope: a local Kafka broker, the catalog's
                TitleIndex and TitleIndexer). Generated titles (movies and series, 2-4 words from a 46-word vocabulary,
                2 people from 18 names, 1-3 of 12 genres, 1-2 of 10 countries, years 1920-2025) are written to a compacted
                title-changes topic as the catalog writes them (binary CloudEvents, 3 partitions), then a fresh index reads
                the topic to its end (after a throwaway rebuild that pays the JVM's and the broker's first-use costs). Search
                latency is one query at a time, %d per size measured in rounds alternating between the sizes after %d
                warm-up queries on each, over a fixed
                mix: a misspelled word, a misspelled name, two words, a word with genre and country filters, filters
                only sorted by year, by rating and by title, each with its facet counts.

                %s
                **search p99 at %,d titles / at %,d: %.2f** (p50 %.2f). Index rebuild at %,d titles: **%.1f s**.
                """.formatted(Instant.now().toString().substring(0, 10), Runtime.getRuntime().availableProcessors(), MEASURED, WARM_UP,
                table, large.titles(), small.titles(), large.p99() / small.p99(), large.p50() / small.p50(), large.titles(),
                large.rebuildMillis() / 1000.0);
        Files.createDirectories(out);
        Files.writeString(out.resolve("CATALOG-SEARCH.md"), report);
        System.out.println(report);
    }

    private static void publish(String bootstrap, String topic, int size) {
        Random random = new Random(size);
        try (KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new StringSerializer(), new CloudEventSerializer())) {
            for (int i = 1; i <= size; i++) {
                Title title = title(2L * i, random);
                producer.send(new ProducerRecord<>(topic, Long.toString(title.id()), TitleChangelog.event(title)));
            }
            producer.flush();
        }
    }

    static Title title(long id, Random random) {
        int words = 2 + random.nextInt(3);
        StringBuilder name = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            name.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(w + 1 < words ? " " : "");
        }
        List<Person> people = List.of(new Person(NAMES[random.nextInt(NAMES.length)] + " " + NAMES[random.nextInt(NAMES.length)], "director", null),
                new Person(NAMES[random.nextInt(NAMES.length)] + " " + NAMES[random.nextInt(NAMES.length)], "actor", "Someone"));
        List<String> genres = pick(GENRES, 1 + random.nextInt(3), random);
        List<String> countries = pick(COUNTRIES, 1 + random.nextInt(2), random);
        boolean movie = random.nextInt(5) > 0;
        return new Title(id, movie ? Title.MOVIE : Title.SERIES, Title.PUBLISHED, name.toString(), null,
                "A generated title about " + WORDS[random.nextInt(WORDS.length)] + ".", genres, countries, "ru", 1920 + random.nextInt(106),
                new int[] {0, 6, 12, 16, 18}[random.nextInt(5)], movie ? 60 + random.nextInt(120) : null, null, people, List.of(),
                new Rating(Math.round(random.nextDouble() * 100) / 10.0, random.nextInt(1000)), null, List.of(), 1, "2026-11-25T10:00:00Z");
    }

    private static List<String> pick(String[] from, int count, Random random) {
        List<String> all = new ArrayList<>(Arrays.asList(from));
        java.util.Collections.shuffle(all, random);
        return List.copyOf(all.subList(0, count));
    }

    /**
     * Warms both indexes up, then times queries in rounds that alternate between the sizes, so that JIT compilation,
     * garbage collection and whatever else the machine does fall on both alike.
     */
    private static List<Result> measure(List<TitleIndex> indexes, List<TitleIndexer> indexers) {
        List<SearchQuery> queries = List.of(
                query("stalkr", null, null, null, "relevance"), query("tarkovski", null, null, null, "relevance"),
                query("ocean mirror", null, null, null, "relevance"), query("solyaris", "Drama", "RU", null, "relevance"),
                query(null, "Comedy", null, 1970, "year"), query(null, null, "SU", null, "rating"),
                query(null, "War", null, null, "title"), query("moskow tears", null, null, null, "relevance"));
        for (TitleIndex index : indexes) {
            for (int i = 0; i < WARM_UP; i++) {
                index.search(queries.get(i % queries.size()));
            }
        }
        int rounds = 10;
        double[][] millis = new double[indexes.size()][MEASURED];
        for (int round = 0; round < rounds; round++) {
            for (int which = 0; which < indexes.size(); which++) {
                for (int i = round * MEASURED / rounds; i < (round + 1) * MEASURED / rounds; i++) {
                    long began = System.nanoTime();
                    indexes.get(which).search(queries.get(i % queries.size()));
                    millis[which][i] = (System.nanoTime() - began) / 1e6;
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (int which = 0; which < indexes.size(); which++) {
            Arrays.sort(millis[which]);
            results.add(new Result(SIZES.get(which), indexers.get(which).rebuildMillis(), millis[which][MEASURED / 2],
                    millis[which][(int) Math.ceil(MEASURED * 0.99) - 1], indexes.get(which).documents()));
        }
        return results;
    }

    private static SearchQuery query(String q, String genre, String country, Integer yearFrom, String sort) {
        return new SearchQuery(q, null, genre, country, yearFrom, null, sort, 20, null);
    }
}

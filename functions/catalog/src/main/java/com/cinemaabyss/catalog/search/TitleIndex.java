package com.cinemaabyss.catalog.search;

import com.cinemaabyss.catalog.domain.Person;
import com.cinemaabyss.catalog.domain.SearchQuery;
import com.cinemaabyss.catalog.domain.SearchResult;
import com.cinemaabyss.catalog.domain.Title;
import com.cinemaabyss.catalog.store.Documents;
import com.cinemaabyss.kit.core.UnavailableException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The search index of published titles, in memory (a Lucene {@link ByteBuffersDirectory}): it is a cache of the title
 * changelog that every replica rebuilds from the topic at start, so nothing of it needs to outlive the process, and a
 * hundred thousand titles take tens of megabytes. Free text matches title and original title (strongest), people and
 * description, each word fuzzily (one edit for words of 3-5 letters, two beyond), every word somewhere; filters are exact
 * and all apply; facets count the whole result. Thread-safe: one writer, searchers refreshed after each applied batch.
 */
public class TitleIndex implements AutoCloseable {

    static final String ID = "id";
    static final String ID_SORT = "id_sort";
    static final String TITLE = "title";
    static final String PEOPLE = "people";
    static final String DESCRIPTION = "description";
    static final String KIND = "kind";
    static final String GENRE = "genre";
    static final String COUNTRY = "country";
    static final String YEAR = "year";
    static final String YEAR_SORT = "year_sort";
    static final String RATING_SORT = "rating_sort";
    static final String TITLE_SORT = "title_sort";
    static final String HIT = "hit";
    static final String GENRES_FACET = "genres";
    static final String COUNTRIES_FACET = "countries";
    static final String DECADES_FACET = "decades";
    private static final int MAX_TERMS = 10;
    private static final int FACET_VALUES = 50;

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer));
            return new TokenStreamComponents(tokenizer, stream);
        }
    };
    private final FacetsConfig facets = new FacetsConfig();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<Long, Long> versions = new ConcurrentHashMap<>();
    private volatile FacetState facetState;
    private volatile boolean ready;

    public TitleIndex() {
        facets.setMultiValued(GENRES_FACET, true);
        facets.setMultiValued(COUNTRIES_FACET, true);
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setRAMBufferSizeMB(64));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Applies a title as the changelog has it now: published titles are (re)indexed, withdrawn ones removed. Older versions are ignored. */
    public void apply(Title title) {
        Long known = versions.get(title.id());
        if (known != null && known >= title.version()) {
            return;
        }
        versions.put(title.id(), title.version());
        try {
            Term id = new Term(ID, Long.toString(title.id()));
            if (title.withdrawn()) {
                writer.deleteDocuments(id);
            } else {
                writer.updateDocument(id, facets.build(document(title)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was applied searchable. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void markReady() {
        refresh();
        ready = true;
    }

    public boolean ready() {
        return ready;
    }

    public int documents() {
        return writer.getDocStats().numDocs;
    }

    public SearchResult search(SearchQuery query) {
        if (!ready) {
            throw new UnavailableException("search is not ready yet: the index is still being built from the title changelog", null);
        }
        Sort sort = sort(query.sort(), query.q() != null);
        FieldDoc after = query.cursor() == null ? null : SearchCursor.decode(query.cursor(), query.resultKey(), sort);
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                int maxDoc = searcher.getIndexReader().maxDoc();
                if (maxDoc == 0) {
                    return new SearchResult(List.of(), 0, new SearchResult.Facets(List.of(), List.of(), List.of()), null);
                }
                // The title id (the last sort value) decides ties, so the last doc id only keeps the cursor's own hit out.
                FieldDoc position = after == null ? null : new FieldDoc(maxDoc - 1, Float.NaN, after.fields);
                FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.searchAfter(searcher, position, query(query),
                        query.limit(), sort, true, new FacetsCollectorManager());
                TopDocs top = result.topDocs();
                List<SearchResult.Hit> hits = new ArrayList<>();
                for (ScoreDoc doc : top.scoreDocs) {
                    hits.add(Documents.fromJson(searcher.storedFields().document(doc.doc).get(HIT), SearchResult.Hit.class));
                }
                String next = null;
                if (top.scoreDocs.length == query.limit()) {
                    next = SearchCursor.encode((FieldDoc) top.scoreDocs[top.scoreDocs.length - 1], query.resultKey());
                }
                SearchResult.Facets counts = facetCounts(searcher.getIndexReader(), result);
                return new SearchResult(hits, top.totalHits.value(), counts, next);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SearchResult.Facets facetCounts(IndexReader reader, FacetsCollectorManager.FacetsResult result) throws IOException {
        FacetState state = facetState;
        if (state == null || state.reader() != reader) {
            state = reader.numDocs() == 0 ? new FacetState(reader, null) : new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, facets));
            facetState = state;
        }
        if (state.state() == null) {
            return new SearchResult.Facets(List.of(), List.of(), List.of());
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state.state(), result.facetsCollector());
        return new SearchResult.Facets(counts(counts, GENRES_FACET), counts(counts, COUNTRIES_FACET), counts(counts, DECADES_FACET));
    }

    private record FacetState(IndexReader reader, DefaultSortedSetDocValuesReaderState state) {
    }

    private static List<SearchResult.Count> counts(SortedSetDocValuesFacetCounts counts, String dim) throws IOException {
        FacetResult result;
        try {
            result = counts.getTopChildren(FACET_VALUES, dim);
        } catch (IllegalArgumentException dimensionNotIndexedYet) {
            return List.of();
        }
        if (result == null) {
            return List.of();
        }
        List<SearchResult.Count> values = new ArrayList<>();
        for (LabelAndValue value : result.labelValues) {
            values.add(new SearchResult.Count(value.label, value.value.longValue()));
        }
        return values;
    }

    Query query(SearchQuery query) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        List<String> words = words(query.q());
        if (words.isEmpty()) {
            all.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        for (String word : words) {
            all.add(wordQuery(word), BooleanClause.Occur.MUST);
        }
        if (query.type() != null) {
            all.add(new TermQuery(new Term(KIND, query.type())), BooleanClause.Occur.FILTER);
        }
        if (query.genre() != null) {
            all.add(new TermQuery(new Term(GENRE, query.genre().toLowerCase(Locale.ROOT))), BooleanClause.Occur.FILTER);
        }
        if (query.country() != null) {
            all.add(new TermQuery(new Term(COUNTRY, query.country())), BooleanClause.Occur.FILTER);
        }
        if (query.yearFrom() != null || query.yearTo() != null) {
            all.add(IntPoint.newRangeQuery(YEAR, query.yearFrom() == null ? Integer.MIN_VALUE : query.yearFrom(),
                    query.yearTo() == null ? Integer.MAX_VALUE : query.yearTo()), BooleanClause.Occur.FILTER);
        }
        return all.build();
    }

    /** One word of the free text: exact matches score above fuzzy ones, the title above people above the description. */
    private static Query wordQuery(String word) {
        int edits = word.length() <= 2 ? 0 : word.length() <= 5 ? 1 : 2;
        List<Query> ways = new ArrayList<>();
        ways.add(new BoostQuery(new TermQuery(new Term(TITLE, word)), 6f));
        ways.add(new BoostQuery(new TermQuery(new Term(PEOPLE, word)), 4f));
        ways.add(new BoostQuery(new TermQuery(new Term(DESCRIPTION, word)), 1f));
        if (word.length() >= 3) {
            ways.add(new BoostQuery(new PrefixQuery(new Term(TITLE, word)), 2f));
        }
        if (edits > 0) {
            ways.add(new BoostQuery(new FuzzyQuery(new Term(TITLE, word), edits, 1), 3f));
            ways.add(new BoostQuery(new FuzzyQuery(new Term(PEOPLE, word), edits, 1), 2f));
        }
        return new DisjunctionMaxQuery(ways, 0.1f);
    }

    private List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        try (TokenStream stream = analyzer.tokenStream(TITLE, new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && words.size() < MAX_TERMS) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    static Sort sort(String name, boolean hasText) {
        SortField id = new SortField(ID_SORT, SortField.Type.LONG);
        return switch (name) {
            case "year" -> new Sort(new SortField(YEAR_SORT, SortField.Type.INT, true), id);
            case "rating" -> new Sort(new SortField(RATING_SORT, SortField.Type.LONG, true), id);
            case "title" -> new Sort(new SortField(TITLE_SORT, SortField.Type.STRING), id);
            // Relevance without words is every title alike: newest first then.
            default -> hasText ? new Sort(SortField.FIELD_SCORE, id) : new Sort(new SortField(YEAR_SORT, SortField.Type.INT, true), id);
        };
    }

    private static Document document(Title title) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(title.id()), Field.Store.NO));
        doc.add(new NumericDocValuesField(ID_SORT, title.id()));
        doc.add(new TextField(TITLE, title.title(), Field.Store.NO));
        if (title.originalTitle() != null) {
            doc.add(new TextField(TITLE, title.originalTitle(), Field.Store.NO));
        }
        for (Person person : title.people()) {
            doc.add(new TextField(PEOPLE, person.name(), Field.Store.NO));
        }
        doc.add(new TextField(DESCRIPTION, title.description(), Field.Store.NO));
        doc.add(new StringField(KIND, title.kind(), Field.Store.NO));
        for (String genre : title.genres()) {
            doc.add(new StringField(GENRE, genre.toLowerCase(Locale.ROOT), Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(GENRES_FACET, genre));
        }
        for (String country : title.countries()) {
            doc.add(new StringField(COUNTRY, country, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(COUNTRIES_FACET, country));
        }
        int year = title.releaseYear() == null ? 0 : title.releaseYear();
        if (title.releaseYear() != null) {
            doc.add(new IntPoint(YEAR, year));
            doc.add(new SortedSetDocValuesFacetField(DECADES_FACET, (year / 10 * 10) + "s"));
        }
        doc.add(new NumericDocValuesField(YEAR_SORT, year));
        doc.add(new NumericDocValuesField(RATING_SORT, Math.round(title.rating().average() * 1000)));
        doc.add(new SortedDocValuesField(TITLE_SORT, new BytesRef(title.title().toLowerCase(Locale.ROOT))));
        doc.add(new StoredField(HIT, Documents.toJson(new SearchResult.Hit(title.id(), title.kind(), title.title(),
                title.originalTitle(), title.releaseYear(), title.genres(), title.countries(), title.ageRating(), title.rating(),
                title.images() == null ? null : title.images().poster()))));
        return doc;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

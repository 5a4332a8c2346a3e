package com.cinemaabyss.kit.web;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The (methods, path pattern) pairs of functional routes, read with Spring's visitors, so that a request no route
 * took can be told apart: a known path with another method (405 and {@code Allow}) or an unknown path (404).
 * Predicates it cannot read (custom ones, negations) count as "any method" or are left out: it may miss a 405,
 * never invent one.
 */
public final class RouteTable {

    /** One way a route can match: {@code methods} empty means any method. */
    record Entry(Set<HttpMethod> methods, PathPattern pattern) {
    }

    private final List<Entry> entries;

    private RouteTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static RouteTable of(Iterable<? extends RouterFunction<?>> routers) {
        Collector collector = new Collector();
        routers.forEach(router -> router.accept(collector));
        return new RouteTable(collector.entries);
    }

    /**
     * The methods the path answers to, empty when no route knows the path or some route takes any method there.
     * HEAD is not added for GET: functional routes do not serve it unless they say so.
     */
    public Set<HttpMethod> allowedMethods(PathContainer path) {
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        for (Entry entry : entries) {
            if (entry.pattern().matches(path)) {
                if (entry.methods().isEmpty()) {
                    return Set.of();
                }
                allowed.addAll(entry.methods());
            }
        }
        return sorted(allowed);
    }

    private static Set<HttpMethod> sorted(Set<HttpMethod> methods) {
        Set<HttpMethod> sorted = new LinkedHashSet<>();
        for (HttpMethod method : HttpMethod.values()) {
            if (methods.contains(method)) {
                sorted.add(method);
            }
        }
        return sorted;
    }

    /** A predicate read as alternatives of (methods, path); a null path means the predicate says nothing of the path. */
    private record Alternative(Set<HttpMethod> methods, String path) {
        static final Alternative ANY = new Alternative(Set.of(), null);

        /**
         * Both at once, or empty when no method satisfies both. Paths of a nested router are {@code prefix}ed by
         * the outer path; two paths in one predicate must both match, so either describes it.
         */
        Optional<Alternative> and(Alternative inner, boolean prefix) {
            Set<HttpMethod> both = new LinkedHashSet<>(methods.isEmpty() ? inner.methods : methods);
            if (!methods.isEmpty() && !inner.methods.isEmpty()) {
                both.retainAll(inner.methods);
                if (both.isEmpty()) {
                    return Optional.empty();
                }
            }
            String joined = path == null ? inner.path : inner.path == null ? path : prefix ? join(path, inner.path) : inner.path;
            return Optional.of(new Alternative(both, joined));
        }

        static List<Alternative> and(List<Alternative> outer, List<Alternative> inner, boolean prefix) {
            List<Alternative> result = new ArrayList<>();
            for (Alternative left : outer) {
                for (Alternative right : inner) {
                    left.and(right, prefix).ifPresent(result::add);
                }
            }
            return result;
        }
    }

    private static String join(String prefix, String path) {
        if (prefix.endsWith("/") && path.startsWith("/")) {
            return prefix + path.substring(1);
        }
        return prefix + path;
    }

    /** Reads a predicate into alternatives; and/or/negate arrive as start/middle/end events, kept on a stack. */
    private static final class PredicateReader implements RequestPredicates.Visitor {
        private final Deque<List<List<Alternative>>> groups = new ArrayDeque<>();

        static List<Alternative> read(RequestPredicate predicate) {
            PredicateReader reader = new PredicateReader();
            reader.groups.push(new ArrayList<>());
            predicate.accept(reader);
            List<List<Alternative>> top = reader.groups.pop();
            return top.isEmpty() ? List.of(Alternative.ANY) : top.getFirst();
        }

        private void leaf(List<Alternative> alternatives) {
            groups.peek().add(alternatives);
        }

        @Override
        public void method(Set<HttpMethod> methods) {
            leaf(List.of(new Alternative(Set.copyOf(methods), null)));
        }

        @Override
        public void path(String pattern) {
            leaf(List.of(new Alternative(Set.of(), pattern)));
        }

        // These narrow a route without naming its methods or path: read as "anything".
        @Override
        public void pathExtension(String extension) {
            leaf(List.of(Alternative.ANY));
        }

        @Override
        public void header(String name, String value) {
            leaf(List.of(Alternative.ANY));
        }

        @Override
        public void param(String name, String value) {
            leaf(List.of(Alternative.ANY));
        }

        @Override
        public void version(String version) {
            leaf(List.of(Alternative.ANY));
        }

        @Override
        public void unknown(RequestPredicate predicate) {
            leaf(List.of(Alternative.ANY));
        }

        @Override
        public void startAnd() {
            open();
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
            List<Alternative> combined = List.of(Alternative.ANY);
            for (List<Alternative> part : close()) {
                combined = Alternative.and(combined, part, false);
            }
            leaf(combined);
        }

        @Override
        public void startOr() {
            open();
        }

        @Override
        public void or() {
        }

        @Override
        public void endOr() {
            List<Alternative> all = new ArrayList<>();
            close().forEach(all::addAll);
            leaf(all);
        }

        @Override
        public void startNegate() {
            open();
        }

        @Override
        public void endNegate() {
            close();
            leaf(List.of(Alternative.ANY));
        }

        private void open() {
            groups.push(new ArrayList<>());
        }

        private List<List<Alternative>> close() {
            return groups.pop();
        }
    }

    private static final class Collector implements RouterFunctions.Visitor {
        private final List<Entry> entries = new ArrayList<>();
        private final Deque<List<Alternative>> nesting = new ArrayDeque<>();

        @Override
        public void startNested(RequestPredicate predicate) {
            nesting.push(PredicateReader.read(predicate));
        }

        @Override
        public void endNested(RequestPredicate predicate) {
            nesting.pop();
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
            List<Alternative> alternatives = PredicateReader.read(predicate);
            // The deque iterates innermost level first; each level is a prefix of what is inside it.
            for (List<Alternative> level : nesting) {
                alternatives = Alternative.and(level, alternatives, true);
            }
            for (Alternative alternative : alternatives) {
                if (alternative.path() != null) {
                    entries.add(new Entry(alternative.methods(), PathPatternParser.defaultInstance.parse(alternative.path())));
                }
            }
        }

        @Override
        public void resources(Function<ServerRequest, Optional<Resource>> lookup) {
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
        }
    }
}

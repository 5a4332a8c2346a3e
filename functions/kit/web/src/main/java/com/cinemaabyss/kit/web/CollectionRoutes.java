package com.cinemaabyss.kit.web;

import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import com.cinemaabyss.kit.core.Page;
import com.cinemaabyss.kit.core.PageRequest;

import org.springframework.messaging.Message;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The legacy collection shape, bound to function beans: {@code GET path} lists, {@code GET path?id=N}
 * returns one, {@code GET path?user_id=N} filters by user where supported, {@code GET path?limit=L&cursor=C}
 * answers one page where supported, {@code POST path} creates (201).
 */
public final class CollectionRoutes<N> {

    private static final int DEFAULT_PAGE = 50;

    private final String path;
    private Supplier<? extends Iterable<?>> list;
    private Function<Long, ?> get;
    private Function<Long, ? extends List<?>> byUser;
    private Function<PageRequest, ? extends Page<?>> page;
    private int maxPage;
    private Class<N> newType;
    private Function<N, ? extends Message<?>> create;

    private CollectionRoutes(String path) {
        this.path = path;
    }

    public static <N> CollectionRoutes<N> at(String path, Class<N> newType) {
        CollectionRoutes<N> routes = new CollectionRoutes<>(path);
        routes.newType = newType;
        return routes;
    }

    public CollectionRoutes<N> list(Supplier<? extends Iterable<?>> list) {
        this.list = list;
        return this;
    }

    public CollectionRoutes<N> get(Function<Long, ?> get) {
        this.get = get;
        return this;
    }

    public CollectionRoutes<N> byUser(Function<Long, ? extends List<?>> byUser) {
        this.byUser = byUser;
        return this;
    }

    /** Paging for newer clients: {@code limit} from 1 to {@code maxPage} (50 when only a cursor is given). */
    public CollectionRoutes<N> page(Function<PageRequest, ? extends Page<?>> page, int maxPage) {
        this.page = page;
        this.maxPage = maxPage;
        return this;
    }

    public CollectionRoutes<N> create(Function<N, ? extends Message<?>> create) {
        this.create = create;
        return this;
    }

    public RouterFunction<ServerResponse> build() {
        return RouterFunctions.route()
                .GET(path, this::read)
                .POST(path, request -> Responses.of(create.apply(Requests.body(request, newType))))
                .build();
    }

    private ServerResponse read(ServerRequest request) {
        Optional<Long> id = Requests.positiveLongParam(request, "id");
        if (id.isPresent()) {
            return Responses.ok(get.apply(id.get()));
        }
        if (byUser != null) {
            Optional<Long> userId = Requests.positiveLongParam(request, "user_id");
            if (userId.isPresent()) {
                return Responses.ok(byUser.apply(userId.get()));
            }
        }
        if (page != null) {
            Optional<Integer> limit = Requests.intParam(request, "limit", 1, maxPage);
            Optional<String> cursor = request.param("cursor");
            if (limit.isPresent() || cursor.isPresent()) {
                return Responses.ok(page.apply(new PageRequest(limit.orElse(DEFAULT_PAGE), cursor.orElse(null))));
            }
        }
        return Responses.ok(list.get());
    }
}

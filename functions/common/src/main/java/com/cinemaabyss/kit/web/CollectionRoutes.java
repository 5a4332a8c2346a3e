package com.cinemaabyss.kit.web;

import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The legacy collection shape, bound to function beans: {@code GET path} lists, {@code GET path?id=N}
 * returns one, {@code GET path?user_id=N} filters by user where supported, {@code POST path} creates (201).
 */
public final class CollectionRoutes<N> {

    private final String path;
    private Supplier<? extends List<?>> list;
    private Function<Long, ?> get;
    private Function<Long, ? extends List<?>> byUser;
    private Class<N> newType;
    private Function<N, ?> create;

    private CollectionRoutes(String path) {
        this.path = path;
    }

    public static <N> CollectionRoutes<N> at(String path, Class<N> newType) {
        CollectionRoutes<N> routes = new CollectionRoutes<>(path);
        routes.newType = newType;
        return routes;
    }

    public CollectionRoutes<N> list(Supplier<? extends List<?>> list) {
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

    public CollectionRoutes<N> create(Function<N, ?> create) {
        this.create = create;
        return this;
    }

    public RouterFunction<ServerResponse> build() {
        return RouterFunctions.route()
                .GET(path, this::read)
                .POST(path, request -> Responses.created(create.apply(Requests.body(request, newType))))
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
        return Responses.ok(list.get());
    }
}

package com.cinemaabyss.kit.web;

import com.cinemaabyss.kit.core.ErrorBody;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.RequestPath;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.Set;

/**
 * Catches what fails before or outside a route (unknown path, wrong method, unreadable body). When no route took a
 * request, it is the fallback after every handler mapping: a path some functional route knows with other methods
 * answers 405 and {@code Allow}, any other path 404.
 */
@RestControllerAdvice
public class JsonErrorAdvice {

    private final ObjectProvider<RouterFunction<?>> routers;
    private volatile RouteTable routes;

    public JsonErrorAdvice(ObjectProvider<RouterFunction<?>> routers) {
        this.routers = routers;
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    public ResponseEntity<ErrorBody> noRoute(Exception failure, HttpServletRequest request) {
        RequestPath path = RequestPath.parse(request.getRequestURI(), request.getContextPath());
        Set<HttpMethod> allowed = routes().allowedMethods(path.pathWithinApplication());
        if (!allowed.isEmpty() && !allowed.contains(HttpMethod.valueOf(request.getMethod()))) {
            return JsonErrors.methodNotAllowed(request.getMethod(), allowed);
        }
        return JsonErrors.toResponse(failure);
    }

    @ExceptionHandler(Throwable.class)
    public ResponseEntity<ErrorBody> handle(Throwable failure) {
        return JsonErrors.toResponse(failure);
    }

    private RouteTable routes() {
        RouteTable table = routes;
        if (table == null) {
            table = RouteTable.of(routers.orderedStream().toList());
            routes = table;
        }
        return table;
    }
}

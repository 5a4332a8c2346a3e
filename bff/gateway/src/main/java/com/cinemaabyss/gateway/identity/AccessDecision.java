package com.cinemaabyss.gateway.identity;

import com.cinemaabyss.kit.auth.TokenProblem;
import com.cinemaabyss.kit.auth.Identity;
import com.cinemaabyss.kit.auth.Role;
import java.util.Optional;

/**
 * What the gateway does with a request: let it through (as a verified identity, or anonymously), or answer it with
 * {@link Denied#status()}, a JSON body {@code {"error": message}} and, when present, {@code WWW-Authenticate}. Every
 * message and challenge is fixed ASCII without quotes or backslashes: safe in a header and in JSON as it is.
 */
public sealed interface AccessDecision {

    /** Through; {@code identity} empty for an anonymous caller (or one admitted by the admin token). */
    record Allowed(Optional<Identity> identity) implements AccessDecision {

        public static Allowed anonymous() {
            return new Allowed(Optional.empty());
        }
    }

    /** Not through. */
    sealed interface Denied extends AccessDecision {
        int status();

        String message();

        Optional<String> wwwAuthenticate();
    }

    /** 401 (503 when the keys could not be fetched): no valid token. */
    record Unauthorized(TokenProblem problem) implements Denied {
        public int status() {
            return problem.status();
        }

        public String message() {
            return problem.description();
        }

        public Optional<String> wwwAuthenticate() {
            return problem.status() == 401 ? Optional.of(problem.wwwAuthenticate()) : Optional.empty();
        }
    }

    /** 403: a valid token without the role the route needs (RFC 6750 {@code insufficient_scope}). */
    record Forbidden(Role required) implements Denied {
        public int status() {
            return 403;
        }

        public String message() {
            return "the " + required.wireName() + " role is required";
        }

        public Optional<String> wwwAuthenticate() {
            return Optional.of("Bearer realm=\"cinemaabyss\", error=\"insufficient_scope\", error_description=\"" + message() + "\"");
        }
    }

    /** 400: a path the policy cannot judge safely ({@link RoutePattern#isCanonical}). */
    record NotCanonical() implements Denied {
        public int status() {
            return 400;
        }

        public String message() {
            return "the request path is not in canonical form";
        }

        public Optional<String> wwwAuthenticate() {
            return Optional.empty();
        }
    }
}

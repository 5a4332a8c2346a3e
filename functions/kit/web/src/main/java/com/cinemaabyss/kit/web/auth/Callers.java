package com.cinemaabyss.kit.web.auth;

import com.cinemaabyss.kit.auth.Identity;
import com.cinemaabyss.kit.auth.Role;
import com.cinemaabyss.kit.auth.TokenProblem;
import com.cinemaabyss.kit.auth.TokenVerification;
import com.cinemaabyss.kit.auth.TokenVerifier;
import com.cinemaabyss.kit.core.ForbiddenException;
import com.cinemaabyss.kit.core.UnauthorizedException;
import com.cinemaabyss.kit.core.UnavailableException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sends a request, from the {@code Authorization: Bearer} access token the gateway forwards, verified here against
 * identity's keys. A bare {@code X-User-Id} is never believed: whoever can reach a function could set it, and the roles
 * a function decides by are only in the signed token.
 */
public final class Callers {

    static final String REQUIRED = "authentication required";

    private final TokenVerifier verifier;

    public Callers(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /** The caller; 401 without a valid access token, 503 when identity's keys cannot be fetched. */
    public Caller require(ServerRequest request) {
        TokenVerification verification = verifier.verify(request.headers().firstHeader(HttpHeaders.AUTHORIZATION)).join();
        return switch (verification) {
            case TokenVerification.Valid valid -> caller(valid.identity());
            case TokenVerification.Invalid invalid when invalid.problem() == TokenProblem.KEYS_UNAVAILABLE ->
                    throw new UnavailableException(invalid.problem().description(), null);
            case TokenVerification.Invalid invalid when invalid.problem() == TokenProblem.MISSING ->
                    throw new UnauthorizedException(REQUIRED);
            case TokenVerification.Invalid invalid -> throw new UnauthorizedException(invalid.problem().description());
        };
    }

    /** The caller, who must hold {@code role} (admin holds every role); 403 otherwise. */
    public Caller requireRole(ServerRequest request, String role) {
        Caller caller = require(request);
        if (!caller.hasRole(role)) {
            throw new ForbiddenException("this needs the " + role + " role");
        }
        return caller;
    }

    /** The user a valid {@code Authorization} value names; empty without one (never fails: for scoping, not for access). */
    public Optional<Long> userIdOf(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        if (verifier.verify(authorization).join() instanceof TokenVerification.Valid valid) {
            try {
                return Optional.of(caller(valid.identity()).userId());
            } catch (UnauthorizedException notAUserId) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Caller caller(Identity identity) {
        long userId;
        try {
            userId = Long.parseLong(identity.userId());
        } catch (NumberFormatException e) {
            throw new UnauthorizedException(TokenProblem.INVALID_CLAIMS.description());
        }
        if (userId < 1) {
            throw new UnauthorizedException(TokenProblem.INVALID_CLAIMS.description());
        }
        Set<String> roles = identity.roles().stream().map(Role::wireName).collect(Collectors.toUnmodifiableSet());
        return new Caller(userId, roles);
    }
}

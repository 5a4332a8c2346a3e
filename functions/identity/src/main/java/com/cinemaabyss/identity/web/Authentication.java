package com.cinemaabyss.identity.web;

import com.cinemaabyss.identity.domain.Caller;
import com.cinemaabyss.identity.security.AccessTokens;
import com.cinemaabyss.kit.core.UnauthorizedException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;

import java.util.Set;

/**
 * Who sends a request. An {@code Authorization: Bearer} access token is verified here with identity's own keys and,
 * when present, is the only thing believed: an invalid one is a 401 whatever else the request says. Without one, the
 * gateway's {@code X-User-Id} (set after the gateway verified the token) is believed only when
 * {@code trustGatewayUserHeader} is on, i.e. where nothing but the gateway can reach identity; it carries no roles.
 */
public class Authentication {

    public static final String USER_HEADER = "X-User-Id";
    static final String REQUIRED = "authentication required";
    private static final String BEARER = "Bearer ";

    private final AccessTokens tokens;
    private final boolean trustGatewayUserHeader;

    public Authentication(AccessTokens tokens, boolean trustGatewayUserHeader) {
        this.tokens = tokens;
        this.trustGatewayUserHeader = trustGatewayUserHeader;
    }

    public Caller caller(ServerRequest request) {
        String authorization = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw new UnauthorizedException(AccessTokens.INVALID);
            }
            return tokens.verify(authorization.substring(BEARER.length()).strip());
        }
        String userId = request.headers().firstHeader(USER_HEADER);
        if (trustGatewayUserHeader && userId != null) {
            return new Caller(parseUserId(userId), Set.of(), false);
        }
        throw new UnauthorizedException(REQUIRED);
    }

    private static long parseUserId(String value) {
        if (value.isEmpty() || value.length() > 16 || !value.chars().allMatch(Character::isDigit)) {
            throw new UnauthorizedException(REQUIRED);
        }
        long id = Long.parseLong(value);
        if (id < 1) {
            throw new UnauthorizedException(REQUIRED);
        }
        return id;
    }
}

package com.cinemaabyss.gateway.identity;

import com.cinemaabyss.kit.auth.TokenVerifier;
import com.cinemaabyss.kit.auth.TokenVerification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The gateway's front door: the policy's rule for a request, and the token check the rule needs. Tokens are only
 * verified when the rule looks at them; the future is already complete unless a key fetch is needed (see
 * {@link TokenVerifier}).
 */
public final class AccessGuard {

    private final AccessPolicy policy;
    private final TokenVerifier verifier;
    private final byte[] adminAuthorization;

    /** @param adminToken the gateway's admin token (GATEWAY_ADMIN_TOKEN); blank: no admin token is accepted */
    public AccessGuard(AccessPolicy policy, TokenVerifier verifier, String adminToken) {
        this.policy = policy;
        this.verifier = verifier;
        this.adminAuthorization = adminToken == null || adminToken.isBlank() ? null
                : ("Bearer " + adminToken).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param method        the request method
     * @param path          the raw request path, without the query
     * @param authorization the {@code Authorization} header, null when absent
     */
    public CompletableFuture<AccessDecision> check(String method, String path, String authorization) {
        if (!RoutePattern.isCanonical(path)) {
            return CompletableFuture.completedFuture(new AccessDecision.NotCanonical());
        }
        AccessRule rule = policy.ruleFor(method, path);
        if (rule.adminToken() && isAdminToken(authorization)) {
            return CompletableFuture.completedFuture(AccessDecision.Allowed.anonymous());
        }
        Access access = rule.access();
        boolean tokenSent = authorization != null && !authorization.isBlank();
        if (access.kind() == Access.Kind.PUBLIC || access.kind() == Access.Kind.OPTIONAL && !tokenSent) {
            return CompletableFuture.completedFuture(AccessDecision.Allowed.anonymous());
        }
        return verifier.verify(authorization).thenApply(verification -> decide(access, verification));
    }

    private static AccessDecision decide(Access access, TokenVerification verification) {
        return switch (verification) {
            case TokenVerification.Invalid invalid -> new AccessDecision.Unauthorized(invalid.problem());
            case TokenVerification.Valid valid when access.kind() == Access.Kind.ROLE && !valid.identity().has(access.role()) ->
                    new AccessDecision.Forbidden(access.role());
            case TokenVerification.Valid valid -> new AccessDecision.Allowed(Optional.of(valid.identity()));
        };
    }

    private boolean isAdminToken(String authorization) {
        return adminAuthorization != null && authorization != null
                && MessageDigest.isEqual(adminAuthorization, authorization.getBytes(StandardCharsets.UTF_8));
    }
}

package com.cinemaabyss.identity.functions;

import com.cinemaabyss.identity.domain.Authenticated;
import com.cinemaabyss.identity.domain.Caller;
import com.cinemaabyss.identity.domain.LoginAttempt;
import com.cinemaabyss.identity.domain.NewPassword;
import com.cinemaabyss.identity.domain.PasswordResetRequest;
import com.cinemaabyss.identity.domain.RefreshRequest;
import com.cinemaabyss.identity.domain.RegisteredUser;
import com.cinemaabyss.identity.domain.Registration;
import com.cinemaabyss.identity.domain.SignUp;
import com.cinemaabyss.identity.domain.SsoCallback;
import com.cinemaabyss.identity.domain.SsoRedirect;
import com.cinemaabyss.identity.domain.SsoStart;
import com.cinemaabyss.identity.domain.TokenPair;
import com.cinemaabyss.identity.domain.TokenSubmission;
import com.cinemaabyss.identity.domain.UserRoles;
import com.cinemaabyss.identity.domain.UserView;
import com.cinemaabyss.identity.security.SigningKeys;
import com.cinemaabyss.kit.web.Created;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** identity's operations, as function beans: the HTTP routes call exactly these, and so can AWS Lambda. */
@Configuration(proxyBeanMethods = false)
public class IdentityFunctions {

    @Bean
    public Function<SignUp, Message<RegisteredUser>> register(Accounts accounts) {
        return signUp -> Created.of(accounts.register(signUp));
    }

    @Bean
    public Function<LoginAttempt, TokenPair> login(Sessions sessions) {
        return sessions::login;
    }

    @Bean
    public Function<RefreshRequest, TokenPair> refreshSession(Sessions sessions) {
        return request -> sessions.refresh(request.refreshToken());
    }

    @Bean
    public Consumer<RefreshRequest> logout(Sessions sessions) {
        return request -> sessions.logout(request.refreshToken());
    }

    @Bean
    public Function<Caller, UserView> me(Accounts accounts) {
        return accounts::me;
    }

    @Bean
    public Function<Authenticated<UserRoles>, UserView> changeRoles(Accounts accounts) {
        return request -> accounts.changeRoles(request.caller(), request.body().userId(), request.body().change());
    }

    @Bean
    public Consumer<Caller> requestEmailVerification(Accounts accounts) {
        return accounts::requestEmailVerification;
    }

    @Bean
    public Function<TokenSubmission, UserView> verifyEmail(Accounts accounts) {
        return submission -> accounts.verifyEmail(submission.token());
    }

    @Bean
    public Consumer<PasswordResetRequest> requestPasswordReset(Accounts accounts) {
        return accounts::requestPasswordReset;
    }

    @Bean
    public Consumer<NewPassword> resetPassword(Accounts accounts) {
        return accounts::resetPassword;
    }

    @Bean
    public Function<SsoStart, SsoRedirect> ssoAuthorize(SingleSignOn sso) {
        return sso::start;
    }

    @Bean
    public Function<SsoCallback, TokenPair> ssoCallback(SingleSignOn sso) {
        return sso::finish;
    }

    /** The public keys access tokens are verified with, as a JWK Set document (RFC 7517). */
    @Bean
    public Supplier<Map<String, Object>> jwks(SigningKeys keys) {
        return () -> keys.published().toJSONObject(true);
    }
}

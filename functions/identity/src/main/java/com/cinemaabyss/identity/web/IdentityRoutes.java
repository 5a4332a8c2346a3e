package com.cinemaabyss.identity.web;

import com.cinemaabyss.identity.domain.Authenticated;
import com.cinemaabyss.identity.domain.Caller;
import com.cinemaabyss.identity.domain.Credentials;
import com.cinemaabyss.identity.domain.LoginAttempt;
import com.cinemaabyss.identity.domain.NewPassword;
import com.cinemaabyss.identity.domain.PasswordResetRequest;
import com.cinemaabyss.identity.domain.RefreshRequest;
import com.cinemaabyss.identity.domain.RegisteredUser;
import com.cinemaabyss.identity.domain.Registration;
import com.cinemaabyss.identity.domain.SignUp;
import com.cinemaabyss.identity.domain.RoleChange;
import com.cinemaabyss.identity.domain.TokenPair;
import com.cinemaabyss.identity.domain.TokenSubmission;
import com.cinemaabyss.identity.domain.UserRoles;
import com.cinemaabyss.identity.domain.UserView;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.web.Requests;
import com.cinemaabyss.kit.web.Responses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.messaging.Message;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.springframework.web.servlet.function.RouterFunctions.route;

/** identity's HTTP routes, each bound to a function bean. Answers that carry tokens are never cached. */
@Configuration(proxyBeanMethods = false)
public class IdentityRoutes {

    public static final String REGISTER = "/api/auth/register";
    static final Duration JWKS_MAX_AGE = Duration.ofSeconds(60);

    @Bean
    RouterFunction<ServerResponse> identityApi(
            Function<SignUp, Message<RegisteredUser>> register, Function<LoginAttempt, TokenPair> login,
            Function<RefreshRequest, TokenPair> refreshSession, Consumer<RefreshRequest> logout, Function<Caller, UserView> me,
            Function<Authenticated<UserRoles>, UserView> changeRoles, Consumer<Caller> requestEmailVerification,
            Function<TokenSubmission, UserView> verifyEmail, Consumer<PasswordResetRequest> requestPasswordReset,
            Consumer<NewPassword> resetPassword, Supplier<Map<String, Object>> jwks, Authentication authentication) {
        return route()
                .GET("/api/auth/health", request -> Responses.healthy())
                .POST(REGISTER, request -> Responses.of(register.apply(new SignUp(Requests.body(request, Registration.class),
                        request.headers().firstHeader(SignUp.COUNTRY_HEADER)))))
                .POST("/api/auth/login", request -> tokens(login.apply(new LoginAttempt(Requests.body(request, Credentials.class),
                        ClientAddresses.of(request.headers().firstHeader("X-Forwarded-For"), request.servletRequest().getRemoteAddr())))))
                .POST("/api/auth/refresh", request -> tokens(refreshSession.apply(Requests.body(request, RefreshRequest.class))))
                .POST("/api/auth/logout", request -> {
                    logout.accept(Requests.body(request, RefreshRequest.class));
                    return ServerResponse.noContent().build();
                })
                .GET("/api/auth/me", request -> private_(me.apply(authentication.caller(request))))
                .PUT("/api/auth/users/{id}/roles", request -> {
                    Caller caller = authentication.caller(request);
                    long id = userId(request);
                    return private_(changeRoles.apply(new Authenticated<>(caller, new UserRoles(id, Requests.body(request, RoleChange.class)))));
                })
                .POST("/api/auth/verify-email/request", request -> {
                    requestEmailVerification.accept(authentication.caller(request));
                    return ServerResponse.accepted().build();
                })
                .POST("/api/auth/verify-email", request -> private_(verifyEmail.apply(Requests.body(request, TokenSubmission.class))))
                .POST("/api/auth/password-reset/request", request -> {
                    requestPasswordReset.accept(Requests.body(request, PasswordResetRequest.class));
                    return ServerResponse.accepted().build();
                })
                .POST("/api/auth/password-reset", request -> {
                    resetPassword.accept(Requests.body(request, NewPassword.class));
                    return ServerResponse.noContent().build();
                })
                .GET("/.well-known/jwks.json", request -> ServerResponse.ok()
                        .cacheControl(CacheControl.maxAge(JWKS_MAX_AGE).cachePublic())
                        .contentType(MediaType.APPLICATION_JSON).body(jwks.get()))
                .filter(Responses.jsonErrors())
                .build();
    }

    private static ServerResponse tokens(TokenPair pair) {
        return ServerResponse.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache")
                .contentType(MediaType.APPLICATION_JSON).body(pair);
    }

    private static ServerResponse private_(Object body) {
        return ServerResponse.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static long userId(ServerRequest request) {
        String raw = request.pathVariable("id");
        try {
            long id = Long.parseLong(raw);
            if (id < 1 || raw.length() > 16) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("path segment 'id' must be a positive integer");
        }
    }
}

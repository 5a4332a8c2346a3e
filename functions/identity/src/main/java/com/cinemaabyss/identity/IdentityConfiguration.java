package com.cinemaabyss.identity;

import com.cinemaabyss.identity.functions.Accounts;
import com.cinemaabyss.identity.functions.BootstrapAdmin;
import com.cinemaabyss.identity.functions.IdentityFunctions;
import com.cinemaabyss.identity.functions.Sessions;
import com.cinemaabyss.identity.functions.SingleSignOn;
import com.cinemaabyss.identity.sso.OidcProviders;
import com.cinemaabyss.identity.security.AccessTokens;
import com.cinemaabyss.identity.security.LoginThrottle;
import com.cinemaabyss.identity.security.PasswordHasher;
import com.cinemaabyss.identity.security.SigningKeys;
import com.cinemaabyss.identity.store.AccountStore;
import com.cinemaabyss.identity.store.DynamoFailureCounters;
import com.cinemaabyss.identity.store.DynamoSigningKeyStore;
import com.cinemaabyss.identity.store.EmailItem;
import com.cinemaabyss.identity.store.ExternalIdentityItem;
import com.cinemaabyss.identity.store.OneTimeTokenItem;
import com.cinemaabyss.identity.store.RefreshFamilyItem;
import com.cinemaabyss.identity.store.RefreshTokenItem;
import com.cinemaabyss.identity.store.SessionStore;
import com.cinemaabyss.identity.store.SigningKeyItem;
import com.cinemaabyss.identity.store.SsoStateItem;
import com.cinemaabyss.identity.store.SsoStateStore;
import com.cinemaabyss.identity.store.UserItem;
import com.cinemaabyss.identity.web.Authentication;
import com.cinemaabyss.identity.web.IdentityRoutes;
import com.cinemaabyss.identity.web.SsoRoutes;
import com.cinemaabyss.kit.core.idempotency.IdempotencyStore;
import com.cinemaabyss.kit.dynamo.DynamoSettings;
import com.cinemaabyss.kit.dynamo.IdSequences;
import com.cinemaabyss.kit.dynamo.IdSequencesConfiguration;
import com.cinemaabyss.kit.dynamo.InterleavedIds;
import com.cinemaabyss.kit.dynamo.TableSetup;
import com.cinemaabyss.kit.outbox.Outbox;
import com.cinemaabyss.kit.outbox.OutboxConfiguration;
import com.cinemaabyss.kit.web.IdempotencyFilter;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/** identity's tables, stores, token machinery and the operations over them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IdentitySettings.class, TokenSettings.class, KeySettings.class, PasswordSettings.class,
        LoginSettings.class, BootstrapAdminSettings.class, UserSettings.class, SsoSettings.class})
@Import({IdSequencesConfiguration.class, OutboxConfiguration.class, IdentityFunctions.class, IdentityRoutes.class, SsoRoutes.class})
public class IdentityConfiguration {

    @Bean
    Clock identityClock() {
        return Clock.systemUTC();
    }

    @Bean
    AccountStore accountStore(DynamoDbEnhancedClient client, TableSetup tables, DynamoSettings dynamo, IdSequences ids,
                              UserSettings users, Outbox outbox, Clock clock) {
        return new AccountStore(table(client, tables, dynamo, "users", UserItem.class), table(client, tables, dynamo, "emails", EmailItem.class),
                table(client, tables, dynamo, "one-time-tokens", OneTimeTokenItem.class),
                table(client, tables, dynamo, "external-identities", ExternalIdentityItem.class),
                new InterleavedIds(ids, "users", users.idOffset(), users.idStride()), outbox, clock);
    }

    @Bean
    SessionStore sessionStore(DynamoDbEnhancedClient client, TableSetup tables, DynamoSettings dynamo, Outbox outbox, Clock clock) {
        return new SessionStore(table(client, tables, dynamo, "refresh-tokens", RefreshTokenItem.class),
                table(client, tables, dynamo, "refresh-families", RefreshFamilyItem.class), outbox, clock);
    }

    @Bean
    SigningKeys signingKeys(DynamoDbEnhancedClient client, TableSetup tables, DynamoSettings dynamo, KeySettings keys,
                            TokenSettings tokens, Clock clock) {
        return new SigningKeys(new DynamoSigningKeyStore(table(client, tables, dynamo, "signing-keys", SigningKeyItem.class)), keys, tokens, clock);
    }

    @Bean
    AccessTokens accessTokens(SigningKeys keys, IdentitySettings identity, TokenSettings tokens, KeySettings keySettings, Clock clock) {
        return new AccessTokens(keys, identity, tokens, keySettings, clock);
    }

    @Bean
    PasswordHasher passwordHasher(PasswordSettings settings) {
        return new PasswordHasher(settings);
    }

    @Bean
    LoginThrottle loginThrottle(DynamoDbClient client, TableSetup tables, DynamoSettings dynamo, LoginSettings settings, Clock clock) {
        String table = dynamo.table("login-failures");
        tables.ensureKeyedByString(table, "key");
        return new LoginThrottle(new DynamoFailureCounters(client, table), settings, clock);
    }

    @Bean(destroyMethod = "close")
    Accounts accounts(AccountStore store, PasswordHasher hasher, TokenSettings tokens) {
        return new Accounts(store, hasher, tokens);
    }

    @Bean
    Sessions sessions(AccountStore accounts, SessionStore sessions, PasswordHasher hasher, LoginThrottle throttle,
                      AccessTokens accessTokens, TokenSettings tokens) {
        return new Sessions(accounts, sessions, hasher, throttle, accessTokens, tokens);
    }

    @Bean
    SingleSignOn singleSignOn(SsoSettings settings, DynamoDbEnhancedClient client, TableSetup tables, DynamoSettings dynamo,
                              AccountStore accounts, Sessions sessions, Clock clock) {
        return new SingleSignOn(settings, new OidcProviders(settings, clock),
                new SsoStateStore(table(client, tables, dynamo, "sso-states", SsoStateItem.class), clock), accounts, sessions);
    }

    @Bean
    Authentication authentication(AccessTokens tokens, IdentitySettings identity) {
        return new Authentication(tokens, identity.trustGatewayUserHeader());
    }

    @Bean
    BootstrapAdmin bootstrapAdmin(BootstrapAdminSettings settings, Accounts accounts, AccountStore store) {
        return new BootstrapAdmin(settings, accounts, store);
    }

    @EventListener(ApplicationReadyEvent.class)
    void createBootstrapAdmin(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(BootstrapAdmin.class).ensure();
    }

    /**
     * Idempotency keys on registration only: a login, refresh or reset replayed from storage would hand out tokens
     * kept in the idempotency table, and repeating those is harmless anyway (each is its own session or request).
     */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> registrationIdempotency(IdempotencyStore store) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(store, request -> ""));
        registration.addUrlPatterns(IdentityRoutes.REGISTER);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    private static <T> DynamoDbTable<T> table(DynamoDbEnhancedClient client, TableSetup tables, DynamoSettings dynamo, String role, Class<T> type) {
        return tables.ensure(client.table(dynamo.table(role), TableSchema.fromBean(type)));
    }
}

package com.cinemaabyss.identity.functions;

import com.cinemaabyss.identity.SsoSettings;
import com.cinemaabyss.identity.domain.Email;
import com.cinemaabyss.identity.domain.Registration;
import com.cinemaabyss.identity.domain.Role;
import com.cinemaabyss.identity.domain.SsoCallback;
import com.cinemaabyss.identity.domain.SsoRedirect;
import com.cinemaabyss.identity.domain.SsoStart;
import com.cinemaabyss.identity.domain.TokenPair;
import com.cinemaabyss.identity.security.Secrets;
import com.cinemaabyss.identity.sso.ExternalIdentity;
import com.cinemaabyss.identity.sso.OidcProviders;
import com.cinemaabyss.identity.store.AccountStore;
import com.cinemaabyss.identity.store.ExternalIdentityItem;
import com.cinemaabyss.identity.store.SsoStateStore;
import com.cinemaabyss.identity.store.UserItem;
import com.cinemaabyss.kit.core.ConflictException;
import com.cinemaabyss.kit.core.InvalidInputException;
import com.cinemaabyss.kit.core.NotFoundException;
import com.cinemaabyss.kit.core.UnauthorizedException;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.Optional;

/**
 * Logins through external OpenID Connect providers. A login starts with a stored state (PKCE verifier, nonce, the
 * provider) and a redirect to the provider; the callback takes the state out once, redeems the code, validates the ID
 * token and finds the account: the one the external identity is linked to; else, on the first login, the account of
 * the provider-verified email (linked from then on); else a new account (no password, role viewer), created through
 * the same registration as any other and linked in the same transaction. An unverified email never links to an
 * existing account: whoever controls the provider's account need not own the address. A verified one takes over an
 * account whose email identity never verified (see AccountStore.linkVerifiedOwner).
 */
public class SingleSignOn {

    public static final String UNVERIFIED_EMAIL_TAKEN = "an account with this email exists, and the provider did not verify the email: "
            + "log in with the password and link from there, or have the provider verify the address";
    public static final String NO_EMAIL = "the provider gave no email address, which a new account needs (ask for the 'email' scope)";
    private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);
    private static final int ATTEMPTS = 3;

    private final SsoSettings settings;
    private final OidcProviders providers;
    private final SsoStateStore states;
    private final AccountStore accounts;
    private final Sessions sessions;

    public SingleSignOn(SsoSettings settings, OidcProviders providers, SsoStateStore states, AccountStore accounts, Sessions sessions) {
        this.settings = settings;
        this.providers = providers;
        this.states = states;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    /** Stores a new login and answers where the browser goes to log in with the provider. */
    public SsoRedirect start(SsoStart start) {
        SsoSettings.Provider provider = provider(start.provider());
        String state = Secrets.newToken();
        String nonce = Secrets.newToken();
        String verifier = new CodeVerifier().getValue();
        // Discovery first: a provider that is down must not leave a stored state behind.
        var url = providers.authorizationUrl(start.provider(), provider, state, nonce, verifier);
        states.save(state, new SsoStateStore.Pending(start.provider(), verifier, nonce), settings.stateTtl());
        return new SsoRedirect(url);
    }

    /** Finishes a login: the tokens of a session, as a password login answers them. */
    public TokenPair finish(SsoCallback callback) {
        SsoSettings.Provider provider = provider(callback.provider());
        Optional<SsoStateStore.Pending> pending = callback.state() == null ? Optional.empty() : states.take(callback.state());
        if (callback.refused()) {
            // The state (if it was one) is used up either way: a refused login cannot be resumed.
            throw new InvalidInputException("the provider did not log you in: " + callback.error()
                    + (callback.errorDescription() == null ? "" : " (" + callback.errorDescription() + ")"));
        }
        SsoStateStore.Pending login = pending.orElseThrow(() -> new InvalidInputException(SsoCallback.UNKNOWN_STATE));
        if (!login.provider().equals(callback.provider())) {
            throw new InvalidInputException("the login state belongs to another provider; start the login again");
        }
        ExternalIdentity identity = providers.redeem(callback.provider(), provider, callback.code(), login.codeVerifier(), login.nonce());
        UserItem user = account(identity);
        log.info("sso login user={} provider={}", user.getId(), identity.provider());
        return sessions.startSso(user, identity.provider());
    }

    UserItem account(ExternalIdentity identity) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<ExternalIdentityItem> link = accounts.findLink(identity.linkId());
            if (link.isPresent()) {
                return accounts.find(link.get().getUserId())
                        .orElseThrow(() -> new UnauthorizedException("the account linked to this identity no longer exists"));
            }
            try {
                return firstLogin(identity);
            } catch (AccountStore.ExternalIdentityTaken anotherLoginLinkedItFirst) {
                // read the link it made
            }
        }
        throw new ConflictException("this identity is being linked by another login; retry");
    }

    private UserItem firstLogin(ExternalIdentity identity) {
        if (identity.email() == null) {
            throw new InvalidInputException(NO_EMAIL);
        }
        Email email;
        try {
            email = Email.parse(identity.email(), "email");
        } catch (InvalidInputException unusable) {
            throw new InvalidInputException("the provider's email address cannot be an account's: " + unusable.getMessage());
        }
        Optional<UserItem> owner = accounts.findByEmail(email.normalized());
        if (owner.isPresent()) {
            if (!identity.emailVerified()) {
                throw new InvalidInputException(UNVERIFIED_EMAIL_TAKEN);
            }
            UserItem linked = accounts.linkVerifiedOwner(link(identity), owner.get().getId());
            log.info("linked an identity at provider {} to user={} by its verified email", identity.provider(), linked.getId());
            return linked;
        }
        try {
            UserItem created = accounts.createLinked(email, username(identity, email), identity.emailVerified(), EnumSet.of(Role.VIEWER), link(identity));
            log.info("registered user={} through provider {}", created.getId(), identity.provider());
            return created;
        } catch (ConflictException emailTakenMeanwhile) {
            // Someone registered the address between the lookup and the write: decide again with them in the table.
            return firstLogin(identity);
        }
    }

    private static ExternalIdentityItem link(ExternalIdentity identity) {
        ExternalIdentityItem item = new ExternalIdentityItem();
        item.setId(identity.linkId());
        item.setIssuer(identity.issuer());
        item.setSubject(identity.subject());
        item.setProvider(identity.provider());
        return item;
    }

    /** The provider's name for the user if it would do as a username, else the email's local part. */
    static String username(ExternalIdentity identity, Email email) {
        String name = identity.name();
        if (name != null && name.length() <= Registration.MAX_USERNAME && name.chars().noneMatch(Character::isISOControl)) {
            return name;
        }
        String local = email.value().substring(0, email.value().indexOf('@'));
        return local.length() <= Registration.MAX_USERNAME ? local : local.substring(0, Registration.MAX_USERNAME);
    }

    private SsoSettings.Provider provider(String name) {
        return settings.provider(name).orElseThrow(() -> new NotFoundException(SsoStart.unknown()));
    }
}

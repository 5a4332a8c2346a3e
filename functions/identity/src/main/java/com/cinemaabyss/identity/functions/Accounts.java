package com.cinemaabyss.identity.functions;

import com.cinemaabyss.identity.TokenSettings;
import com.cinemaabyss.identity.domain.Caller;
import com.cinemaabyss.identity.domain.Email;
import com.cinemaabyss.identity.domain.NewPassword;
import com.cinemaabyss.identity.domain.PasswordPolicy;
import com.cinemaabyss.identity.domain.PasswordResetRequest;
import com.cinemaabyss.identity.domain.RegisteredUser;
import com.cinemaabyss.identity.domain.Registration;
import com.cinemaabyss.identity.domain.SignUp;
import com.cinemaabyss.identity.domain.Role;
import com.cinemaabyss.identity.domain.RoleChange;
import com.cinemaabyss.identity.domain.Roles;
import com.cinemaabyss.identity.domain.UserView;
import com.cinemaabyss.identity.events.UserEvents;
import com.cinemaabyss.identity.security.PasswordHasher;
import com.cinemaabyss.identity.store.AccountStore;
import com.cinemaabyss.identity.store.UserItem;
import com.cinemaabyss.kit.core.ConflictException;
import com.cinemaabyss.kit.core.ForbiddenException;
import com.cinemaabyss.kit.core.UnauthorizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** What happens to accounts: registration, the owner's view, roles, email verification and password resets. */
public class Accounts implements AutoCloseable {

    public static final String ADMINS_ONLY = "only an admin may change roles";
    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final TokenSettings tokens;
    /** Password reset requests run after the answer, so that it takes as long for an address that is no account. */
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    public Accounts(AccountStore store, PasswordHasher hasher, TokenSettings tokens) {
        this.store = store;
        this.hasher = hasher;
        this.tokens = tokens;
    }

    /** A new viewer account, with a verification token for its address in the same write (the welcome mail carries it). */
    public RegisteredUser register(SignUp signUp) {
        Registration registration = signUp.registration();
        UserItem user = store.createUnverified(registration.address(), registration.username(), hasher.hash(registration.password()),
                EnumSet.of(Role.VIEWER), tokens.verificationTtl(), signUp.country());
        log.info("registered user={}", user.getId());
        return registered(user);
    }

    UserItem create(Registration registration, Set<Role> roles) {
        UserItem user = store.create(registration.address(), registration.username(), hasher.hash(registration.password()), roles);
        log.info("registered user={}", user.getId());
        return user;
    }

    /** The caller's own account; 401 when the identity names no account (any more). */
    public UserView me(Caller caller) {
        return view(store.find(caller.userId()).orElseThrow(() -> new UnauthorizedException("authentication required")));
    }

    /**
     * Sets an account's roles. Only for a caller whose verified token says admin and who is still an admin now (a
     * token keeps its roles until it expires; a demoted admin must not keep the power that long).
     */
    public UserView changeRoles(Caller caller, long userId, RoleChange change) {
        if (!caller.fromToken()) {
            throw new UnauthorizedException("a verified access token is required");
        }
        boolean stillAdmin = store.find(caller.userId())
                .map(actor -> actor.getRoles() != null && actor.getRoles().contains(Role.ADMIN.value())).orElse(false);
        if (!caller.roles().contains(Role.ADMIN) || !stillAdmin) {
            throw new ForbiddenException(ADMINS_ONLY);
        }
        UserView changed = view(store.changeRoles(userId, change.parsed(), caller.userId()));
        log.info("roles of user={} set to {} by user={}", userId, changed.roles(), caller.userId());
        return changed;
    }

    public void requestEmailVerification(Caller caller) {
        UserItem user = store.find(caller.userId()).orElseThrow(() -> new UnauthorizedException("authentication required"));
        if (Boolean.TRUE.equals(user.getEmailVerified())) {
            throw new ConflictException("the email address is verified already");
        }
        store.issueOneTimeToken(user, AccountStore.Purpose.VERIFY_EMAIL, tokens.verificationTtl(), (token, expires) ->
                UserEvents.emailVerificationRequested(new UserEvents.TokenIssued(user.getId(), user.getEmail(), token, UserEvents.timestamp(expires))));
    }

    public UserView verifyEmail(String token) {
        return view(store.redeem(token, AccountStore.Purpose.VERIFY_EMAIL, user -> {
            user.setEmailVerified(true);
            return new AccountStore.Change(List.of(UserEvents.emailVerified(new UserEvents.EmailVerified(user.getId(), user.getEmail(),
                    UserEvents.timestamp(java.time.Instant.now())))), null);
        }));
    }

    /** Accepted whatever the address: the reset message goes only to an account's address, and the answer does not say. */
    public void requestPasswordReset(PasswordResetRequest request) {
        background.execute(() -> {
            try {
                store.findByEmail(request.email()).ifPresent(user ->
                        store.issueOneTimeToken(user, AccountStore.Purpose.RESET_PASSWORD, tokens.resetTtl(), (token, expires) ->
                                UserEvents.passwordResetRequested(new UserEvents.TokenIssued(user.getId(), user.getEmail(), token,
                                        UserEvents.timestamp(expires)))));
            } catch (RuntimeException e) {
                log.warn("a password reset request could not be stored: {}", e.toString());
            }
        });
    }

    /** Sets a new password with a reset token, and ends every session of the account (its session epoch moves on). */
    public void resetPassword(NewPassword request) {
        UserItem user = store.redeem(request.token(), AccountStore.Purpose.RESET_PASSWORD, account -> {
            PasswordPolicy.check(request.newPassword(), "new_password", Email.parse(account.getEmail(), "email"), account.getUsername());
            account.setPasswordHash(hasher.hash(request.newPassword()));
            account.setSessionEpoch((account.getSessionEpoch() == null ? 0 : account.getSessionEpoch()) + 1);
            return new AccountStore.Change(List.of(), null);
        });
        log.info("password of user={} reset; its sessions ended", user.getId());
    }

    static RegisteredUser registered(UserItem user) {
        return new RegisteredUser(user.getId(), user.getEmail(), user.getUsername());
    }

    static UserView view(UserItem user) {
        List<String> roles = user.getRoles() == null ? List.of() : Roles.names(Roles.parse(user.getRoles(), "roles"));
        return new UserView(user.getId(), user.getEmail(), user.getUsername(), roles, Boolean.TRUE.equals(user.getEmailVerified()));
    }

    static Set<Role> roles(UserItem user) {
        return user.getRoles() == null || user.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : Roles.parse(user.getRoles(), "roles");
    }

    @Override
    public void close() {
        background.close();
    }
}

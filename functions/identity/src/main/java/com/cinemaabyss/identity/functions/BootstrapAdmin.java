package com.cinemaabyss.identity.functions;

import com.cinemaabyss.identity.BootstrapAdminSettings;
import com.cinemaabyss.identity.domain.Registration;
import com.cinemaabyss.identity.domain.Role;
import com.cinemaabyss.identity.store.AccountStore;
import com.cinemaabyss.kit.core.ConflictException;
import com.cinemaabyss.kit.core.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;

/**
 * Creates the first admin from configuration, once: at every start, when an email and a password are configured and
 * no account has the email. An existing account with that email is left as it is, and is never made an admin here
 * (whoever registered the address first must not become admin by it). Nothing configured: no admin.
 */
public class BootstrapAdmin {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final BootstrapAdminSettings settings;
    private final Accounts accounts;
    private final AccountStore store;

    public BootstrapAdmin(BootstrapAdminSettings settings, Accounts accounts, AccountStore store) {
        this.settings = settings;
        this.accounts = accounts;
        this.store = store;
    }

    /** What happened, for the log and the tests. */
    public enum Outcome {
        NOT_CONFIGURED, CREATED, ALREADY_ADMIN, EXISTS_NOT_ADMIN, INVALID
    }

    public Outcome ensure() {
        if (!settings.configured()) {
            log.info("no bootstrap admin configured: no admin account is created");
            return Outcome.NOT_CONFIGURED;
        }
        var existing = store.findByEmail(settings.email());
        if (existing.isPresent()) {
            return report(existing.get().getRoles() != null && existing.get().getRoles().contains(Role.ADMIN.value()));
        }
        try {
            Registration registration = new Registration(settings.email(), settings.password(), "admin");
            accounts.create(registration, EnumSet.of(Role.VIEWER, Role.ADMIN));
            log.info("bootstrap admin {} created", registration.email());
            return Outcome.CREATED;
        } catch (InvalidInputException e) {
            log.error("bootstrap admin not created: {}", e.getMessage());
            return Outcome.INVALID;
        } catch (ConflictException anotherReplicaWasFirst) {
            return report(store.findByEmail(settings.email()).map(user -> user.getRoles().contains(Role.ADMIN.value())).orElse(false));
        }
    }

    private Outcome report(boolean admin) {
        if (admin) {
            log.info("bootstrap admin exists already");
            return Outcome.ALREADY_ADMIN;
        }
        log.error("an account with the bootstrap admin's email exists and is not an admin; it is left as it is and no admin is created");
        return Outcome.EXISTS_NOT_ADMIN;
    }
}

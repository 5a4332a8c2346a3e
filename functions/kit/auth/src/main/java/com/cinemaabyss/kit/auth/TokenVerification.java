package com.cinemaabyss.kit.auth;

import java.util.Objects;

/** The outcome of checking an {@code Authorization} header: a verified identity, or the problem with the token. */
public sealed interface TokenVerification {

    static TokenVerification valid(Identity identity) {
        return new Valid(identity);
    }

    static TokenVerification invalid(TokenProblem problem) {
        return new Invalid(problem);
    }

    record Valid(Identity identity) implements TokenVerification {
        public Valid {
            Objects.requireNonNull(identity, "identity");
        }
    }

    record Invalid(TokenProblem problem) implements TokenVerification {
        public Invalid {
            Objects.requireNonNull(problem, "problem");
        }
    }
}

package com.cinemaabyss.bff.kit;

/** How long a screen's answer may be kept, and by whom. */
public enum Caching {
    /** Personalised: only the caller's own cache, and revalidated (ETag) every time. */
    PERSONAL("private, no-cache"),
    /** The same for everyone: shared caches may keep it briefly. */
    PUBLIC("public, max-age=30");

    /** An answer with degraded parts is a stop-gap: nobody keeps it. */
    public static final String DEGRADED = "no-store";

    private final String header;

    Caching(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    public static Caching of(Forwarded caller) {
        return caller.signedIn() ? PERSONAL : PUBLIC;
    }
}

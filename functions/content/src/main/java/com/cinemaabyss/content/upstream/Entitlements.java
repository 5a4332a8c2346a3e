package com.cinemaabyss.content.upstream;

/** Whether the caller has an active plan; read with the caller's own access token. Throws UnavailableException (503) when it cannot tell. */
public interface Entitlements {
    boolean active(String authorization);
}

package com.cinemaabyss.engine;

import java.util.Map;

/** How the engine runs: its port (on 127.0.0.1 only) and the bounds of its co-occurrence model. */
public record EngineSettings(int port, int itemsPerUser, int usersPerItem, int seedItems) {

    public static final int DEFAULT_PORT = 8092;

    public EngineSettings {
        if (port < 0 || port > 65_535 || itemsPerUser < 1 || usersPerItem < 1 || seedItems < 1) {
            throw new IllegalArgumentException("engine settings out of range: port " + port + ", bounds " + itemsPerUser + "/" + usersPerItem + "/" + seedItems);
        }
    }

    public static EngineSettings onPort(int port) {
        return new EngineSettings(port, 500, 1_000, 50);
    }

    /** From the environment the local platform sets: ENGINE_PORT (the bounds keep their defaults). */
    public static EngineSettings fromEnv(Map<String, String> env) {
        return onPort(Integer.parseInt(env.getOrDefault("ENGINE_PORT", Integer.toString(DEFAULT_PORT))));
    }
}

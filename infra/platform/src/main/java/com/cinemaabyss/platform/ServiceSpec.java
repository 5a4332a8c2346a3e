package com.cinemaabyss.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Knative Service of knative/serving, as the local platform runs it: the module holding its code (annotation
 * {@code cinemaabyss.io/module}), its port on one machine ({@code cinemaabyss.io/local-port}), the readiness probe's
 * path and the container's literal environment.
 */
public record ServiceSpec(String name, String module, int localPort, String healthPath, Map<String, String> env) {

    public ServiceSpec {
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }

    /** The module's Spring Boot jar, which the build names after the Knative Service (each module's finalName). */
    public String jarPath() {
        return module + "/target/" + name + ".jar";
    }
}

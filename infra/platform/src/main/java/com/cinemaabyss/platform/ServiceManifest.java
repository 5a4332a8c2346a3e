package com.cinemaabyss.platform;

import java.util.Map;

/** One Knative Service of knative/serving, as the local platform runs it: module, local port, health path, environment. */
public record ServiceManifest(String name, String module, int localPort, String healthPath, Map<String, String> env) {

    /** The module's Spring Boot jar, which the build names after the module's folder. */
    public String jarPath() {
        return module + "/target/" + module.substring(module.lastIndexOf('/') + 1) + ".jar";
    }
}

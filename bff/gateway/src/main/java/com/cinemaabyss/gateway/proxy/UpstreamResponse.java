package com.cinemaabyss.gateway.proxy;

import java.util.List;
import java.util.Map;

/** What an upstream answered, to be passed back to the client as it is. */
public record UpstreamResponse(int status, Map<String, List<String>> headers, byte[] body) {
}

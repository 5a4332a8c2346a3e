package com.cinemaabyss.gateway.proxy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The X-Forwarded-* headers the gateway sends upstream, made by the gateway, never copied from the client. Anyone
 * can send X-Forwarded-For; only the {@code trustedProxies} proxies directly in front of the gateway (the Istio
 * ingress in the cluster, none locally) are believed, each having appended the address it saw. So the client is
 * the address that many hops back from the gateway's own peer, and what the client itself claimed is dropped. The
 * viewer's country ({@link ClientCountries}) goes with them.
 */
public final class ForwardedHeaders {

    private final int trustedProxies;
    private final ClientCountries countries;

    /** Without countries: no {@code X-Client-Country} is sent (tests of the other headers). */
    public ForwardedHeaders(int trustedProxies) {
        this(trustedProxies, null);
    }

    public ForwardedHeaders(int trustedProxies, ClientCountries countries) {
        this.countries = countries;
        if (trustedProxies < 0) {
            throw new IllegalArgumentException("trusted proxies must be 0 or more, got " + trustedProxies);
        }
        this.trustedProxies = trustedProxies;
    }

    public Map<String, String> of(IncomingRequest request) {
        Map<String, String> forwarded = new LinkedHashMap<>();
        String client = clientAddress(request);
        forwarded.put("X-Forwarded-For", client);
        String proto = trustedProxies > 0 ? lastValue(request.header("X-Forwarded-Proto")) : null;
        forwarded.put("X-Forwarded-Proto", "https".equals(proto) || "http".equals(proto) ? proto : request.scheme());
        if (request.host() != null) {
            forwarded.put("X-Forwarded-Host", request.host());
        }
        if (countries != null) {
            forwarded.put(ClientCountries.HEADER, countries.of(request, client, trustedProxies > 0));
        }
        return forwarded;
    }

    /** The address {@code trustedProxies} hops before the gateway's peer; the peer itself when none is trusted. */
    String clientAddress(IncomingRequest request) {
        return clientAddress(request.header("X-Forwarded-For"), request.remoteAddress());
    }

    /**
     * @param claimed       the X-Forwarded-For the request came with, null when none
     * @param remoteAddress the gateway's direct peer
     */
    public String clientAddress(String claimed, String remoteAddress) {
        List<String> hops = new ArrayList<>();
        if (claimed != null) {
            Arrays.stream(claimed.split(",")).map(String::strip).filter(hop -> !hop.isEmpty()).forEach(hops::add);
        }
        hops.add(remoteAddress);
        int client = hops.size() - 1 - trustedProxies;
        String address = hops.get(Math.max(client, 0));
        return isAddress(address) ? address : remoteAddress;
    }

    private static String lastValue(String header) {
        if (header == null) {
            return null;
        }
        String[] values = header.split(",");
        return values[values.length - 1].strip();
    }

    /** An IPv4 or IPv6 literal: nothing else goes on to the upstreams as the client's address. */
    private static boolean isAddress(String value) {
        return value.length() <= 45 && value.chars().allMatch(c -> Character.isDigit(c) || (c >= 'a' && c <= 'f')
                || (c >= 'A' && c <= 'F') || c == '.' || c == ':');
    }
}

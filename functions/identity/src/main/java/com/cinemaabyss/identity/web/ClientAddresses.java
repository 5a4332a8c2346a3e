package com.cinemaabyss.identity.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * The client address failed logins are counted against: the first entry of {@code X-Forwarded-For} (the gateway
 * replaces what clients send with the address it saw), else the connection's. Only an IP literal counts (no name is
 * ever resolved); an IPv6 address stands for its /64, the block one subscriber usually holds, so that rotating
 * through it does not reset the count.
 */
public final class ClientAddresses {

    private static final int MAX_HEADER = 1_024;

    private ClientAddresses() {
    }

    public static String of(String forwardedFor, String remoteAddress) {
        if (forwardedFor != null && forwardedFor.length() <= MAX_HEADER) {
            int comma = forwardedFor.indexOf(',');
            String first = (comma < 0 ? forwardedFor : forwardedFor.substring(0, comma)).strip();
            String parsed = literal(first);
            if (parsed != null) {
                return parsed;
            }
        }
        String remote = literal(remoteAddress);
        return remote == null ? "unknown" : remote;
    }

    static String literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return null;
        }
        try {
            String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
            InetAddress address = InetAddress.ofLiteral(bare);
            if (address instanceof Inet6Address) {
                byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
                Arrays.fill(prefix, 8, 16, (byte) 0);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
            return address.getHostAddress();
        } catch (IllegalArgumentException | java.net.UnknownHostException notAnAddress) {
            return null;
        }
    }
}

package com.cinemaabyss.gateway.proxy;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The viewer's country for playback rights, as the edge tells it to the functions in {@code X-Client-Country}
 * (ISO 3166-1 alpha-2). A client never chooses it: what it sends under that name is dropped. The country is what the
 * CDN or load balancer in front reported in {@code trustedHeader} (believed only when proxies in front are trusted at
 * all), else that of the first configured address range holding the client's address, else the default.
 */
public final class ClientCountries {

    public static final String HEADER = "X-Client-Country";
    private static final Pattern ALPHA_2 = Pattern.compile("[A-Z]{2}");

    private final String defaultCountry;
    private final String trustedHeader;
    private final List<Range> ranges;

    /**
     * @param ranges entries {@code <address>/<prefix>=<country>}, e.g. {@code 203.0.113.0/24=DE}
     */
    public ClientCountries(String defaultCountry, String trustedHeader, List<String> ranges) {
        this.defaultCountry = alpha2(defaultCountry)
                .orElseThrow(() -> new IllegalArgumentException("the default country must be ISO 3166-1 alpha-2, got " + defaultCountry));
        this.trustedHeader = trustedHeader == null || trustedHeader.isBlank() ? null : trustedHeader.strip();
        this.ranges = new ArrayList<>();
        for (String range : ranges == null ? List.<String>of() : ranges) {
            if (!range.isBlank()) {
                this.ranges.add(Range.parse(range.strip()));
            }
        }
    }

    /**
     * @param clientAddress the client's address as {@link ForwardedHeaders} found it
     * @param trusted       whether proxies in front of the gateway are believed (their headers too)
     */
    public String of(IncomingRequest request, String clientAddress, boolean trusted) {
        if (trusted && trustedHeader != null) {
            String reported = request.header(trustedHeader);
            if (reported != null) {
                Optional<String> country = alpha2(reported);
                if (country.isPresent()) {
                    return country.get();
                }
            }
        }
        InetSocketAddress address = literal(clientAddress);
        if (address != null) {
            for (Range range : ranges) {
                if (range.rule().matches(address)) {
                    return range.country();
                }
            }
        }
        return defaultCountry;
    }

    private static Optional<String> alpha2(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        return ALPHA_2.matcher(upper).matches() ? Optional.of(upper) : Optional.empty();
    }

    /** Only literals reach here (ForwardedHeaders checked them), so this never looks a name up. */
    private static InetSocketAddress literal(String address) {
        try {
            return address == null || address.isEmpty() ? null : new InetSocketAddress(InetAddress.ofLiteral(address), 0);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Range(IpSubnetFilterRule rule, String country) {

        static Range parse(String entry) {
            int equals = entry.indexOf('=');
            int slash = entry.indexOf('/');
            if (equals < 0 || slash < 0 || slash > equals) {
                throw new IllegalArgumentException("a country range is <address>/<prefix>=<country>, got " + entry);
            }
            String country = alpha2(entry.substring(equals + 1))
                    .orElseThrow(() -> new IllegalArgumentException("not an ISO 3166-1 alpha-2 country in " + entry));
            try {
                InetAddress network = InetAddress.ofLiteral(entry.substring(0, slash).strip());
                int prefix = Integer.parseInt(entry.substring(slash + 1, equals).strip());
                return new Range(new IpSubnetFilterRule(network, prefix, IpFilterRuleType.ACCEPT), country);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not an address range in " + entry + ": " + e.getMessage(), e);
            }
        }
    }
}

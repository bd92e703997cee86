package dev.evidencebot.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who the client is, for a request that may have come through our own reverse proxies. The peer
 * address is the client unless the peer is one of {@code server.trusted-proxies} (env
 * TRUSTED_PROXIES: IPs and CIDR ranges, comma-separated); then it is the right-most address in
 * X-Forwarded-For that is not a trusted proxy. Right-most, because each proxy appends the address
 * it saw: everything left of our own proxies' entries was written by the client and can be forged.
 * With no trusted proxies X-Forwarded-For is ignored, so nobody picks their own rate-limit key.
 */
public final class TrustedProxies {

    public static final String PROPERTY = "server.trusted-proxies";
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** @throws IllegalArgumentException naming the entry that is not an IP address or CIDR range */
    public static TrustedProxies parse(List<String> entries) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : entries) {
            String trimmed = entry.strip();
            if (!trimmed.isEmpty()) {
                ranges.add(Range.parse(trimmed));
            }
        }
        return new TrustedProxies(List.copyOf(ranges));
    }

    /**
     * @param peer         the address the connection came from
     * @param forwardedFor every X-Forwarded-For header value, in order (each may list several addresses)
     * @return the client's address as text
     */
    public String client(InetAddress peer, List<String> forwardedFor) {
        if (!trusts(peer)) {
            return peer.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                break; // a proxy of ours would not write this: stop at the last hop we can vouch for
            }
            client = hop.get();
            if (!trusts(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    boolean trusts(InetAddress address) {
        for (Range range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An IP address written as one, with an optional port ("203.0.113.7:4711", "[2001:db8::1]:80");
     * never a host name, so reading the header never waits on DNS.
     */
    static Optional<InetAddress> literal(String text) {
        String address = text;
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            address = end < 0 ? "" : address.substring(1, end);
        } else if (address.indexOf(':') == address.lastIndexOf(':') && address.indexOf(':') > 0) {
            address = address.substring(0, address.indexOf(':')); // IPv4 with a port
        }
        boolean ipv6 = address.contains(":") && address.matches("[0-9A-Fa-f:.]+");
        if (!ipv6 && !IPV4.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address)); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            return Optional.empty(); // 999.1.1.1 and the like
        }
    }

    /** One trusted entry: an address and how many leading bits must match (all of them for a single IP). */
    private record Range(byte[] network, int prefix) {

        static Range parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress parsed = literal(address).orElseThrow(() -> new IllegalArgumentException(
                    PROPERTY + ": \"" + entry + "\" is not an IP address or CIDR range (10.0.0.0/8, 2001:db8::/32)"));
            byte[] network = parsed.getAddress();
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException(PROPERTY + ": \"" + entry + "\" has a prefix length outside 0-"
                            + network.length * 8);
                }
            }
            return new Range(network, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false; // IPv4 never matches an IPv6 range, nor the reverse
            }
            int bits = prefix;
            for (int i = 0; i < candidate.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xFF : (0xFF << (8 - bits)) & 0xFF;
                if ((candidate[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}

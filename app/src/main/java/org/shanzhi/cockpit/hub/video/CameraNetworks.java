package org.shanzhi.cockpit.hub.video;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The networks the relay may reach cameras in, so that a camera registered through the ingest API cannot point the
 * hub at its own services or at the internet. Written as CIDRs, each optionally limited to one port:
 * {@code 10.0.0.0/8,192.168.1.0/24:554}. An empty list allows no camera.
 */
public final class CameraNetworks {

    /** The private IPv4 networks, where cameras live; loopback is not among them. */
    public static final CameraNetworks PRIVATE = parse("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16");

    private static final int ANY_PORT = -1;

    private record Network(String text, byte[] prefix, int bits, int port) {

        boolean allows(byte[] address, int p) {
            if (address.length != prefix.length || (port != ANY_PORT && port != p)) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((address[i / 8] & mask) != (prefix[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Network> networks;

    private CameraNetworks(List<Network> networks) {
        this.networks = networks;
    }

    /** Parses a comma-separated list; throws IllegalArgumentException naming the entry it cannot read. */
    public static CameraNetworks parse(String list) {
        List<Network> networks = new ArrayList<>();
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                networks.add(network(entry.strip()));
            }
        }
        return new CameraNetworks(List.copyOf(networks));
    }

    public boolean allows(InetAddress address, int port) {
        return networks.stream().anyMatch(n -> n.allows(address.getAddress(), port));
    }

    @Override
    public String toString() {
        return networks.stream().map(Network::text).collect(Collectors.joining(","));
    }

    private static Network network(String entry) {
        int slash = entry.indexOf('/');
        if (slash < 0) {
            throw bad(entry);
        }
        byte[] prefix = literal(entry.substring(0, slash), entry);
        String rest = entry.substring(slash + 1);
        int colon = rest.indexOf(':');
        int bits = number(colon < 0 ? rest : rest.substring(0, colon), 0, prefix.length * 8, entry);
        int port = colon < 0 ? ANY_PORT : number(rest.substring(colon + 1), 1, 65535, entry);
        return new Network(entry, prefix, bits, port);
    }

    /** The bytes of an IP address literal; never a DNS lookup. */
    private static byte[] literal(String address, String entry) {
        if (address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            String[] parts = address.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                bytes[i] = (byte) number(parts[i], 0, 255, entry);
            }
            return bytes;
        }
        if (address.contains(":") && address.matches("[0-9a-fA-F:.]+")) {
            try {
                return InetAddress.getByName(address).getAddress(); // a literal with ':' is parsed, not looked up
            } catch (UnknownHostException e) {
                throw bad(entry);
            }
        }
        throw bad(entry);
    }

    private static int number(String text, int min, int max, String entry) {
        int n = text.matches("\\d{1,5}") ? Integer.parseInt(text) : -1;
        if (n < min || n > max) {
            throw bad(entry);
        }
        return n;
    }

    private static IllegalArgumentException bad(String entry) {
        return new IllegalArgumentException("'" + entry + "' is not a camera network: write a CIDR such as "
                + "192.168.1.0/24 (a single address is /32), optionally with a port: 192.168.1.0/24:554");
    }
}

package org.shanzhi.cockpit.hub;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The other hubs of the same journal, as their origins ({@code http://10.0.0.6:8717}). A field page
 * served by one of them may call this hub's API and open its stream (CORS and the stream's Origin
 * check allow exactly these), and learns the list from health to move to the live hub by itself.
 */
public record PeerHubs(List<String> origins) {

    public static final PeerHubs NONE = new PeerHubs(List.of());

    public PeerHubs {
        origins = List.copyOf(origins);
    }

    /** Parses {@code URL,URL}: each an http(s) address with a host and at most a port (a trailing / is allowed). */
    public static PeerHubs parse(String list) {
        List<String> origins = new ArrayList<>();
        for (String part : list.split(",")) {
            String s = part.strip();
            if (s.isEmpty()) {
                continue;
            }
            URI u;
            try {
                u = new URI(s);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("'" + s + "' is not an address like http://10.0.0.6:8717");
            }
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null || u.getUserInfo() != null
                    || u.getQuery() != null || u.getFragment() != null
                    || !(u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/"))) {
                throw new IllegalArgumentException("'" + s + "' is not a hub's address like http://10.0.0.6:8717 "
                        + "(http or https, a host, a port, no path)");
            }
            // the origin as a browser sends it: no default port, lower-case host
            String origin = scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() < 0 ? "" : ":" + u.getPort());
            if (!origins.contains(origin)) {
                origins.add(origin);
            }
        }
        return new PeerHubs(origins);
    }

    public boolean allows(String origin) {
        return origin != null && origins.contains(origin);
    }
}

package org.shanzhi.cockpit.hub;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;

/**
 * Who, besides the hub's own pages, may call its API from a browser: the field pages of the other
 * hubs of the same journal ({@link PeerHubs}), and no one else. The API answers them CORS; the
 * stream, which browsers open from any page without asking, is refused to any other page's Origin.
 * Clients that are not browsers send no Origin and are not concerned.
 */
final class PeerOrigins {

    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key";

    private final PeerHubs peers;

    PeerOrigins(PeerHubs peers) {
        this.peers = peers;
    }

    /** Before every /api/v1/ request: CORS headers for a peer's page; a preflight answered here and now. */
    void answer(Context ctx) {
        String origin = ctx.header(Header.ORIGIN);
        boolean preflight = ctx.method() == HandlerType.OPTIONS && ctx.header(Header.ACCESS_CONTROL_REQUEST_METHOD) != null;
        if (origin == null || ownOrigin(ctx, origin)) {
            return;
        }
        ctx.header(Header.VARY, Header.ORIGIN);
        if (!peers.allows(origin)) {
            if (preflight) {
                throw new BadRequest(403, "Origin", "pages from " + origin + " may not call this hub; "
                        + "only the hubs named in its --peer-hubs may");
            }
            return; // no CORS headers: the browser keeps the answer from that page
        }
        ctx.header(Header.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        ctx.header(Header.ACCESS_CONTROL_EXPOSE_HEADERS, "Retry-After");
        if (preflight) {
            ctx.header(Header.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, PUT, DELETE");
            ctx.header(Header.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
            ctx.header(Header.ACCESS_CONTROL_MAX_AGE, "600");
            ctx.status(204);
            ctx.skipRemainingHandlers();
        }
    }

    /** Whether a browser page from this origin may open the stream: the hub's own, a peer's, or no page at all. */
    boolean mayStream(Context ctx) {
        String origin = ctx.header(Header.ORIGIN);
        return origin == null || ownOrigin(ctx, origin) || peers.allows(origin);
    }

    /** The page came from this hub: its origin names the host (and port) the request was sent to. */
    private static boolean ownOrigin(Context ctx, String origin) {
        String host = ctx.header(Header.HOST);
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    /** The field page's connect-src: itself, the peers' API, and WebSockets (the stream checks their Origin). */
    String connectSources() {
        StringBuilder s = new StringBuilder("'self'");
        peers.origins().forEach(o -> s.append(' ').append(o));
        return s.append(" ws: wss:").toString();
    }
}

package org.shanzhi.cockpit.hub;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsConnectContext;

import org.shanzhi.cockpit.json.StreamClose;

/** The stream route: who may subscribe, from which seq, and at most how many at once; one {@link StreamSession} each. */
final class Streams {

    private final Hub hub;
    private final HubLimits limits;
    private final Access access;
    private final PeerOrigins origins;
    private final List<StreamSession> sessions = new CopyOnWriteArrayList<>();
    private final BatchMessages messages = new BatchMessages();

    Streams(Hub hub, HubLimits limits, Access access, PeerOrigins origins) {
        this.hub = hub;
        this.limits = limits;
        this.access = access;
        this.origins = origins;
    }

    /** Before the upgrade: a reader's token, and a place among the subscribers. */
    void beforeUpgrade(Context ctx) throws IOException {
        try {
            if (!origins.mayStream(ctx)) { // browsers let any page open a WebSocket: only ours and our peers' may
                throw new BadRequest(403, "Origin", "pages from " + ctx.header("Origin") + " may not read this hub's "
                        + "stream; only the hubs named in its --peer-hubs may");
            }
            Access.Caller caller = access.callerOf(ctx);
            if (!List.of(Role.READERS).contains(caller.role())) {
                throw new BadRequest(403, "token", "role " + caller.role().key() + " may not read the stream");
            }
            ctx.attribute(Access.UNIT, caller.unitId()); // a unit's own token reads only what concerns its unit
            if (sessions.size() >= limits.maxSubscribers()) {
                throw new BadRequest(503, null, "the hub serves at most " + limits.maxSubscribers()
                        + " stream subscribers at once; try again later");
            }
        } catch (BadRequest e) {
            refuseUpgrade(ctx, e.status(), e.field(), e.getMessage());
        }
    }

    void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            long head = hub.head();
            String raw = ctx.queryParam("since");
            long since;
            try {
                since = raw == null ? head : Long.parseLong(raw);
            } catch (NumberFormatException e) {
                close(ctx, StreamClose.BAD_SINCE, "since must be a whole number, got '" + raw + "'");
                return;
            }
            if (since < 0 || since > head) {
                close(ctx, StreamClose.BEYOND_HEAD, "since " + since + " is beyond the head " + head + "; take a snapshot");
                return;
            }
            String batch = ctx.queryParam("batch");
            if (batch != null && !batch.equals("true") && !batch.equals("false")) {
                close(ctx, StreamClose.BAD_BATCH, "batch must be true or false, got '" + batch + "'");
                return;
            }
            String unit = ctx.attribute(Access.UNIT);
            StreamSession session = new StreamSession(hub, ctx.session, since, "true".equals(batch), unit, limits,
                    messages);
            synchronized (sessions) { // exact, where the check before the upgrade races with other upgrades
                if (sessions.size() >= limits.maxSubscribers()) {
                    close(ctx, StreamClose.FULL, "the hub serves at most " + limits.maxSubscribers()
                            + " stream subscribers at once; try again later");
                    return;
                }
                sessions.add(session);
            }
            ctx.attribute("stream", session);
            session.start("stream-" + ctx.sessionId());
        });
        ws.onClose(ctx -> {
            StreamSession session = ctx.attribute("stream");
            if (session != null) {
                session.stop();
                sessions.remove(session);
            }
        });
    }

    void close() {
        sessions.forEach(StreamSession::stop);
    }

    /** Closes the streams opened with {@code unitId}'s own token, which was revoked or replaced. */
    void revoked(String unitId) {
        for (StreamSession s : sessions) {
            if (unitId.equals(s.unitId())) {
                s.close(StreamClose.REVOKED, "unit " + unitId + "'s token was revoked or replaced; ask for a new one");
            }
        }
    }

    /** The subscribers served now. */
    List<StreamSession> sessions() {
        return sessions;
    }

    private static void close(WsConnectContext ctx, StreamClose why, String detail) {
        ctx.closeSession(why.code, why.reason(detail));
    }

    /** Answers an upgrade request with an error and no upgrade: Javalin writes no result on this path. */
    private static void refuseUpgrade(Context ctx, int status, String field, String message) throws IOException {
        Answers.error(ctx, status, field, message);
        byte[] body = ctx.resultInputStream().readAllBytes();
        ctx.res().setContentLength(body.length);
        ctx.res().getOutputStream().write(body);
        ctx.skipRemainingHandlers();
    }
}

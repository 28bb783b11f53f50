package org.shanzhi.cockpit.hub;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.session.DefaultSessionCache;
import org.eclipse.jetty.session.NullSessionDataStore;
import org.eclipse.jetty.session.SessionCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.hub.drill.DrillRun;
import org.shanzhi.cockpit.hub.drill.Drills;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.hub.video.RtspRelay;
import org.shanzhi.cockpit.hub.video.VideoRefused;
import org.shanzhi.cockpit.hub.video.VideoViewers;
import org.shanzhi.cockpit.hub.video.VirtualCameras;
import org.shanzhi.cockpit.json.BadJson;
import org.shanzhi.cockpit.json.Json;

import static org.shanzhi.cockpit.hub.Answers.error;
import static org.shanzhi.cockpit.hub.Answers.json;
import static org.shanzhi.cockpit.hub.Role.DISTRICT;
import static org.shanzhi.cockpit.hub.Role.FIELD_UNIT;
import static org.shanzhi.cockpit.hub.Role.INGEST;
import static org.shanzhi.cockpit.hub.Role.LEADER;
import static org.shanzhi.cockpit.hub.Role.OPERATOR;
import static org.shanzhi.cockpit.hub.Role.READERS;
import static org.shanzhi.cockpit.hub.Role.TRAINER;
import static org.shanzhi.cockpit.hub.Writes.body;
import static org.shanzhi.cockpit.hub.Writes.optionalBody;

/**
 * The hub's HTTP and WebSocket API: the route table, one line per route, and what each refusal
 * answers (see docs/api.md and docs/openapi.yaml). Every route but health needs a bearer token
 * whose role the route allows ({@link Access}); reads are {@link Reads}', writes {@link Writes}'
 * with the rules in {@link Commands}, the stream {@link Streams}'.
 */
public final class HubServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubServer.class);
    public static final int MAX_BODY = 1 << 20;
    public static final int MAX_BATCH = IngestBody.MAX_BATCH;

    private final Javalin app;
    private final Streams streams;
    private final VirtualCameras cameras;
    private final RtspRelay relay;
    private final Drills drills;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicBoolean ready = new AtomicBoolean();

    public HubServer(Hub hub, Tokens tokens, UnitTokens unitTokens, Path photoDir, HubLimits limits) {
        Access access = new Access(tokens, unitTokens);
        Reads reads = new Reads(hub, ready::get, limits.orderTiming(), limits.peerHubs(), limits.figures());
        PeerOrigins origins = new PeerOrigins(limits.peerHubs());
        Photos photos = new Photos(photoDir);
        Writes writes = new Writes(hub, limits);
        this.streams = new Streams(hub, limits, access, origins);
        Credentials credentials = new Credentials(hub, unitTokens, streams);
        VideoViewers viewers = new VideoViewers(limits.video().maxViewers()); // simulated and relayed together
        this.cameras = new VirtualCameras(id -> hub.situation().cameras().get(id), id -> hub.situation().units().get(id),
                hub.clock()::now, viewers,
                limits.video().maxVirtualCameras());
        this.relay = new RtspRelay(id -> hub.situation().cameras().get(id), viewers, limits.video().maxRelays(),
                limits.video().cameraNetworks());
        this.drills = new Drills(hub, HeyiScenario::loadDefault);
        DrillRoutes drill = new DrillRoutes(drills);
        FieldPage field = new FieldPage(origins);
        this.app = Javalin.create(config -> {
            config.http.maxRequestSize = MAX_BODY;
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrors()));
            config.jetty.modifyWebSocketServletFactory(f -> {
                f.setIdleTimeout(Duration.ofMinutes(5));
                // frames are small and many: compressing each one per subscriber costs more CPU than it saves
                f.getAvailableExtensionNames().remove("permessage-deflate");
            });
            // the hub knows a client by its token and keeps no HTTP session; Javalin makes one on every
            // WebSocket upgrade (to copy its attributes): let none outlive its request, and send no cookie
            config.jetty.modifyServletContextHandler(h -> {
                DefaultSessionCache cache = new DefaultSessionCache(h.getSessionHandler());
                cache.setEvictionPolicy(SessionCache.EVICT_ON_SESSION_EXIT);
                cache.setSessionDataStore(new NullSessionDataStore());
                h.getSessionHandler().setSessionCache(cache);
                h.getSessionHandler().setUsingCookies(false);
            });
            var r = config.routes;

            r.before("/api/v1/*", origins::answer);
            r.before("/api/v1/*", access::limitBody);
            r.before(access::refuseHead);
            r.beforeMatched(access::authorize);
            // a hub that follows the journal serves reads; every write goes to the hub that writes it
            r.beforeMatched("/api/v1/*", ctx -> {
                if (!hub.writing() && ctx.method() != HandlerType.GET) {
                    throw new Hub.NotWriter(hub.journal().writerAddress().orElse(null));
                }
            });

            r.get("/field", field::index); // the field unit's phone page
            r.get("/field/{file}", field::file);
            r.get("/api/v1/health", reads::health);
            r.get("/api/v1/snapshot", reads::snapshot, READERS);
            r.get("/api/v1/kpis", reads::kpis, READERS);
            r.get("/api/v1/events", reads::events, READERS);
            r.get("/api/v1/audit", reads::audit, LEADER);
            r.get("/api/v1/recording", reads::recording, LEADER, TRAINER);
            for (Reads.Family f : Reads.FAMILIES) {
                r.get("/api/v1/" + f.name(), ctx -> reads.list(ctx, f), READERS);
                r.get("/api/v1/" + f.name() + "/{id}", ctx -> reads.one(ctx, f), READERS);
            }

            r.post("/api/v1/ingest", writes::ingest, INGEST, TRAINER);
            r.post("/api/v1/incidents", ctx -> writes.command(ctx, "open-incident", null,
                    s -> Commands.open(s, body(ctx, Commands.OpenIncident.class))), OPERATOR, LEADER);
            r.post("/api/v1/incidents/{id}/advance", ctx -> writes.command(ctx, "advance-incident", "incidents",
                    s -> Commands.advance(id(ctx), body(ctx, Commands.AdvanceIncident.class))), OPERATOR, LEADER, FIELD_UNIT);
            r.post("/api/v1/incidents/{id}/dispatch", ctx -> writes.command(ctx, "dispatch", "incidents",
                    s -> Commands.dispatch(s, id(ctx), Access.role(ctx), body(ctx, Commands.Dispatch.class))), OPERATOR,
                    LEADER);
            r.post("/api/v1/incidents/{id}/close", ctx -> writes.command(ctx, "close-case", "incidents",
                    s -> Commands.close(s, id(ctx), optionalBody(ctx, Commands.Close.class))), LEADER);
            r.post("/api/v1/alerts/{id}/review", ctx -> writes.command(ctx, "review-alert", "alerts",
                    s -> Commands.review(s, id(ctx), body(ctx, Commands.ReviewAlert.class))), OPERATOR, LEADER);
            r.post("/api/v1/units/{id}/status", ctx -> writes.command(ctx, "unit-status", "units",
                    s -> Commands.unitStatus(id(ctx), body(ctx, Commands.ChangeUnitStatus.class))), OPERATOR, LEADER,
                    FIELD_UNIT);
            r.post("/api/v1/complaints/{id}/advance", ctx -> writes.command(ctx, "advance-complaint", "complaints",
                    s -> Commands.advance(id(ctx), body(ctx, Commands.AdvanceComplaint.class))), OPERATOR, LEADER);
            r.post("/api/v1/complaints/{id}/revisit", ctx -> writes.command(ctx, "revisit-complaint", "complaints",
                    s -> Commands.revisit(id(ctx), body(ctx, Commands.RevisitComplaint.class))), OPERATOR, LEADER);
            r.post("/api/v1/incidents/{id}/complaints", ctx -> writes.command(ctx, "link-complaint", "incidents",
                    s -> Commands.link(id(ctx), body(ctx, Commands.LinkComplaint.class))), OPERATOR, LEADER);

            // orders (同屏指挥): seats send units, units answer on their own tokens
            r.post("/api/v1/incidents/{id}/orders", ctx -> writes.command(ctx, "issue-order", "incidents",
                    s -> Commands.issue(s, id(ctx), Access.role(ctx), body(ctx, Commands.IssueOrder.class))), OPERATOR,
                    LEADER, DISTRICT);
            r.post("/api/v1/orders/{id}/advance", ctx -> writes.command(ctx, "advance-order", "orders",
                    s -> Commands.advanceOrder(s, id(ctx), Access.role(ctx), Access.unit(ctx),
                            body(ctx, Commands.AdvanceOrder.class), photos::stored)), FIELD_UNIT, OPERATOR, LEADER, DISTRICT);
            r.post("/api/v1/orders/{id}/reassign", ctx -> writes.command(ctx, "reassign-order", "orders",
                    s -> Commands.reassign(s, id(ctx), Access.role(ctx), body(ctx, Commands.Reassign.class))), OPERATOR,
                    LEADER, DISTRICT);
            r.post("/api/v1/instructions", ctx -> writes.command(ctx, "issue-instruction", null,
                    s -> Commands.instruct(s, Access.role(ctx), body(ctx, Commands.IssueInstruction.class))), LEADER,
                    DISTRICT);
            r.post("/api/v1/incidents/{id}/whistle", ctx -> writes.command(ctx, "blow-whistle", "incidents",
                    s -> Commands.whistle(s, id(ctx), body(ctx, Commands.BlowWhistle.class))), OPERATOR, LEADER,
                    DISTRICT);
            r.post("/api/v1/whistles/{id}/arrived", ctx -> writes.command(ctx, "whistle-arrived", "whistles",
                    s -> Commands.arrived(id(ctx), body(ctx, Commands.WhistleArrival.class))), OPERATOR, LEADER,
                    DISTRICT);
            r.post("/api/v1/units/{id}/position", ctx -> writes.command(ctx, "unit-position", "units",
                    s -> Commands.position(s, id(ctx), Access.role(ctx), Access.unit(ctx),
                            body(ctx, Commands.ReportPosition.class))), FIELD_UNIT, OPERATOR, LEADER);
            r.post("/api/v1/photos", photos::upload, FIELD_UNIT, OPERATOR, LEADER, DISTRICT);
            r.get("/api/v1/photos/{id}", photos::download, READERS);
            r.get("/api/v1/field/me", reads::fieldMe, FIELD_UNIT);
            r.post("/api/v1/units/{id}/credential", credentials::issue, LEADER);
            r.delete("/api/v1/units/{id}/credential", credentials::revoke, LEADER);
            // the trainer's exercise clock (hub/drill): one drill per hub
            r.get("/api/v1/drill", drill::status, READERS);
            r.post("/api/v1/drill", drill::load, TRAINER);
            r.get("/api/v1/drill/scripts", drill::scripts, TRAINER);
            r.post("/api/v1/drill/start", ctx -> drill.act(ctx, drills::start), TRAINER);
            r.post("/api/v1/drill/pause", ctx -> drill.act(ctx, drills::pause), TRAINER);
            r.post("/api/v1/drill/resume", ctx -> drill.act(ctx, drills::resume), TRAINER);
            r.post("/api/v1/drill/stop", ctx -> drill.act(ctx, drills::stop), TRAINER);
            r.post("/api/v1/drill/skip", ctx -> drill.act(ctx, drills::skip), TRAINER);
            r.post("/api/v1/drill/injects", drill::add, TRAINER);
            r.post("/api/v1/drill/injects/{id}/fire", drill::fire, TRAINER);
            r.exception(Drills.Invalid.class, DrillRoutes::invalid);
            r.exception(Drills.Missing.class, (e, ctx) -> error(ctx, 404, e.field, e.getMessage()));
            r.exception(DrillRun.Refused.class, (e, ctx) -> error(ctx, 409, "drill", e.getMessage()));

            r.get("/video/{cameraId}.mjpg", cameras::serve, READERS); // simulated cameras (MJPEG)
            r.get("/video/unit/{unitId}.mjpg", cameras::serveUnit, READERS); // a field unit's body-cam (simulated)
            r.get("/video/relay/{cameraId}", relay::serve, READERS); // RTSP cameras for players without RTSP

            r.wsBeforeUpgrade("/api/v1/stream", streams::beforeUpgrade);
            r.ws("/api/v1/stream", streams::configure);

            r.exception(BadRequest.class, (e, ctx) -> error(ctx, e.status(), e.field(), e.getMessage()));
            r.exception(BadJson.class, (e, ctx) -> error(ctx, 400, e.field(), e.getMessage()));
            r.exception(VideoRefused.class, (e, ctx) -> error(ctx, e.status(), "cameraId", e.getMessage()));
            r.exception(Hub.BatchRejected.class, HubServer::rejected);
            r.exception(Hub.Duplicate.class, HubServer::duplicate);
            r.exception(Hub.NotWriter.class, (e, ctx) -> {
                ctx.header("Retry-After", "1");
                error(ctx, 503, "hub", e.getMessage());
            });
            r.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                    e.getStatus() == 413 ? "body" : null, e.getMessage()));
            r.exception(Exception.class, (e, ctx) -> {
                String ref = Long.toString(failures.incrementAndGet());
                LOG.error("{} {} failed (reference {})", ctx.method(), ctx.path(), ref, e);
                // the cause stays in the hub's log: a client learns nothing of the hub's insides
                error(ctx, 500, null, "the hub failed to handle this request; its log has the cause under reference "
                        + ref);
            });
            r.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    error(ctx, 404, null, "no such route: " + ctx.method() + " " + ctx.path());
                }
            });
            r.error(405, ctx -> error(ctx, 405, null, ctx.method() + " is not allowed on " + ctx.path()));
        });
    }

    public HubServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    /**
     * From now on health answers 200: the journal is replayed and what the hub starts with (a
     * scenario's inventory) is in the situation. Until then it answers 503 {@code starting}.
     */
    public void ready() {
        ready.set(true);
    }

    /** The simulated cameras behind {@code /video/…}. */
    public VirtualCameras cameras() {
        return cameras;
    }

    /** The RTSP relay behind {@code /video/relay/…}. */
    public RtspRelay relay() {
        return relay;
    }

    @Override
    public void close() {
        streams.close();
        drills.close();
        cameras.close();
        relay.close();
        app.stop();
    }

    private static String id(Context ctx) {
        return ctx.pathParam("id");
    }

    private static void rejected(Hub.BatchRejected e, Context ctx) {
        String field = e.rejection.field();
        if (ctx.path().endsWith("/ingest")) {
            field = "events[" + e.index + "]" + (field == null ? "" : "." + field);
        } else if (field != null && field.startsWith("payload.")) {
            field = field.substring("payload.".length());
        }
        error(ctx, 422, field, e.rejection.reason());
    }

    private static void duplicate(Hub.Duplicate e, Context ctx) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", e.sameRequest ? "duplicate" : "key_reused");
        m.put("field", "Idempotency-Key");
        m.put("message", e.sameRequest
                ? "this request was already accepted as seq " + e.first.firstSeq() + ".." + e.first.lastSeq()
                : "this Idempotency-Key was already used for a different request");
        m.put("firstSeq", e.first.firstSeq());
        m.put("lastSeq", e.first.lastSeq());
        json(ctx, 409, Json.write(m));
    }
}

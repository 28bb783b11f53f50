package org.shanzhi.cockpit.hub;

import org.shanzhi.cockpit.json.BadJson;
import org.shanzhi.cockpit.json.Json;
import org.shanzhi.cockpit.json.StreamClose;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.websocket.WsConfig;
import org.eclipse.jetty.session.DefaultSessionCache;
import org.eclipse.jetty.session.NullSessionDataStore;
import org.eclipse.jetty.session.SessionCache;
import org.pcollections.PMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.Dispute;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Grid;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.IntelReport;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Outage;
import org.shanzhi.cockpit.domain.Petition;
import org.shanzhi.cockpit.domain.Sensor;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.WeatherWarning;
import org.shanzhi.cockpit.domain.Whistle;
import org.shanzhi.cockpit.hub.video.RtspRelay;
import org.shanzhi.cockpit.hub.video.VideoRefused;
import org.shanzhi.cockpit.hub.video.VideoViewers;
import org.shanzhi.cockpit.hub.video.VirtualCameras;

import static org.shanzhi.cockpit.hub.Role.FIELD_UNIT;
import static org.shanzhi.cockpit.hub.Role.INGEST;
import static org.shanzhi.cockpit.hub.Role.LEADER;
import static org.shanzhi.cockpit.hub.Role.OPERATOR;
import static org.shanzhi.cockpit.hub.Role.READERS;
import static org.shanzhi.cockpit.hub.Role.TRAINER;

/**
 * The hub's HTTP and WebSocket API, all routes in one place (see docs/api.md and
 * docs/openapi.yaml). Every route but health needs a bearer token whose role the route allows.
 */
public final class HubServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubServer.class);
    public static final int MAX_BODY = 1 << 20;
    public static final int MAX_BATCH = 10_000;
    private static final long EVENTS_CHARS = 8L << 20;
    private static final String ROLE = "role";
    private static final String QUARANTINED = Event.EntryQuarantined.class.getSimpleName();

    /** A family of the situation that can be listed and fetched by id. */
    private record Family(String name, Class<?> type, Function<Situation, PMap<String, ?>> of) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("communities", Community.class, Situation::communities),
            new Family("grids", Grid.class, Situation::grids),
            new Family("cameras", Camera.class, Situation::cameras),
            new Family("sensors", Sensor.class, Situation::sensors),
            new Family("units", FieldUnit.class, Situation::units),
            new Family("incidents", Incident.class, Situation::incidents),
            new Family("complaints", Complaint.class, Situation::complaints),
            new Family("disputes", Dispute.class, Situation::disputes),
            new Family("petitions", Petition.class, Situation::petitions),
            new Family("whistles", Whistle.class, Situation::whistles),
            new Family("warnings", WeatherWarning.class, Situation::warnings),
            new Family("alerts", AiAlert.class, Situation::alerts),
            new Family("outages", Outage.class, Situation::outages),
            new Family("intel", IntelReport.class, Situation::intel));

    private final Hub hub;
    private final Tokens tokens;
    private final Javalin app;
    private final List<StreamSession> sessions = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final VirtualCameras cameras;
    private final RtspRelay relay;
    private final HubLimits limits;
    private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();

    public HubServer(Hub hub, Tokens tokens, HubLimits limits) {
        this.hub = hub;
        this.tokens = tokens;
        this.limits = limits;
        VideoViewers viewers = new VideoViewers(limits.video().maxViewers()); // simulated and relayed together
        this.cameras = new VirtualCameras(id -> hub.situation().cameras().get(id), hub.clock()::now, viewers,
                limits.video().maxVirtualCameras());
        this.relay = new RtspRelay(id -> hub.situation().cameras().get(id), viewers, limits.video().maxRelays(),
                limits.video().cameraNetworks());
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

            r.before("/api/v1/*", this::limitBody);
            r.before(this::refuseHead);
            r.beforeMatched(this::authorize);

            r.get("/api/v1/health", this::health);
            r.get("/api/v1/snapshot", ctx -> json(ctx, 200, hub.snapshotJson()), READERS);
            r.get("/api/v1/kpis", this::kpis, READERS);
            r.get("/api/v1/events", this::events, READERS);
            r.get("/api/v1/audit", this::audit, Role.LEADER);
            for (Family f : FAMILIES) {
                r.get("/api/v1/" + f.name(), ctx -> list(ctx, f), READERS);
                r.get("/api/v1/" + f.name() + "/{id}", ctx -> one(ctx, f), READERS);
            }

            r.post("/api/v1/ingest", this::ingest, INGEST, TRAINER);
            r.post("/api/v1/incidents", ctx -> command(ctx, "open-incident", null, s -> {
                Commands.OpenIncident c = body(ctx, Commands.OpenIncident.class);
                return List.of(Commands.open(c, "INC-" + (s.seq() + 1)));
            }), OPERATOR, LEADER);
            r.post("/api/v1/incidents/{id}/advance", ctx -> command(ctx, "advance-incident", "incidents", s -> {
                Commands.AdvanceIncident c = body(ctx, Commands.AdvanceIncident.class);
                if (c.state() != null && c.state().terminal() && c.state() != IncidentState.INVALID) {
                    throw new BadRequest(403, "state", "closing a case is the leader's: POST …/close");
                }
                return List.of(new Event.IncidentAdvanced(ctx.pathParam("id"), c.state(), c.note()));
            }), OPERATOR, LEADER, FIELD_UNIT);
            r.post("/api/v1/incidents/{id}/dispatch", ctx -> command(ctx, "dispatch", "incidents", s -> {
                Commands.Dispatch c = body(ctx, Commands.Dispatch.class);
                return List.of(new Event.IncidentDispatched(ctx.pathParam("id"), c.unitId()));
            }), OPERATOR, LEADER);
            r.post("/api/v1/incidents/{id}/close", ctx -> command(ctx, "close-case", "incidents", s ->
                    List.of(Commands.close(s, ctx.pathParam("id"), optionalBody(ctx, Commands.Close.class)))),
                    LEADER);
            r.post("/api/v1/alerts/{id}/review", ctx -> command(ctx, "review-alert", "alerts", s -> {
                Commands.ReviewAlert c = body(ctx, Commands.ReviewAlert.class);
                return Commands.review(s, ctx.pathParam("id"), c, "INC-" + (s.seq() + 1));
            }), OPERATOR, LEADER);
            r.post("/api/v1/units/{id}/status", ctx -> command(ctx, "unit-status", "units", s -> {
                Commands.ChangeUnitStatus c = body(ctx, Commands.ChangeUnitStatus.class);
                return List.of(new Event.UnitStatusChanged(ctx.pathParam("id"), c.status()));
            }), OPERATOR, LEADER, FIELD_UNIT);
            r.post("/api/v1/complaints/{id}/advance", ctx -> command(ctx, "advance-complaint", "complaints", s -> {
                Commands.AdvanceComplaint c = body(ctx, Commands.AdvanceComplaint.class);
                return List.of(new Event.ComplaintAdvanced(ctx.pathParam("id"), c.state()));
            }), OPERATOR, LEADER);

            r.get("/video/{cameraId}.mjpg", cameras::serve, READERS); // simulated cameras (MJPEG)
            r.get("/video/relay/{cameraId}", relay::serve, READERS); // RTSP cameras for players without RTSP

            r.wsBeforeUpgrade("/api/v1/stream", ctx -> {
                try {
                    Role role = roleOf(ctx);
                    if (!List.of(READERS).contains(role)) {
                        throw new BadRequest(403, "token", "role " + role.key() + " may not read the stream");
                    }
                    if (sessions.size() >= limits.maxSubscribers()) {
                        throw new BadRequest(503, null, "the hub serves at most " + limits.maxSubscribers()
                                + " stream subscribers at once; try again later");
                    }
                } catch (BadRequest e) {
                    refuseUpgrade(ctx, e.status(), e.field(), e.getMessage());
                }
            });
            r.ws("/api/v1/stream", this::stream);

            r.exception(BadRequest.class, (e, ctx) -> error(ctx, e.status(), e.field(), e.getMessage()));
            r.exception(BadJson.class, (e, ctx) -> error(ctx, 400, e.field(), e.getMessage()));
            r.exception(VideoRefused.class, (e, ctx) -> error(ctx, e.status(), "cameraId", e.getMessage()));
            r.exception(Hub.BatchRejected.class, this::rejected);
            r.exception(Hub.Duplicate.class, this::duplicate);
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
            r.error(405, ctx -> error(ctx, 405, null,
                    ctx.method() + " is not allowed on " + ctx.path()));
        });
    }

    public HubServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
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
        sessions.forEach(StreamSession::stop);
        cameras.close();
        relay.close();
        app.stop();
    }

    // --- access ------------------------------------------------------------------------------

    private void limitBody(Context ctx) {
        long length = ctx.contentLength();
        if (length > MAX_BODY) {
            throw new BadRequest(413, "body", "the body is " + length + " bytes; the limit is " + MAX_BODY);
        }
    }

    /** Jetty answers HEAD from the GET route without the checks the route runs: only health takes it. */
    private void refuseHead(Context ctx) {
        if (ctx.method() == HandlerType.HEAD && !ctx.path().equals("/api/v1/health")) {
            ctx.header("Allow", "GET");
            throw new BadRequest(405, null, "HEAD is not served on " + ctx.path() + "; use GET");
        }
    }

    private void authorize(Context ctx) {
        if (ctx.path().equals("/api/v1/health") || ctx.routeRoles().isEmpty()) {
            return;
        }
        Role role = roleOf(ctx);
        if (!ctx.routeRoles().contains(role)) {
            throw new BadRequest(403, "token", "role " + role.key() + " may not " + ctx.method() + " " + ctx.path());
        }
        ctx.attribute(ROLE, role);
    }

    private Role roleOf(Context ctx) {
        String header = ctx.header("Authorization");
        // browsers cannot set headers on a WebSocket, nor players on a video: only these take the token in the query
        boolean queryToken = ctx.path().equals("/api/v1/stream") || ctx.path().startsWith("/video/");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim()
                : queryToken ? ctx.queryParam("token") : null;
        if (token == null || token.isEmpty()) {
            throw new BadRequest(401, "Authorization", "a bearer token is required (Authorization: Bearer …)");
        }
        return tokens.roleOf(token).orElseThrow(() ->
                new BadRequest(401, "Authorization", "the token is not known to this hub"));
    }

    // --- reads -------------------------------------------------------------------------------

    private void health(Context ctx) {
        Situation s = hub.situation();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("seq", s.seq());
        m.put("time", s.time());
        m.put("startedAt", hub.startedAt());
        json(ctx, 200, Json.write(m));
    }

    private void kpis(Context ctx) {
        Situation s = hub.situation();
        Instant now = s.time();
        Instant dayStart = Kpi.today(now).from();
        Instant monthAgo = now.minus(Duration.ofDays(30));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", s.seq());
        m.put("time", now);
        m.put("threeRates30d", Kpi.threeRates(s, monthAgo, now.plusNanos(1), Kpi.Weights.DEFAULT));
        m.put("closedLoopToday", Kpi.closedLoopRate(s, dayStart, now.plusNanos(1)));
        m.put("overdue", Kpi.overdue(s, now));
        m.put("cameraOnline", Kpi.cameraOnlineRate(s));
        m.put("complaintsPerThousand30d", Kpi.complaintsPerThousand(s, monthAgo, now.plusNanos(1)));
        m.put("proactiveShare30d", Kpi.proactiveShare(s, monthAgo, now.plusNanos(1)));
        m.put("mediationSuccess30d", Kpi.mediationSuccessRate(s, monthAgo, now.plusNanos(1)));
        m.put("outageRestoration", Kpi.outageRestoration(s));
        json(ctx, 200, Json.write(m));
    }

    private void events(Context ctx) {
        long since = longParam(ctx, "since", 0);
        if (since < 0 || since > hub.head()) {
            throw new BadRequest("since", "since must be within 0.." + hub.head() + ", got " + since);
        }
        int limit = Listing.intParam(ctx.queryParamMap(), "limit", 1000, 1, 10_000);
        StringBuilder b = new StringBuilder("{\"head\":").append(hub.head()).append(",\"events\":[");
        boolean first = true;
        // a page stops early past EVENTS_CHARS: the client pages on from the last seq it got, as it would anyway
        for (Journal.Row r : hub.journal().readAfter(since, limit, EVENTS_CHARS)) {
            b.append(first ? "" : ",").append(Json.frame(r.seq(), r.time(), r.type(), r.payload()));
            first = false;
        }
        json(ctx, 200, b.append("]}").toString());
    }

    private void audit(Context ctx) {
        int limit = Listing.intParam(ctx.queryParamMap(), "limit", 100, 1, 1000);
        json(ctx, 200, Json.write(Map.of("entries", hub.journal().audit(limit))));
    }

    private void list(Context ctx, Family f) {
        Situation s = hub.situation();
        json(ctx, 200, Json.write(Listing.page(s.seq(), f.type(), f.of().apply(s).values(), ctx.queryParamMap())));
    }

    private void one(Context ctx, Family f) {
        Object item = f.of().apply(hub.situation()).get(ctx.pathParam("id"));
        if (item == null) {
            throw new BadRequest(404, "id", "no " + f.name() + " entry with id " + ctx.pathParam("id"));
        }
        json(ctx, 200, Json.write(item));
    }

    // --- writes ------------------------------------------------------------------------------

    private void ingest(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        JsonNode root = Json.readTree(bytes);
        JsonNode events = root.get("events");
        if (!root.isObject() || events == null || !events.isArray()) {
            throw new BadRequest("events", "the body must be {\"events\": [ … ]}");
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!name.equals("events")) {
                throw new BadRequest(name, "unknown field '" + name + "'; the body has only 'events'");
            }
        });
        if (events.isEmpty()) {
            throw new BadRequest("events", "the batch is empty");
        }
        if (events.size() > MAX_BATCH) {
            throw new BadRequest("events", "at most " + MAX_BATCH + " events per call, got " + events.size());
        }
        List<Hub.Pending> batch = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            batch.add(pending(events.get(i), "events[" + i + "]"));
        }
        String key = ctx.header("Idempotency-Key");
        List<org.shanzhi.cockpit.domain.Recorded> recorded = hub.append(batch, new Hub.Origin("ingest",
                (Role) ctx.attribute(ROLE), "ingest", batch.size() + " events", key == null ? null : checkKey(key),
                hash(ctx, bytes)));
        // outside systems send thousands of events: the answer is the seqs, not an echo
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accepted", recorded.size());
        m.put("firstSeq", recorded.get(0).seq());
        m.put("lastSeq", recorded.get(recorded.size() - 1).seq());
        json(ctx, 200, Json.write(m));
    }

    private Hub.Pending pending(JsonNode e, String path) {
        if (e == null || !e.isObject()) {
            throw new BadRequest(path, "each event is an object {type, time?, payload}");
        }
        e.fieldNames().forEachRemaining(name -> {
            if (!name.equals("type") && !name.equals("time") && !name.equals("payload")) {
                throw new BadRequest(path + "." + name, "unknown field '" + name + "'; an event has type, time, payload");
            }
        });
        JsonNode type = e.get("type");
        if (type == null || !type.isTextual()) {
            throw new BadRequest(path + ".type", "type is required: one of " + Json.eventTypes());
        }
        try {
            Json.eventClass(type.asText());
        } catch (BadJson ex) {
            throw new BadRequest(path + ".type", ex.getMessage() + "; known: " + Json.eventTypes());
        }
        if (type.asText().equals(QUARANTINED)) {
            throw new BadRequest(path + ".type", QUARANTINED + " is written by the hub's journal quarantine only");
        }
        Instant time = null;
        JsonNode t = e.get("time");
        if (t != null && !t.isNull()) {
            try {
                time = Instant.parse(t.asText());
            } catch (java.time.format.DateTimeParseException ex) {
                throw new BadRequest(path + ".time", "time must be ISO-8601 like 2026-05-30T08:00:00Z, got '"
                        + t.asText() + "'");
            }
            checkWindow(time, path + ".time");
        }
        Event event = Json.readEvent(type.asText(), e.get("payload"), path + ".payload");
        InputRules.check(event, path + ".payload");
        return new Hub.Pending(time, event);
    }

    /** An event's time may lie only so far from the hub's clock: one absurd time would move the hub's day for good. */
    private void checkWindow(Instant time, String field) {
        Instant now = hub.clock().now();
        if (time.isBefore(now.minus(limits.eventPast())) || time.isAfter(now.plus(limits.eventFuture()))) {
            throw new BadRequest(field, "time " + time + " is outside the hub's window: from " + human(limits.eventPast())
                    + " before to " + human(limits.eventFuture()) + " after the hub's clock (" + now + ")");
        }
    }

    private static String human(Duration d) {
        return d.toMinutes() % (24 * 60) == 0 ? d.toDays() + " days" : d.toMinutes() + " minutes";
    }

    /** Runs a command: idempotency key required, events made from the current situation under the hub's lock. */
    private void command(Context ctx, String action, String family, Function<Situation, List<Event>> make) {
        String key = ctx.header("Idempotency-Key");
        if (key == null || key.isBlank()) {
            throw new BadRequest("Idempotency-Key", "commands need an Idempotency-Key header (1–200 visible ASCII characters)");
        }
        String target = family == null ? null : family + "/" + ctx.pathParam("id");
        if (family != null) {
            if (!familyNamed(family).of().apply(hub.situation()).containsKey(ctx.pathParam("id"))) {
                throw new BadRequest(404, "id", "no " + family + " entry with id " + ctx.pathParam("id"));
            }
        }
        List<org.shanzhi.cockpit.domain.Recorded> recorded = hub.append(
                s -> make.apply(s).stream().map(e -> new Hub.Pending(null, e)).toList(),
                new Hub.Origin("command", (Role) ctx.attribute(ROLE), action, target, checkKey(key),
                        hash(ctx, ctx.bodyAsBytes())));
        json(ctx, family == null ? 201 : 200, Json.write(accepted(recorded)));
    }

    private static Map<String, Object> accepted(List<org.shanzhi.cockpit.domain.Recorded> recorded) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accepted", recorded.size());
        m.put("firstSeq", recorded.isEmpty() ? null : recorded.get(0).seq());
        m.put("lastSeq", recorded.isEmpty() ? null : recorded.get(recorded.size() - 1).seq());
        List<Map<String, Object>> events = new ArrayList<>();
        for (var r : recorded) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("seq", r.seq());
            e.put("time", r.time());
            e.put("type", Json.typeOf(r.event()));
            e.put("payload", r.event());
            events.add(e);
        }
        m.put("events", events);
        return m;
    }

    private static Family familyNamed(String name) {
        return FAMILIES.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static String checkKey(String key) {
        if (!key.matches("[\\x21-\\x7E]{1,200}")) {
            throw new BadRequest("Idempotency-Key", "Idempotency-Key must be 1–200 visible ASCII characters");
        }
        return key;
    }

    private static <T> T body(Context ctx, Class<T> type) {
        JsonNode tree = Json.readTree(ctx.bodyAsBytes());
        if (!tree.isObject()) {
            throw new BadRequest("body", "the body must be a JSON object");
        }
        T body = Json.read(tree, type, "body");
        InputRules.check(body, "body");
        return body;
    }

    private static <T> T optionalBody(Context ctx, Class<T> type) {
        return ctx.bodyAsBytes().length == 0 ? null : body(ctx, type);
    }

    private static String hash(Context ctx, byte[] body) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((ctx.method() + " " + ctx.path() + "\n").getBytes(StandardCharsets.UTF_8));
            d.update(body);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- stream ------------------------------------------------------------------------------

    private void stream(WsConfig ws) {
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
            StreamSession session = new StreamSession(hub, ctx.session, since, "true".equals(batch), limits);
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

    private static void close(io.javalin.websocket.WsConnectContext ctx, StreamClose why, String detail) {
        ctx.closeSession(why.code, why.reason(detail));
    }

    // --- errors ------------------------------------------------------------------------------

    /** Answers an upgrade request with an error and no upgrade: Javalin writes no result on this path. */
    private static void refuseUpgrade(Context ctx, int status, String field, String message) throws IOException {
        error(ctx, status, field, message);
        byte[] body = ctx.resultInputStream().readAllBytes();
        ctx.res().setContentLength(body.length);
        ctx.res().getOutputStream().write(body);
        ctx.skipRemainingHandlers();
    }

    private void rejected(Hub.BatchRejected e, Context ctx) {
        String field = e.rejection.field();
        if (ctx.path().endsWith("/ingest")) {
            field = "events[" + e.index + "]" + (field == null ? "" : "." + field);
        } else if (field != null && field.startsWith("payload.")) {
            field = field.substring("payload.".length());
        }
        error(ctx, 422, field, e.rejection.reason());
    }

    private void duplicate(Hub.Duplicate e, Context ctx) {
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

    private static void error(Context ctx, int status, String field, String message) {
        json(ctx, status, Json.write(JsonErrors.body(status, field, message)));
    }

    private static void json(Context ctx, int status, String body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(body);
    }

    private static long longParam(Context ctx, String name, long dflt) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BadRequest(name, name + " must be a whole number, got '" + v + "'");
        }
    }
}

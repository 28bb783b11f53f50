package org.shanzhi.cockpit.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.Context;
import org.pcollections.PMap;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Dispute;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.FigureSettings;
import org.shanzhi.cockpit.domain.Forecast;
import org.shanzhi.cockpit.domain.Grid;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Instruction;
import org.shanzhi.cockpit.domain.IntelReport;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Outage;
import org.shanzhi.cockpit.domain.Petition;
import org.shanzhi.cockpit.domain.PetitionFigures;
import org.shanzhi.cockpit.domain.Rankings;
import org.shanzhi.cockpit.domain.Sensor;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.WeatherWarning;
import org.shanzhi.cockpit.domain.Whistle;
import org.shanzhi.cockpit.json.Json;

import static org.shanzhi.cockpit.hub.Answers.json;

/** The read routes: health, snapshot, KPIs, events by seq, the audit trail, and each family listed or by id. */
final class Reads {

    /** A page of /events ends once it holds this much: the client pages on from its last seq, as it would anyway. */
    private static final long EVENTS_CHARS = 8L << 20;

    /** A family of the situation that can be listed and fetched by id. */
    record Family(String name, Class<?> type, Function<Situation, PMap<String, ?>> of) {
    }

    static final List<Family> FAMILIES = List.of(
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
            new Family("intel", IntelReport.class, Situation::intel),
            new Family("orders", DispatchOrder.class, Situation::orders),
            new Family("instructions", Instruction.class, Situation::instructions));

    /** How many of its orders {@code field/me} shows a unit: the open ones first, then the newest. */
    private static final int FIELD_ORDERS = 50;

    private final Hub hub;
    private final BooleanSupplier ready;
    private final DispatchOrder.Timing orderTiming;
    private final PeerHubs peerHubs;
    private final FigureSettings figures;

    Reads(Hub hub, BooleanSupplier ready, DispatchOrder.Timing orderTiming, PeerHubs peerHubs, FigureSettings figures) {
        this.peerHubs = peerHubs;
        this.figures = figures;
        this.hub = hub;
        this.ready = ready;
        this.orderTiming = orderTiming;
    }

    static Family family(String name) {
        return FAMILIES.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    void health(Context ctx) {
        boolean up = ready.getAsBoolean();
        Situation s = hub.situation();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", up ? "ok" : "starting");
        m.put("role", hub.writing() ? "writer" : "follower");
        m.put("seq", s.seq());
        m.put("time", s.time());
        m.put("startedAt", hub.startedAt());
        // the hub's present, and whether the situation still lives the time before it (a hub opened late in the day):
        // a wall says it is catching up, and how far behind, instead of live
        m.put("clock", hub.clock().now());
        m.put("catchingUp", hub.catchingUp());
        // the waits the walls' late-order alarms count against, as this hub was started with
        m.put("orderTiming", Map.of("deliverWithinSeconds", orderTiming.deliverWithin().toSeconds(),
                "acceptWithinSeconds", orderTiming.acceptWithin().toSeconds(),
                "expireAfterSeconds", orderTiming.expireAfter().toSeconds()));
        m.put("peerHubs", peerHubs.origins()); // where a field page moves when this hub fails
        json(ctx, up ? 200 : 503, Json.write(m));
    }

    /** The newest prepared snapshot's bytes as they are: gzip'd once for every client that accepts gzip. */
    void snapshot(Context ctx) {
        PreparedSnapshot s = hub.newestSnapshot();
        // a feed that asks again while the hub catches up sends back the tag it holds: the same one, nothing to send
        String tag = "\"" + hub.startedAt().toEpochMilli() + "-" + s.seq() + "\"";
        ctx.header("ETag", tag);
        if (tag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.disableCompression().header("Vary", "Accept-Encoding");
        boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
        if (gzip) {
            ctx.header("Content-Encoding", "gzip");
        }
        ctx.status(200).contentType("application/json; charset=utf-8").result(gzip ? s.gzip() : s.json());
    }

    /** Whether an Accept-Encoding header names gzip with a weight above zero. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.trim().split(";");
            String coding = p[0].trim().toLowerCase(Locale.ROOT);
            if (coding.equals("gzip")) {
                for (int i = 1; i < p.length; i++) {
                    String q = p[i].trim().replace(" ", "");
                    if (q.startsWith("q=") && q.substring(2).matches("0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    void kpis(Context ctx) {
        Situation s = hub.situation();
        Instant now = s.time();
        Instant monthAgo = now.minus(Duration.ofDays(30));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", s.seq());
        m.put("time", now);
        m.put("threeRates30d", Kpi.threeRates(s, monthAgo, now.plusNanos(1), figures.weights()));
        m.put("closedOnTime30d", Kpi.closedOnTimeRate(s, monthAgo, now.plusNanos(1)));
        m.put("overdue", Kpi.overdue(s, now));
        m.put("cameraOnline", Kpi.cameraOnlineRate(s));
        m.put("complaintsPerThousand30d", Kpi.complaintsPerThousand(s, monthAgo, now.plusNanos(1)));
        m.put("proactiveShare30d", Kpi.proactiveShare(s, monthAgo, now.plusNanos(1), figures.proactive()));
        m.put("mediationSuccess30d", Kpi.mediationSuccessRate(s, monthAgo, now.plusNanos(1)));
        m.put("outageRestoration", Kpi.outageRestoration(s));
        m.put("falseAlarmsByKind30d", Rankings.falseAlarmsByKind(s, monthAgo, now.plusNanos(1)));
        m.put("falseAlarmsByCamera30d", Rankings.falseAlarmsByCamera(s, monthAgo, now.plusNanos(1)));
        m.put("petitionsAccepted30d", PetitionFigures.acceptedInTime(s, monthAgo, now.plusNanos(1)));
        m.put("petitionsReplied30d", PetitionFigures.repliedInTime(s, monthAgo, now.plusNanos(1)));
        m.put("petitionVisitors30d", PetitionFigures.visitorsYearOnYear(s, monthAgo, now.plusNanos(1),
                figures.petitionBasis()));
        m.put("threeRatesAtMonthEnd", Forecast.threeRatesAtMonthEnd(s, now, figures.weights()));
        m.put("risingComplaints", Forecast.rising(s, now, Forecast.TrendRule.DEFAULT));
        // which settings these figures rest on, so that a wall computing with others can be told apart
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("weights", figures.weights());
        settings.put("minimum", figures.minimum());
        settings.put("proactiveSources", figures.proactive().sources().stream().sorted().toList());
        m.put("settings", settings);
        json(ctx, 200, Json.write(m));
    }

    void events(Context ctx) {
        long since = longParam(ctx, "since", 0);
        if (since < 0 || since > hub.head()) {
            throw new BadRequest("since", "since must be within 0.." + hub.head() + ", got " + since);
        }
        int limit = Listing.intParam(ctx.queryParamMap(), "limit", 1000, 1, 10_000);
        StringBuilder b = new StringBuilder("{\"head\":").append(hub.head()).append(",\"events\":[");
        boolean first = true;
        for (Journal.Row r : hub.journal().readAfter(since, limit, EVENTS_CHARS)) {
            b.append(first ? "" : ",").append(Json.frame(r.seq(), r.time(), r.type(), r.payload(), r.drill()));
            first = false;
        }
        json(ctx, 200, b.append("]}").toString());
    }

    void audit(Context ctx) {
        int limit = Listing.intParam(ctx.queryParamMap(), "limit", 100, 1, 1000);
        json(ctx, 200, Json.write(Map.of("entries", hub.journal().audit(limit))));
    }

    void list(Context ctx, Family f) {
        Situation s = hub.situation();
        json(ctx, 200, Json.write(Listing.page(s.seq(), f.type(), f.of().apply(s).values(), ctx.queryParamMap())));
    }

    void one(Context ctx, Family f) {
        Object item = f.of().apply(hub.situation()).get(ctx.pathParam("id"));
        if (item == null) {
            throw new BadRequest(404, "id", "no " + f.name() + " entry with id " + ctx.pathParam("id"));
        }
        json(ctx, 200, Json.write(item));
    }

    /**
     * What a unit's own page needs on opening: the unit, its orders (open first, then the newest) each
     * with its case, and the hub's time, which the page shows times against rather than the phone's.
     */
    void fieldMe(Context ctx) {
        String unitId = Access.unit(ctx);
        if (unitId == null) {
            throw Commands.notAUnitsToken();
        }
        Situation s = hub.situation();
        List<DispatchOrder> mine = new ArrayList<>();
        for (DispatchOrder o : s.orders().values()) {
            if (o.unitId().equals(unitId)) {
                mine.add(o);
            }
        }
        mine.sort(Comparator.comparing(DispatchOrder::open).reversed()
                .thenComparing(Comparator.comparing(DispatchOrder::updatedAt).reversed()));
        List<Map<String, Object>> orders = new ArrayList<>();
        for (DispatchOrder o : mine.subList(0, Math.min(FIELD_ORDERS, mine.size()))) {
            Map<String, Object> order = Json.MAPPER.convertValue(o, new TypeReference<LinkedHashMap<String, Object>>() { });
            Incident i = s.incidents().get(o.incidentId());
            Map<String, Object> kase = new LinkedHashMap<>();
            kase.put("id", i.id());
            kase.put("title", i.title());
            kase.put("category", i.category());
            kase.put("severity", i.severity());
            kase.put("at", i.at());
            kase.put("state", i.state());
            order.put("case", kase);
            orders.add(order);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", s.units().get(unitId));
        m.put("orders", orders);
        m.put("hubTime", hub.clock().now());
        json(ctx, 200, Json.write(m));
    }

    /** A recording of the journal from {@code from} to {@code to} (required, ISO-8601), streamed as one file. */
    void recording(Context ctx) throws IOException {
        Instant from = instantParam(ctx, "from");
        Instant to = instantParam(ctx, "to");
        if (to.isBefore(from)) {
            throw new BadRequest("to", "to must not be before from");
        }
        Path file = Files.createTempFile("shanzhi-", ".recording");
        try {
            RecordingExport.export(hub.journal(), from, to, file);
        } catch (RecordingExport.NoEvents e) {
            Files.deleteIfExists(file);
            throw new BadRequest(404, "from", e.getMessage());
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        ctx.contentType("application/octet-stream");
        ctx.header("Content-Disposition", "attachment; filename=\"recording.shanzhi\"");
        ctx.result(Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE));
    }

    private static Instant instantParam(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            throw new BadRequest(name, name + " is required (an ISO-8601 time such as 2026-05-30T20:00:00+08:00)");
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequest(name, name + " must be an ISO-8601 time with its offset, got '" + v + "'");
        }
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

package org.shanzhi.cockpit.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.pcollections.PMap;

import org.shanzhi.cockpit.domain.Event.*;

/**
 * One step of {@link Situation#apply}: copies the situation's references, replaces the one map
 * the event touches, validates, and builds the next situation. Field names in rejections are
 * the event's own component names.
 */
final class Fold {

    /** A case opened without a deadline: 4 工作时, or 4 hours for 紧急 / 突发 work (DOMAIN.md §1.2). */
    static final Duration DEFAULT_INCIDENT_LIMIT = Duration.ofHours(4);
    static final Duration DEFAULT_MEDIATION_LIMIT = Duration.ofDays(30);
    /** The most buildings one outage may cover (a community holds a few dozen). */
    static final int MAX_OUTAGE_BUILDINGS = 200;

    private final long seq;
    private final Instant time;
    /** The event's own time (may be older than the situation's time for late arrivals). */
    private final Instant at;

    private District district;
    private PMap<String, Community> communities;
    private PMap<String, Grid> grids;
    private PMap<String, Camera> cameras;
    private PMap<String, Sensor> sensors;
    private PMap<String, FieldUnit> units;
    private PMap<String, Incident> incidents;
    private PMap<String, Complaint> complaints;
    private PMap<String, Dispute> disputes;
    private PMap<String, Petition> petitions;
    private PMap<String, Whistle> whistles;
    private PMap<String, WeatherWarning> warnings;
    private PMap<String, AiAlert> alerts;
    private PMap<String, Outage> outages;
    private PMap<String, IntelReport> intel;
    private PMap<String, KeyPeriod> keyPeriods;
    private PMap<String, DispatchOrder> orders;
    private PMap<String, Instruction> instructions;
    private DrillStatus drill;
    private PMap<String, DrillThing> drillThings;
    /** The drill that made this event ({@link Recorded#drill}), or null. */
    private final String madeBy;
    private final Situation before;

    Fold(Situation s, long seq, Instant time, Instant at, String madeBy) {
        this.before = s;
        this.seq = seq;
        this.time = time;
        this.at = at;
        this.madeBy = madeBy;
        district = s.district();
        communities = s.communities();
        grids = s.grids();
        cameras = s.cameras();
        sensors = s.sensors();
        units = s.units();
        incidents = s.incidents();
        complaints = s.complaints();
        disputes = s.disputes();
        petitions = s.petitions();
        whistles = s.whistles();
        warnings = s.warnings();
        alerts = s.alerts();
        outages = s.outages();
        intel = s.intel();
        keyPeriods = s.keyPeriods();
        orders = s.orders();
        instructions = s.instructions();
        drill = s.drill();
        drillThings = s.drillThings();
    }

    Situation apply(Event e) {
        if (e == null) {
            throw new Rejection(null, "event is missing");
        }
        // The most frequent events first: this chain is the fold's hot path.
        if (e instanceof UnitMoved x) {
            unitMoved(x);
        } else if (e instanceof SensorReported x) {
            sensorReported(x);
        } else if (e instanceof UnitStatusChanged x) {
            unitStatusChanged(x);
        } else if (e instanceof ComplaintAdvanced x) {
            complaintAdvanced(x);
        } else if (e instanceof IncidentAdvanced x) {
            incidentAdvanced(x);
        } else if (e instanceof ComplaintReceived x) {
            complaintReceived(x);
        } else if (e instanceof ComplaintRevisited x) {
            complaintRevisited(x);
        } else if (e instanceof ComplaintLinked x) {
            complaintLinked(x);
        } else if (e instanceof AiAlertRaised x) {
            aiAlertRaised(x);
        } else if (e instanceof AiAlertReviewed x) {
            aiAlertReviewed(x);
        } else if (e instanceof IncidentOpened x) {
            incidentOpened(x);
        } else if (e instanceof IncidentDispatched x) {
            incidentDispatched(x);
        } else if (e instanceof OrderAdvanced x) {
            orderAdvanced(x);
        } else if (e instanceof OrderIssued x) {
            orderIssued(x);
        } else if (e instanceof InstructionIssued x) {
            instructionIssued(x);
        } else if (e instanceof CameraStatusChanged x) {
            Camera c = require(cameras, x.cameraId(), "cameraId", "camera");
            cameras = cameras.plus(c.id(), c.withOnline(x.online()));
        } else if (e instanceof UnitSos x) {
            FieldUnit u = require(units, x.unitId(), "unitId", "unit");
            units = units.plus(u.id(), u.withSos(x.active()));
            markState("unitSos", u.id(), x.active());
        } else if (e instanceof DisputeRegistered x) {
            disputeRegistered(x);
        } else if (e instanceof DisputeAdvanced x) {
            disputeAdvanced(x);
        } else if (e instanceof ExtensionApproved x) {
            extensionApproved(x);
        } else if (e instanceof PetitionRegistered x) {
            petitionRegistered(x);
        } else if (e instanceof PetitionAdvanced x) {
            Petition p = require(petitions, x.petitionId(), "petitionId", "petition");
            check("state", x.state(), p.state(), p.state().next());
            petitions = petitions.plus(p.id(), p.moved(x.state(), at));
        } else if (e instanceof PetitionExtended x) {
            petitionExtended(x);
        } else if (e instanceof WhistleBlown x) {
            whistleBlown(x);
        } else if (e instanceof WhistleArrived x) {
            whistleArrived(x);
        } else if (e instanceof WhistleResolved x) {
            Whistle w = require(whistles, x.whistleId(), "whistleId", "whistle");
            if (!w.open()) {
                throw new Rejection("whistleId", "whistle " + w.id() + " is already resolved");
            }
            whistles = whistles.plus(w.id(), new Whistle(w.id(), w.kind(), w.reason(), w.departments(), w.arrivals(),
                    w.incidentId(), w.requestedAt(), at));
        } else if (e instanceof IntelReported x) {
            intelReported(x);
        } else if (e instanceof WarningIssued x) {
            warningIssued(x);
        } else if (e instanceof WarningLifted x) {
            WeatherWarning w = require(warnings, x.warningId(), "warningId", "warning");
            if (w.lifted()) {
                throw new Rejection("warningId", "warning " + w.id() + " is already lifted");
            }
            warnings = warnings.plus(w.id(), new WeatherWarning(w.id(), w.hazard(), w.level(), w.issuer(),
                    w.validFrom(), at, true));
        } else if (e instanceof OutageReported x) {
            outageReported(x);
        } else if (e instanceof OutageRestored x) {
            outageRestored(x);
        } else if (e instanceof KeyPeriodDeclared x) {
            requireId(x.periodId(), "periodId", keyPeriods);
            requireText(x.name(), "name");
            if (x.from() == null || x.to() == null || !x.from().isBefore(x.to())) {
                throw new Rejection("to", "a key period needs from < to");
            }
            keyPeriods = keyPeriods.plus(x.periodId(), new KeyPeriod(x.periodId(), x.name(), x.from(), x.to()));
            mark("keyPeriods", x.periodId(), null);
        } else if (e instanceof DistrictDefined x) {
            if (district != null) {
                throw new Rejection("district", "the district is already defined");
            }
            if (x.district() == null || x.district().bounds() == null) {
                throw new Rejection("district.bounds", "a district needs bounds");
            }
            requireText(x.district().code(), "district.code");
            district = x.district();
        } else if (e instanceof CommunityRegistered x) {
            communityRegistered(x);
        } else if (e instanceof GridRegistered x) {
            gridRegistered(x);
        } else if (e instanceof CameraRegistered x) {
            cameraRegistered(x);
        } else if (e instanceof SensorRegistered x) {
            sensorRegistered(x);
        } else if (e instanceof UnitRegistered x) {
            unitRegistered(x);
        } else if (e instanceof DrillStarted x) {
            drillStarted(x);
        } else if (e instanceof DrillEnded x) {
            drillEnded(x);
        } else if (e instanceof EntryQuarantined) {
            // a set-aside entry holds its place in the sequence and nothing else
        } else {
            throw new Rejection("type", "no rule for " + e.getClass().getSimpleName());
        }
        return new Situation(seq, time, district, communities, grids, cameras, sensors, units, incidents, complaints,
                disputes, petitions, whistles, warnings, alerts, outages, intel, keyPeriods, orders, instructions, drill,
                drillThings);
    }

    // --- drills --------------------------------------------------------------------------------

    private void drillStarted(DrillStarted x) {
        requireText(x.drillId(), "drillId");
        requireText(x.name(), "name");
        if (drill != null) {
            throw new Rejection("drillId", "drill " + drill.drillId() + " (" + drill.name() + ") is running;"
                    + " two drills cannot run at once");
        }
        drill = new DrillStatus(x.drillId(), x.name(), at);
    }

    private void drillEnded(DrillEnded x) {
        requireText(x.drillId(), "drillId");
        if (drill == null) {
            throw new Rejection("drillId", "no drill is running");
        }
        if (!drill.drillId().equals(x.drillId())) {
            throw new Rejection("drillId", "drill " + drill.drillId() + " is running, not " + x.drillId());
        }
        if (!"completed".equals(x.how()) && !"stopped".equals(x.how())) {
            throw new Rejection("how", "how a drill ends is completed or stopped, got " + x.how());
        }
        drill = null;
    }

    /**
     * Marks a new thing as a drill's when this event was made by a drill, or when the thing follows from a
     * drill thing ({@code from}, the family/id key of what it came from: a case's alert, an order's case).
     */
    private void mark(String family, String id, String from) {
        String by = madeBy != null ? madeBy : before.drillOf(from);
        if (by != null) {
            String key = DrillThing.key(family, id);
            drillThings = drillThings.plus(key, new DrillThing(key, by));
        }
    }

    /**
     * Marks a state of the district's own equipment (a unit's SOS, a sensor's alarm) as a drill's while the drill's
     * event holds it; the state's end, or a live event holding it, takes the mark off.
     */
    private void markState(String family, String id, boolean on) {
        String key = DrillThing.key(family, id);
        if (on && madeBy != null) {
            drillThings = drillThings.plus(key, new DrillThing(key, madeBy));
        } else if (!drillThings.isEmpty()) {
            drillThings = drillThings.minus(key);
        }
    }

    // --- inventory ---------------------------------------------------------------------------

    private void communityRegistered(CommunityRegistered x) {
        Community c = x.community();
        if (c == null) {
            throw new Rejection("community", "community is missing");
        }
        requireId(c.code(), "community.code", communities);
        requireText(c.name(), "community.name");
        if (c.boundary() == null) {
            throw new Rejection("community.boundary", "a community needs a boundary");
        }
        if (c.population() < 0) {
            throw new Rejection("community.population", "population cannot be negative");
        }
        for (int i = 0; i < c.boundary().ring().size(); i++) {
            inside(c.boundary().ring().get(i), "community.boundary.ring[" + i + "]");
        }
        communities = communities.plus(c.code(), c);
    }

    private void gridRegistered(GridRegistered x) {
        Grid g = x.grid();
        if (g == null) {
            throw new Rejection("grid", "grid is missing");
        }
        requireId(g.code(), "grid.code", grids);
        require(communities, g.communityCode(), "grid.communityCode", "community");
        if (g.boundary() == null || g.kind() == null) {
            throw new Rejection(g.kind() == null ? "grid.kind" : "grid.boundary", "a grid needs a kind and a boundary");
        }
        grids = grids.plus(g.code(), g);
    }

    private void cameraRegistered(CameraRegistered x) {
        Camera c = x.camera();
        if (c == null) {
            throw new Rejection("camera", "camera is missing");
        }
        requireId(c.id(), "camera.id", cameras);
        inside(c.at(), "camera.at");
        String community = c.communityCode() != null ? c.communityCode() : before.communityAt(c.at());
        if (c.communityCode() != null) {
            require(communities, c.communityCode(), "camera.communityCode", "community");
        }
        cameras = cameras.plus(c.id(), new Camera(c.id(), c.name(), c.at(), community, c.ai(), c.online(), c.streamUrl()));
    }

    private void sensorRegistered(SensorRegistered x) {
        Sensor s = x.sensor();
        if (s == null || s.kind() == null) {
            throw new Rejection(s == null ? "sensor" : "sensor.kind", "sensor and its kind are required");
        }
        requireId(s.id(), "sensor.id", sensors);
        inside(s.at(), "sensor.at");
        String community = s.communityCode() != null ? s.communityCode() : before.communityAt(s.at());
        sensors = sensors.plus(s.id(), new Sensor(s.id(), s.kind(), s.at(), community, s.threshold(), s.value(),
                s.value() >= s.threshold(), s.readAt() != null ? s.readAt() : at));
    }

    private void unitRegistered(UnitRegistered x) {
        FieldUnit u = x.unit();
        if (u == null || u.role() == null) {
            throw new Rejection(u == null ? "unit" : "unit.role", "unit and its role are required");
        }
        requireId(u.id(), "unit.id", units);
        inside(u.at(), "unit.at");
        UnitStatus status = u.status() == null ? UnitStatus.OFF : u.status();
        units = units.plus(u.id(), new FieldUnit(u.id(), u.name(), u.role(), status, u.at(), u.heading(), at, null, false));
    }

    // --- devices and units -------------------------------------------------------------------

    private void sensorReported(SensorReported x) {
        Sensor s = require(sensors, x.sensorId(), "sensorId", "sensor");
        if (!Double.isFinite(x.value())) {
            throw new Rejection("value", "reading must be a finite number");
        }
        boolean alarm = x.value() >= s.threshold();
        sensors = sensors.plus(s.id(), s.withReading(x.value(), alarm, at));
        markState("sensorAlarms", s.id(), alarm);
    }

    private void unitMoved(UnitMoved x) {
        FieldUnit u = require(units, x.unitId(), "unitId", "unit");
        inside(x.at(), "at");
        units = units.plus(u.id(), u.movedTo(x.at(), x.heading(), at));
    }

    private void unitStatusChanged(UnitStatusChanged x) {
        FieldUnit u = require(units, x.unitId(), "unitId", "unit");
        if (x.status() == UnitStatus.ASG) {
            throw new Rejection("status", "a unit is assigned by an order (OrderIssued), not by a status change");
        }
        DispatchOrder holding = openOrderOf(u);
        if (holding != null) {
            throw new Rejection("unitId", "unit " + u.id() + " is on order " + holding.id()
                    + ": its status follows the order");
        }
        check("status", x.status(), u.status(), u.status().next());
        boolean free = x.status() == UnitStatus.AVL || x.status() == UnitStatus.OFF || x.status() == UnitStatus.PAT;
        units = units.plus(u.id(), u.withStatus(x.status(), free ? null : u.incidentId()));
        // a unit that declines or abandons its order before work starts hands the case back to dispatch
        Incident i = u.incidentId() == null ? null : incidents.get(u.incidentId());
        if (free && i != null && i.state() == IncidentState.DISPATCHED && u.id().equals(i.unitId())) {
            incidents = incidents.plus(i.id(), i.returnedToDispatch(at));
        }
    }

    // --- cases -------------------------------------------------------------------------------

    private void incidentOpened(IncidentOpened x) {
        requireId(x.incidentId(), "incidentId", incidents);
        requireText(x.title(), "title");
        requireText(x.category(), "category");
        if (x.source() == null) {
            throw new Rejection("source", "source is required");
        }
        IncidentState initial = x.state() == null ? IncidentState.REPORTED : x.state();
        if (initial != IncidentState.REPORTED && initial != IncidentState.REGISTERED) {
            throw new Rejection("state", "a case opens as REPORTED or REGISTERED, not " + initial);
        }
        inside(x.at(), "at");
        if (x.alertId() != null) {
            require(alerts, x.alertId(), "alertId", "AI alert");
        }
        Incident.Severity severity = x.severity() == null ? Incident.Severity.MEDIUM : x.severity();
        Instant deadline = x.deadline() != null ? x.deadline()
                : new TimeLimit(DEFAULT_INCIDENT_LIMIT, !severity.urgent()).from(at);
        String community = before.communityAt(x.at());
        incidents = incidents.plus(x.incidentId(), new Incident(x.incidentId(), x.title(), x.category(), x.source(),
                severity, initial, x.at(), community, before.gridAt(x.at(), community), at, deadline, at, null, null,
                x.alertId(), ProactiveSources.DEFAULT.counts(x.source()), List.of()));
        mark("incidents", x.incidentId(), x.alertId() == null ? null : DrillThing.key("alerts", x.alertId()));
    }

    private void incidentAdvanced(IncidentAdvanced x) {
        Incident i = require(incidents, x.incidentId(), "incidentId", "incident");
        if (x.state() == IncidentState.DISPATCHED) {
            throw new Rejection("state", "a case is dispatched to a unit by IncidentDispatched");
        }
        check("state", x.state(), i.state(), i.state().next());
        incidents = incidents.plus(i.id(), i.moved(x.state(), at));
        if (x.state() == IncidentState.CLOSED) {
            replyLinkedComplaints(i);
        }
    }

    /** A case closed after its 核查 is the 办结 of the 12345 orders joined to it that are 办理中. */
    private void replyLinkedComplaints(Incident i) {
        for (Complaint c : complaints.values()) {
            if (i.id().equals(c.incidentId()) && c.state() == ComplaintState.IN_PROGRESS) {
                complaints = complaints.plus(c.orderNo(), c.moved(ComplaintState.REPLIED, at));
            }
        }
    }

    private void incidentDispatched(IncidentDispatched x) {
        Incident i = require(incidents, x.incidentId(), "incidentId", "incident");
        FieldUnit u = require(units, x.unitId(), "unitId", "unit");
        check("incidentId", IncidentState.DISPATCHED, i.state(), i.state().next());
        if (!u.status().dispatchable()) {
            throw new Rejection("unitId", "unit " + u.id() + " is " + u.status() + " (" + u.status().zh
                    + "), not free for an order");
        }
        incidents = incidents.plus(i.id(), i.assigned(u.id(), at));
        units = units.plus(u.id(), u.withStatus(UnitStatus.ASG, i.id()));
    }

    // --- orders ------------------------------------------------------------------------------

    private void orderIssued(OrderIssued x) {
        requireId(x.orderId(), "orderId", orders);
        Incident i = require(incidents, x.incidentId(), "incidentId", "incident");
        if (!i.open()) {
            throw new Rejection("incidentId", "case " + i.id() + " is " + i.state().zh + ": no more orders");
        }
        FieldUnit u = require(units, x.unitId(), "unitId", "unit");
        requireText(x.task(), "task");
        if (x.issuer() == null) {
            throw new Rejection("issuer", "issuer is required: CENTER or DISTRICT");
        }
        DispatchOrder held = openOrderOf(u);
        if (held != null && held.incidentId().equals(i.id())) {
            throw new Rejection("unitId", "unit " + u.id() + " already has order " + held.id() + " on this case");
        }
        if (!x.override() && (!u.status().dispatchable() || u.sos())) {
            throw new Rejection("unitId", "unit " + u.id() + " is " + (u.sos() ? "in SOS" : u.status().zh)
                    + ", not free for an order; a leader may override");
        }
        if (held != null) {
            // a leader takes a busy unit off its order: that order ends, its case may need another unit
            end(held, OrderState.CANCELLED, "override", "改调他处");
        }
        Incident.Severity priority = x.priority() != null ? x.priority() : i.severity();
        DispatchOrder o = new DispatchOrder(x.orderId(), i.id(), u.id(), x.task(), priority, x.issuer(), OrderState.SENT, at, at,
                x.override(), null, null, List.of(), List.of(new DispatchOrder.Step(OrderState.SENT, at,
                        x.issuer().name().toLowerCase(Locale.ROOT))));
        orders = orders.plus(o.id(), o);
        mark("orders", o.id(), DrillThing.key("incidents", i.id()));
        i = incidents.get(i.id()).withOrder(o.id());
        // an order on a case waiting for a unit dispatches it (a registered case is dispatched at once)
        if (i.state() == IncidentState.PENDING_DISPATCH || i.state() == IncidentState.REGISTERED) {
            i = i.assigned(u.id(), at);
        }
        incidents = incidents.plus(i.id(), i);
        units = units.plus(u.id(), units.get(u.id()).withStatus(UnitStatus.ASG, i.id()));
    }

    private void orderAdvanced(OrderAdvanced x) {
        DispatchOrder o = require(orders, x.orderId(), "orderId", "order");
        check("state", x.state(), o.state(), o.state().next());
        requireText(x.by(), "by");
        if (x.state() == OrderState.DECLINED) {
            requireText(x.reason(), "reason");
        }
        if (x.state() == OrderState.REPORTED) {
            requireText(x.note(), "note");
        }
        if (x.state().terminal() && x.state() != OrderState.REPORTED) {
            end(o, x.state(), x.by(), x.reason());
            return;
        }
        FieldUnit u = units.get(o.unitId());
        UnitStatus unitTo = x.state().unitStatus();
        if (unitTo != null && u.status() != unitTo) {
            if (!u.status().next().contains(unitTo)) {
                throw new Rejection("state", "unit " + u.id() + " is " + u.status() + " (" + u.status().zh
                        + "), it cannot go " + unitTo + " (" + unitTo.zh + ")");
            }
            units = units.plus(u.id(), u.withStatus(unitTo, o.incidentId()));
        }
        orders = orders.plus(o.id(), o.moved(x.state(), at, x.by(), x.reason(), x.note(), x.photos()));
        Incident i = incidents.get(o.incidentId());
        if (x.state() == OrderState.WORKING
                && (i.state() == IncidentState.DISPATCHED || i.state() == IncidentState.REWORK)) {
            incidents = incidents.plus(i.id(), i.moved(IncidentState.IN_PROGRESS, at));
        }
        if (x.state() == OrderState.REPORTED) {
            units = units.plus(u.id(), u.withStatus(UnitStatus.AVL, null));
            // the last unit to report finishes the case's 处置
            if (i.state() == IncidentState.IN_PROGRESS && openOrdersOn(i) == 0) {
                incidents = incidents.plus(i.id(), i.moved(IncidentState.DISPOSED, at));
            }
        }
    }

    /** An order ends before its report: the unit is free again, and a case left with no unit waits again. */
    private void end(DispatchOrder o, OrderState to, String by, String reason) {
        orders = orders.plus(o.id(), o.moved(to, at, by, reason, null, null));
        FieldUnit u = units.get(o.unitId());
        if (o.incidentId().equals(u.incidentId())) {
            units = units.plus(u.id(), u.withStatus(UnitStatus.AVL, null));
        }
        Incident i = incidents.get(o.incidentId());
        if (i.state() == IncidentState.DISPATCHED && openOrdersOn(i) == 0) {
            incidents = incidents.plus(i.id(), i.returnedToDispatch(at));
        }
    }

    private void instructionIssued(InstructionIssued x) {
        requireId(x.instructionId(), "instructionId", instructions);
        if (x.incidentId() != null) {
            require(incidents, x.incidentId(), "incidentId", "incident");
        }
        if (x.issuer() == null) {
            throw new Rejection("issuer", "issuer is required: CENTER or DISTRICT");
        }
        requireText(x.text(), "text");
        instructions = instructions.plus(x.instructionId(),
                new Instruction(x.instructionId(), x.incidentId(), x.issuer(), x.text(), at));
        mark("instructions", x.instructionId(), x.incidentId() == null ? null : DrillThing.key("incidents", x.incidentId()));
    }

    /** The open order a unit is on, found through its case (a unit holds at most one). */
    private DispatchOrder openOrderOf(FieldUnit u) {
        Incident i = u.incidentId() == null ? null : incidents.get(u.incidentId());
        if (i == null) {
            return null;
        }
        for (String id : i.orderIds()) {
            DispatchOrder o = orders.get(id);
            if (o.open() && o.unitId().equals(u.id())) {
                return o;
            }
        }
        return null;
    }

    private int openOrdersOn(Incident i) {
        int n = 0;
        for (String id : i.orderIds()) {
            if (orders.get(id).open()) {
                n++;
            }
        }
        return n;
    }

    // --- 12345 -------------------------------------------------------------------------------

    private void complaintReceived(ComplaintReceived x) {
        requireId(x.orderNo(), "orderNo", complaints);
        requireText(x.category(), "category");
        if (x.type() == null || x.priority() == null || x.channel() == null) {
            throw new Rejection(x.type() == null ? "type" : x.priority() == null ? "priority" : "channel",
                    "type, priority and channel are required");
        }
        inside(x.at(), "at");
        String community = before.communityAt(x.at());
        complaints = complaints.plus(x.orderNo(), new Complaint(x.orderNo(), x.channel(), x.type(), x.category(),
                x.priority(), ComplaintState.ACCEPTED, x.at(), community, before.gridAt(x.at(), community),
                x.summary(), at, at.plus(x.priority().limit), null, null, null, List.of(), x.repeat(), null));
        mark("complaints", x.orderNo(), null);
    }

    private void complaintAdvanced(ComplaintAdvanced x) {
        Complaint c = require(complaints, x.orderNo(), "orderNo", "12345 order");
        if (x.state() == ComplaintState.REVISITED) {
            throw new Rejection("state", "a 回访 is recorded by ComplaintRevisited with its result");
        }
        check("state", x.state(), c.state(), c.state().next());
        Incident joined = c.incidentId() == null ? null : incidents.get(c.incidentId());
        if (x.state() == ComplaintState.REPLIED && joined != null && joined.open()) {
            throw new Rejection("state", "12345 order " + c.orderNo() + " joined case " + joined.id()
                    + ": it is 办结 when the case is closed");
        }
        complaints = complaints.plus(c.orderNo(), c.moved(x.state(), at));
    }

    private void complaintRevisited(ComplaintRevisited x) {
        Complaint c = require(complaints, x.orderNo(), "orderNo", "12345 order");
        check("orderNo", ComplaintState.REVISITED, c.state(), c.state().next());
        if (x.resolved() == null || x.satisfaction() == null) {
            throw new Rejection(x.resolved() == null ? "resolved" : "satisfaction", "回访 needs resolved and satisfaction");
        }
        complaints = complaints.plus(c.orderNo(),
                c.revisited(new Complaint.Revisit(x.responded(), x.resolved(), x.satisfaction(), at)));
    }

    private void complaintLinked(ComplaintLinked x) {
        Complaint c = require(complaints, x.orderNo(), "orderNo", "12345 order");
        Incident i = require(incidents, x.incidentId(), "incidentId", "incident");
        if (!c.open()) {
            throw new Rejection("orderNo", "12345 order " + c.orderNo() + " is " + c.state().zh + ": nothing to join");
        }
        if (!i.open()) {
            throw new Rejection("incidentId", "case " + i.id() + " is " + i.state().zh + ": no more orders join it");
        }
        if (c.incidentId() != null) {
            throw new Rejection("orderNo", "12345 order " + c.orderNo() + " has already joined case " + c.incidentId());
        }
        complaints = complaints.plus(c.orderNo(), c.linkedTo(i.id()));
    }

    // --- 延期 ------------------------------------------------------------------------------------------

    private void extensionApproved(ExtensionApproved x) {
        if ((x.incidentId() == null) == (x.orderNo() == null)) {
            throw new Rejection(x.incidentId() == null ? "incidentId" : "orderNo",
                    "an extension names exactly one of incidentId and orderNo");
        }
        if (x.deadline() == null) {
            throw new Rejection("deadline", "deadline is required");
        }
        if (x.incidentId() != null) {
            Incident i = require(incidents, x.incidentId(), "incidentId", "incident");
            if (i.state() != IncidentState.POSTPONE_REQUESTED) {
                throw new Rejection("incidentId", "case " + i.id() + " is " + i.state().zh
                        + ": only a case whose 延期 was asked for (申请延期) is extended");
            }
            later(x.deadline(), i.deadline());
            incidents = incidents.plus(i.id(), i.extendedTo(x.deadline(), at));
        } else {
            Complaint c = require(complaints, x.orderNo(), "orderNo", "12345 order");
            if (c.state() != ComplaintState.EXTENSION_REQUESTED) {
                throw new Rejection("orderNo", "12345 order " + c.orderNo() + " is " + c.state().zh
                        + ": only an order whose 延期 was asked for (申请延期) is extended");
            }
            later(x.deadline(), c.deadline());
            complaints = complaints.plus(c.orderNo(), c.extendedTo(x.deadline()));
        }
    }

    private static void later(Instant deadline, Instant current) {
        if (current != null && !deadline.isAfter(current)) {
            throw new Rejection("deadline", "an extension moves the deadline later than " + current);
        }
    }

    // --- safety and stability ------------------------------------------------------------------

    private void disputeRegistered(DisputeRegistered x) {
        requireId(x.disputeId(), "disputeId", disputes);
        requireText(x.type(), "type");
        if (x.level() == null || x.risk() == null) {
            throw new Rejection(x.level() == null ? "level" : "risk", "level and risk are required");
        }
        if (x.communityCode() != null) {
            require(communities, x.communityCode(), "communityCode", "community");
        }
        Dispute.Source source = x.source() == null ? Dispute.Source.VISIT : x.source();
        String from = disputeSource(source, x.sourceId());
        Instant deadline = x.deadline() != null ? x.deadline() : at.plus(DEFAULT_MEDIATION_LIMIT);
        disputes = disputes.plus(x.disputeId(), new Dispute(x.disputeId(), x.type(), x.level(), x.risk(),
                DisputeState.REGISTERED, x.communityCode(), x.committee(), at, deadline, at, null, source,
                x.sourceId()));
        mark("disputes", x.disputeId(), from);
    }

    /**
     * Checks what a dispute came from: a screened 12345 order, intel report or a petition (访调) must exist; the
     * court's and the police's numbers are theirs. Returns the thing's drill key (a dispute from a drill thing is one).
     */
    private String disputeSource(Dispute.Source source, String sourceId) {
        PMap<String, ?> things = switch (source) {
            case HOTLINE -> complaints;
            case INTEL -> intel;
            case PETITION -> petitions;
            default -> null;
        };
        if (things == null) {
            return null;
        }
        if (sourceId == null) {
            throw new Rejection("sourceId", "a dispute from " + source + " names what it came from");
        }
        require(things, sourceId, "sourceId", source.zh);
        String family = things == complaints ? "complaints" : things == intel ? "intel" : "petitions";
        return DrillThing.key(family, sourceId);
    }

    private void disputeAdvanced(DisputeAdvanced x) {
        Dispute d = require(disputes, x.disputeId(), "disputeId", "dispute");
        check("state", x.state(), d.state(), d.state().next());
        Dispute.Outcome outcome = x.outcome();
        if (x.state() == DisputeState.AGREED && (outcome == null || !outcome.agreement())) {
            throw new Rejection("outcome", "AGREED needs an agreement outcome (AGREEMENT_ORAL or AGREEMENT_WRITTEN)");
        }
        if (x.state() == DisputeState.TERMINATED) {
            outcome = Dispute.Outcome.TERMINATED;
        }
        if (x.state() == DisputeState.REFERRED && (outcome == null || outcome.agreement()
                || outcome == Dispute.Outcome.TERMINATED)) {
            throw new Rejection("outcome", "REFERRED needs where it went (TO_LITIGATION, TO_ARBITRATION, …)");
        }
        disputes = disputes.plus(d.id(), d.moved(x.state(), outcome, at));
    }

    private void petitionRegistered(PetitionRegistered x) {
        requireId(x.petitionId(), "petitionId", petitions);
        if (x.form() == null) {
            throw new Rejection("form", "form is required");
        }
        if (x.people() < 1) {
            throw new Rejection("people", "at least one person petitions");
        }
        if (x.communityCode() != null) {
            require(communities, x.communityCode(), "communityCode", "community");
        }
        petitions = petitions.plus(x.petitionId(), Petition.registered(x.petitionId(), x.form(), x.people(),
                x.subject(), x.communityCode(), at));
        mark("petitions", x.petitionId(), null);
    }

    /** An approved extension of the handling: once or more, 30 days in all, while the reply is awaited. */
    private void petitionExtended(PetitionExtended x) {
        Petition p = require(petitions, x.petitionId(), "petitionId", "petition");
        if (!p.awaitingReply()) {
            throw new Rejection("petitionId", "only a petition accepted and not yet answered can be extended, not "
                    + p.state());
        }
        if (x.days() < 1 || p.extendedDays() + x.days() > Petition.MAX_EXTENSION_DAYS) {
            throw new Rejection("days", "an extension is 1.." + (Petition.MAX_EXTENSION_DAYS - p.extendedDays())
                    + " days (" + Petition.MAX_EXTENSION_DAYS + " in all), got " + x.days());
        }
        requireText(x.reason(), "reason");
        petitions = petitions.plus(p.id(), p.extended(x.days(), at));
    }

    private void whistleBlown(WhistleBlown x) {
        requireId(x.whistleId(), "whistleId", whistles);
        if (x.kind() == null) {
            throw new Rejection("kind", "kind is required");
        }
        if (x.departments() == null || x.departments().isEmpty()) {
            throw new Rejection("departments", "a whistle summons at least one department");
        }
        if (x.incidentId() != null) {
            require(incidents, x.incidentId(), "incidentId", "incident");
        }
        whistles = whistles.plus(x.whistleId(), new Whistle(x.whistleId(), x.kind(), x.reason(), x.departments(),
                Map.of(), x.incidentId(), at, null));
        mark("whistles", x.whistleId(), x.incidentId() == null ? null : DrillThing.key("incidents", x.incidentId()));
    }

    private void whistleArrived(WhistleArrived x) {
        Whistle w = require(whistles, x.whistleId(), "whistleId", "whistle");
        requireText(x.department(), "department");
        if (!w.departments().contains(x.department())) {
            throw new Rejection("department", x.department() + " was not summoned by " + w.id());
        }
        if (w.arrivals().containsKey(x.department())) {
            throw new Rejection("department", x.department() + " has already reported");
        }
        Map<String, Instant> arrivals = new HashMap<>(w.arrivals());
        arrivals.put(x.department(), at);
        whistles = whistles.plus(w.id(), new Whistle(w.id(), w.kind(), w.reason(), w.departments(), arrivals,
                w.incidentId(), w.requestedAt(), w.resolvedAt()));
    }

    private void intelReported(IntelReported x) {
        requireId(x.reportId(), "reportId", intel);
        requireText(x.category(), "category");
        if (x.communityCode() != null) {
            require(communities, x.communityCode(), "communityCode", "community");
        }
        if (x.gridCode() != null) {
            Grid g = require(grids, x.gridCode(), "gridCode", "grid");
            if (g.kind() != Grid.Kind.GOVERNANCE || !Objects.equals(g.communityCode(), x.communityCode())) {
                throw new Rejection("gridCode", "an intel report's grid is a 综治网格 of its community");
            }
        }
        Incident.Severity severity = x.severity() == null ? Incident.Severity.LOW : x.severity();
        intel = intel.plus(x.reportId(), new IntelReport(x.reportId(), x.officerId(), x.category(), severity,
                x.communityCode(), x.gridCode(), x.summary(), at));
        mark("intel", x.reportId(), null);
    }

    // --- monitoring and warning ----------------------------------------------------------------

    private void warningIssued(WarningIssued x) {
        requireId(x.warningId(), "warningId", warnings);
        if (x.hazard() == null || x.level() == null) {
            throw new Rejection(x.hazard() == null ? "hazard" : "level", "hazard and level are required");
        }
        if (x.validTo() != null && !x.validTo().isAfter(at)) {
            throw new Rejection("validTo", "validTo must be after the time of issue");
        }
        warnings = warnings.plus(x.warningId(), new WeatherWarning(x.warningId(), x.hazard(), x.level(), x.issuer(),
                at, x.validTo(), false));
        mark("warnings", x.warningId(), null);
    }

    private void aiAlertRaised(AiAlertRaised x) {
        requireId(x.alertId(), "alertId", alerts);
        Camera c = require(cameras, x.cameraId(), "cameraId", "camera");
        if (!c.ai()) {
            throw new Rejection("cameraId", "camera " + c.id() + " has no AI analysis");
        }
        requireText(x.kind(), "kind");
        if (!(x.confidence() >= 0 && x.confidence() <= 1)) {
            throw new Rejection("confidence", "confidence must be within 0..1, got " + x.confidence());
        }
        alerts = alerts.plus(x.alertId(), new AiAlert(x.alertId(), x.cameraId(), x.kind(), x.vendorCode(),
                x.confidence(), x.boxes(), at, AiAlert.Review.PENDING, null, null, null));
        mark("alerts", x.alertId(), null);
    }

    private void aiAlertReviewed(AiAlertReviewed x) {
        AiAlert a = require(alerts, x.alertId(), "alertId", "AI alert");
        if (a.review() != AiAlert.Review.PENDING) {
            throw new Rejection("alertId", "alert " + a.id() + " was already reviewed: " + a.review());
        }
        if (x.decision() == null || x.decision() == AiAlert.Review.PENDING) {
            throw new Rejection("decision", "decision must be ACCEPTED, REJECTED or MERGED");
        }
        if (x.falseAlarm() != null && x.decision() != AiAlert.Review.REJECTED) {
            throw new Rejection("falseAlarm", "only a rejected alert has a false-alarm reason");
        }
        String incident = null;
        String merged = null;
        if (x.decision() == AiAlert.Review.ACCEPTED) {
            incident = require(incidents, x.incidentId(), "incidentId", "incident").id();
        } else if (x.decision() == AiAlert.Review.MERGED && x.mergedInto() == null && x.incidentId() != null) {
            Incident i = require(incidents, x.incidentId(), "incidentId", "incident");
            if (!i.open()) {
                throw new Rejection("incidentId", "case " + i.id() + " is " + i.state().zh + ": merge into an open case");
            }
            incident = i.id();
        } else if (x.decision() == AiAlert.Review.MERGED) {
            if (x.incidentId() != null) {
                throw new Rejection("incidentId", "an alert merges into an alert (mergedInto) or a case (incidentId),"
                        + " not both");
            }
            if (x.alertId().equals(x.mergedInto())) {
                throw new Rejection("mergedInto", "an alert cannot merge into itself");
            }
            merged = require(alerts, x.mergedInto(), "mergedInto", "AI alert").id();
        }
        alerts = alerts.plus(a.id(), a.reviewed(x.decision(), incident, merged, x.falseAlarm()));
    }

    private void outageReported(OutageReported x) {
        requireId(x.outageId(), "outageId", outages);
        Community c = require(communities, x.communityCode(), "communityCode", "community");
        if (x.buildings() < 1 || x.buildings() > MAX_OUTAGE_BUILDINGS) {
            throw new Rejection("buildings", "an outage affects 1.." + MAX_OUTAGE_BUILDINGS + " buildings");
        }
        List<Outage.Building> all = Buildings.of(c, MAX_OUTAGE_BUILDINGS, at);
        List<Outage.Building> affected;
        if (x.buildingIds() == null) {
            affected = all.subList(0, Math.min(x.buildings(), all.size()));
        } else {
            if (x.buildingIds().size() != x.buildings()) {
                throw new Rejection("buildingIds", "names " + x.buildingIds().size() + " buildings, not " + x.buildings());
            }
            Map<String, Outage.Building> byId = new HashMap<>();
            all.forEach(b -> byId.put(b.id(), b));
            affected = new ArrayList<>();
            for (String id : x.buildingIds()) {
                Outage.Building b = byId.remove(id);
                if (b == null) {
                    throw new Rejection("buildingIds", id + " is not a building of " + c.code() + " or is named twice");
                }
                affected.add(b);
            }
        }
        outages = outages.plus(x.outageId(), new Outage(x.outageId(), x.communityCode(), x.cause(), x.households(),
                affected, at, at, null));
        mark("outages", x.outageId(), null);
    }

    private void outageRestored(OutageRestored x) {
        Outage o = require(outages, x.outageId(), "outageId", "outage");
        boolean counts = x.powerRestored() != null || x.networkRestored() != null;
        if (counts == (x.buildingIds() != null)) {
            throw new Rejection("buildingIds", "name the buildings with their supply, or give the counts, not both");
        }
        List<Outage.Building> now = new ArrayList<>(o.affected());
        if (counts) {
            int power = x.powerRestored() == null ? o.powerRestored() : x.powerRestored();
            int network = x.networkRestored() == null ? o.networkRestored() : x.networkRestored();
            if (power < o.powerRestored() || power > o.buildings()) {
                throw new Rejection("powerRestored", "must be within " + o.powerRestored() + ".." + o.buildings());
            }
            if (network < o.networkRestored() || network > o.buildings()) {
                throw new Rejection("networkRestored", "must be within " + o.networkRestored() + ".." + o.buildings());
            }
            for (int i = 0; i < now.size(); i++) {
                Outage.Supply s = i < network ? Outage.Supply.POWER_AND_NETWORK
                        : i < power ? Outage.Supply.POWER : Outage.Supply.DARK;
                now.set(i, resupplied(now.get(i), s));
            }
        } else {
            if (x.supply() == null || x.supply() == Outage.Supply.DARK) {
                throw new Rejection("supply", "supply is POWER or POWER_AND_NETWORK");
            }
            for (String id : x.buildingIds()) {
                int i = indexOf(now, id);
                if (i < 0) {
                    throw new Rejection("buildingIds", id + " is not a building of outage " + o.id());
                }
                if (now.get(i).supply().compareTo(x.supply()) > 0) {
                    throw new Rejection("supply", id + " has " + now.get(i).supply() + " already");
                }
                now.set(i, resupplied(now.get(i), x.supply()));
            }
        }
        boolean all = now.stream().allMatch(b -> b.supply() == Outage.Supply.POWER_AND_NETWORK);
        outages = outages.plus(o.id(), new Outage(o.id(), o.communityCode(), o.cause(), o.households(), now,
                o.startedAt(), at, all ? (o.restoredAt() == null ? at : o.restoredAt()) : null));
    }

    /** A building's supply at least {@code s} (counts never take supply away), since now if it changed. */
    private Outage.Building resupplied(Outage.Building b, Outage.Supply s) {
        return s.compareTo(b.supply()) <= 0 ? b : new Outage.Building(b.id(), b.at(), s, at);
    }

    private static int indexOf(List<Outage.Building> buildings, String id) {
        for (int i = 0; i < buildings.size(); i++) {
            if (buildings.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    // --- checks --------------------------------------------------------------------------------

    private static <V> V require(PMap<String, V> map, String id, String field, String what) {
        if (id == null || id.isBlank()) {
            throw new Rejection(field, field + " is required");
        }
        V v = map.get(id);
        if (v == null) {
            throw new Rejection(field, "unknown " + what + " " + id);
        }
        return v;
    }

    private static void requireId(String id, String field, PMap<String, ?> existing) {
        requireText(id, field);
        if (existing.containsKey(id)) {
            throw new Rejection(field, id + " already exists");
        }
    }

    private static void requireText(String s, String field) {
        if (s == null || s.isBlank()) {
            throw new Rejection(field, field + " is required");
        }
    }

    private static <S extends Enum<S>> void check(String field, S to, S from, Set<S> allowed) {
        if (to == null) {
            throw new Rejection(field, field + " is required");
        }
        if (!allowed.contains(to)) {
            throw new Rejection(field, "illegal transition " + from + " → " + to + "; allowed from " + from + ": "
                    + (allowed.isEmpty() ? "none (terminal)" : allowed));
        }
    }

    private void inside(GeoPoint p, String field) {
        if (p == null) {
            throw new Rejection(field, field + " is required");
        }
        if (district != null && !district.bounds().contains(p)) {
            throw new Rejection(field, "(" + p.lon() + ", " + p.lat() + ") is outside " + district.name());
        }
    }
}

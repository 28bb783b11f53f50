package org.shanzhi.cockpit.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.pcollections.PMap;

import org.shanzhi.cockpit.domain.Event.*;

import static org.shanzhi.cockpit.domain.FoldChecks.check;
import static org.shanzhi.cockpit.domain.FoldChecks.require;
import static org.shanzhi.cockpit.domain.FoldChecks.requireId;
import static org.shanzhi.cockpit.domain.FoldChecks.requireText;

/**
 * One step of {@link Situation#apply}: copies the situation's references, replaces the one map
 * the event touches, validates, and builds the next situation. Field names in rejections are
 * the event's own component names. The rules of dispatch ({@link OrderRules}), safety and stability
 * ({@link SafetyRules}), outages ({@link OutageRules}) and drills ({@link DrillRules}) live beside it
 * and change its maps; the checks they share are {@link FoldChecks}.
 */
final class Fold {

    /** A case opened without a deadline: 4 工作时, or 4 hours for 紧急 / 突发 work (DOMAIN.md §1.2). */
    static final Duration DEFAULT_INCIDENT_LIMIT = Duration.ofHours(4);

    private final long seq;
    private final Instant time;
    /** The event's own time (may be older than the situation's time for late arrivals). */
    final Instant at;

    // what the event may change; package-visible for the rule classes beside the fold
    District district;
    PMap<String, Community> communities;
    PMap<String, Grid> grids;
    PMap<String, Camera> cameras;
    PMap<String, Sensor> sensors;
    PMap<String, FieldUnit> units;
    PMap<String, Incident> incidents;
    PMap<String, Complaint> complaints;
    PMap<String, Dispute> disputes;
    PMap<String, Petition> petitions;
    PMap<String, Whistle> whistles;
    PMap<String, WeatherWarning> warnings;
    PMap<String, AiAlert> alerts;
    PMap<String, Outage> outages;
    PMap<String, IntelReport> intel;
    PMap<String, KeyPeriod> keyPeriods;
    PMap<String, DispatchOrder> orders;
    PMap<String, Instruction> instructions;
    DrillStatus drill;
    PMap<String, DrillThing> drillThings;
    /** The drill that made this event ({@link Recorded#drill}), or null. */
    final String madeBy;
    final Situation before;

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
            OrderRules.incidentDispatched(this, x);
        } else if (e instanceof OrderAdvanced x) {
            OrderRules.orderAdvanced(this, x);
        } else if (e instanceof OrderIssued x) {
            OrderRules.orderIssued(this, x);
        } else if (e instanceof InstructionIssued x) {
            OrderRules.instructionIssued(this, x);
        } else if (e instanceof CameraStatusChanged x) {
            Camera c = require(cameras, x.cameraId(), "cameraId", "camera");
            cameras = cameras.plus(c.id(), c.withOnline(x.online()));
        } else if (e instanceof UnitSos x) {
            FieldUnit u = require(units, x.unitId(), "unitId", "unit");
            units = units.plus(u.id(), u.withSos(x.active()));
            DrillRules.markState(this, "unitSos", u.id(), x.active());
        } else if (e instanceof DisputeRegistered x) {
            SafetyRules.disputeRegistered(this, x);
        } else if (e instanceof DisputeAdvanced x) {
            SafetyRules.disputeAdvanced(this, x);
        } else if (e instanceof ExtensionApproved x) {
            extensionApproved(x);
        } else if (e instanceof PetitionRegistered x) {
            SafetyRules.petitionRegistered(this, x);
        } else if (e instanceof PetitionAdvanced x) {
            Petition p = require(petitions, x.petitionId(), "petitionId", "petition");
            check("state", x.state(), p.state(), p.state().next());
            petitions = petitions.plus(p.id(), p.moved(x.state(), at));
        } else if (e instanceof PetitionExtended x) {
            SafetyRules.petitionExtended(this, x);
        } else if (e instanceof WhistleBlown x) {
            SafetyRules.whistleBlown(this, x);
        } else if (e instanceof WhistleArrived x) {
            SafetyRules.whistleArrived(this, x);
        } else if (e instanceof WhistleResolved x) {
            Whistle w = require(whistles, x.whistleId(), "whistleId", "whistle");
            if (!w.open()) {
                throw new Rejection("whistleId", "whistle " + w.id() + " is already resolved");
            }
            whistles = whistles.plus(w.id(), new Whistle(w.id(), w.kind(), w.reason(), w.departments(), w.arrivals(),
                    w.incidentId(), w.requestedAt(), at));
        } else if (e instanceof IntelReported x) {
            SafetyRules.intelReported(this, x);
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
            OutageRules.outageReported(this, x);
        } else if (e instanceof OutageRestored x) {
            OutageRules.outageRestored(this, x);
        } else if (e instanceof KeyPeriodDeclared x) {
            requireId(x.periodId(), "periodId", keyPeriods);
            requireText(x.name(), "name");
            if (x.from() == null || x.to() == null || !x.from().isBefore(x.to())) {
                throw new Rejection("to", "a key period needs from < to");
            }
            keyPeriods = keyPeriods.plus(x.periodId(), new KeyPeriod(x.periodId(), x.name(), x.from(), x.to()));
            DrillRules.mark(this, "keyPeriods", x.periodId(), null);
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
            DrillRules.drillStarted(this, x);
        } else if (e instanceof DrillEnded x) {
            DrillRules.drillEnded(this, x);
        } else if (e instanceof EntryQuarantined) {
            // a set-aside entry holds its place in the sequence and nothing else
        } else {
            throw new Rejection("type", "no rule for " + e.getClass().getSimpleName());
        }
        return new Situation(seq, time, district, communities, grids, cameras, sensors, units, incidents, complaints,
                disputes, petitions, whistles, warnings, alerts, outages, intel, keyPeriods, orders, instructions, drill,
                drillThings);
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
        DrillRules.markState(this, "sensorAlarms", s.id(), alarm);
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
        DispatchOrder holding = OrderRules.openOrderOf(this, u);
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
        DrillRules.mark(this, "incidents", x.incidentId(), x.alertId() == null ? null : DrillThing.key("alerts", x.alertId()));
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
        DrillRules.mark(this, "complaints", x.orderNo(), null);
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
        DrillRules.mark(this, "warnings", x.warningId(), null);
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
        DrillRules.mark(this, "alerts", x.alertId(), null);
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

    // --- places --------------------------------------------------------------------------------

    private void inside(GeoPoint p, String field) {
        if (p == null) {
            throw new Rejection(field, field + " is required");
        }
        if (district != null && !district.bounds().contains(p)) {
            throw new Rejection(field, "(" + p.lon() + ", " + p.lat() + ") is outside " + district.name());
        }
    }
}

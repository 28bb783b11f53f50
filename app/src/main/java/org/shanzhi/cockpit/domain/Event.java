package org.shanzhi.cockpit.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything that can happen in the sub-district. The journal stores these; {@link Situation#apply}
 * folds them. The JSON type of an event is its simple class name.
 */
public sealed interface Event {

    // --- the inventory -------------------------------------------------------------------------

    record DistrictDefined(District district) implements Event { }

    record CommunityRegistered(Community community) implements Event { }

    record GridRegistered(Grid grid) implements Event { }

    record CameraRegistered(Camera camera) implements Event { }

    record SensorRegistered(Sensor sensor) implements Event { }

    record UnitRegistered(FieldUnit unit) implements Event { }

    // --- devices and field units ---------------------------------------------------------------

    record CameraStatusChanged(String cameraId, boolean online) implements Event { }

    record SensorReported(String sensorId, double value) implements Event { }

    record UnitMoved(String unitId, GeoPoint at, double heading) implements Event { }

    record UnitStatusChanged(String unitId, UnitStatus status) implements Event { }

    record UnitSos(String unitId, boolean active) implements Event { }

    // --- cases (数字城管 / 应急) -----------------------------------------------------------------

    record IncidentOpened(String incidentId, String title, String category, Incident.Source source,
                          Incident.Severity severity, IncidentState state, GeoPoint at, Instant deadline,
                          String alertId) implements Event { }

    record IncidentAdvanced(String incidentId, IncidentState state, String note) implements Event { }

    /** Sends a unit to a case waiting for dispatch; the unit must be free. */
    record IncidentDispatched(String incidentId, String unitId) implements Event { }

    // --- orders (同屏指挥) --------------------------------------------------------------------------

    /**
     * A seat sends a unit to an open case with a task. The unit must be free unless {@code override}
     * (a leader's decision, kept on the order); a case waiting for dispatch becomes dispatched.
     */
    record OrderIssued(String orderId, String incidentId, String unitId, String task, Incident.Severity priority,
                       DispatchOrder.Issuer issuer, boolean override) implements Event { }

    /**
     * An order moves on: {@code by} is who moved it (a seat, the unit, the hub), {@code reason} a
     * decline's or a cancel's, {@code note} and {@code photos} the unit's report.
     */
    record OrderAdvanced(String orderId, OrderState state, String by, String reason, String note,
                         List<String> photos) implements Event { }

    /** A 批示 from a seat, on one case ({@code incidentId}) or for the whole street (null). */
    record InstructionIssued(String instructionId, String incidentId, DispatchOrder.Issuer issuer, String text)
            implements Event { }

    // --- 12345 ------------------------------------------------------------------------------------

    record ComplaintReceived(String orderNo, Complaint.Channel channel, Complaint.Type type, String category,
                             Complaint.Priority priority, GeoPoint at, String summary, boolean repeat)
            implements Event { }

    record ComplaintAdvanced(String orderNo, ComplaintState state) implements Event { }

    record ComplaintRevisited(String orderNo, boolean responded, Complaint.Resolution resolved,
                              Complaint.Satisfaction satisfaction) implements Event { }

    /**
     * A 12345 order joins an open case (并案): the case is its 办理. When the case is closed (结案) the order,
     * if 办理中, is 办结 (REPLIED) with it, and its 回访 follows as for any order.
     */
    record ComplaintLinked(String orderNo, String incidentId) implements Event { }

    // --- safety and stability -------------------------------------------------------------------

    record DisputeRegistered(String disputeId, String type, Dispute.Level level, Dispute.Risk risk,
                             String communityCode, String committee, Instant deadline) implements Event { }

    record DisputeAdvanced(String disputeId, DisputeState state, Dispute.Outcome outcome) implements Event { }

    record PetitionRegistered(String petitionId, Petition.Form form, int people, String subject,
                              String communityCode) implements Event { }

    record PetitionAdvanced(String petitionId, PetitionState state) implements Event { }

    /** An approved extension of a petition's handling (≤ 30 days in all, 《信访工作条例》). */
    record PetitionExtended(String petitionId, int days, String reason) implements Event { }

    record WhistleBlown(String whistleId, Whistle.Kind kind, String reason, List<String> departments,
                        String incidentId) implements Event { }

    record WhistleArrived(String whistleId, String department) implements Event { }

    record WhistleResolved(String whistleId) implements Event { }

    record IntelReported(String reportId, String officerId, String category, Incident.Severity severity,
                         String communityCode, String summary) implements Event { }

    record KeyPeriodDeclared(String periodId, String name, Instant from, Instant to) implements Event { }

    // --- monitoring and warning -----------------------------------------------------------------

    record WarningIssued(String warningId, WeatherWarning.Hazard hazard, WeatherWarning.Level level, String issuer,
                         Instant validTo) implements Event { }

    record WarningLifted(String warningId) implements Event { }

    record AiAlertRaised(String alertId, String cameraId, String kind, String vendorCode, double confidence,
                         List<AiAlert.Box> boxes) implements Event { }

    /**
     * Human review of an AI alert: an accepted alert names the case it became; a merged one the alert
     * ({@code mergedInto}) or the open case ({@code incidentId}) it joins; a rejected one may say why.
     */
    record AiAlertReviewed(String alertId, AiAlert.Review decision, String incidentId, String mergedInto,
                           AiAlert.FalseAlarm falseAlarm) implements Event { }

    record OutageReported(String outageId, String communityCode, String cause, int buildings, int households)
            implements Event { }

    /** Cumulative counts of buildings with power and network back. */
    record OutageRestored(String outageId, int powerRestored, int networkRestored) implements Event { }

    // --- drills ------------------------------------------------------------------------------

    /**
     * A trainer's drill (演练) begins, from the script {@code file}; written by the hub's drill clock only, and
     * only when no drill runs. Its injects and what follows from them carry {@code drillId} ({@link Recorded#drill}).
     */
    record DrillStarted(String drillId, String name, String file) implements Event { }

    /** The running drill ends: {@code how} is {@code completed} (every inject fired) or {@code stopped}. */
    record DrillEnded(String drillId, String how) implements Event { }

    // --- the journal itself -------------------------------------------------------------------

    /**
     * Stands in the journal for an entry that could not be read back or folded, which the hub's
     * operator set aside (the original is kept in the journal's quarantine table). Changes nothing.
     */
    record EntryQuarantined(String originalType, String reason) implements Event { }

    /** The event types only the hub itself writes (its journal quarantine, its drill clock): no client sends them. */
    static Set<Class<?>> writtenByTheHubOnly() {
        return Set.of(EntryQuarantined.class, DrillStarted.class, DrillEnded.class);
    }

    /** Every concrete event type, for codecs and documentation. */
    static List<Class<?>> types() {
        return List.of(Event.class.getPermittedSubclasses());
    }
}

package org.shanzhi.cockpit.domain;

import org.shanzhi.cockpit.domain.Event.*;

/**
 * Marks a thing a drill made, or one that followed from it (a case from a drill alert, an order on a drill
 * case): {@code key} is its family and id, {@code "incidents/GD-…"}, as the hub names a command's target. Two
 * families mark a state of the district's own equipment while a drill holds it: {@code "unitSos/<unit>"} and
 * {@code "sensorAlarms/<sensor>"}.
 */
public record DrillThing(String key, String drillId) {

    public static String key(String family, String id) {
        return family + "/" + id;
    }

    /**
     * The key of the thing an event acts on or follows from (the case a dispatch or an order is for, the alert a
     * review or a case comes from …), or null for an event about no such thing.
     */
    public static String subjectOf(Event e) {
        if (e instanceof OrderAdvanced x) {
            return key("orders", x.orderId());
        } else if (e instanceof IncidentAdvanced x) {
            return key("incidents", x.incidentId());
        } else if (e instanceof IncidentDispatched x) {
            return key("incidents", x.incidentId());
        } else if (e instanceof OrderIssued x) {
            return key("incidents", x.incidentId());
        } else if (e instanceof IncidentOpened x) {
            return x.alertId() == null ? null : key("alerts", x.alertId());
        } else if (e instanceof AiAlertReviewed x) {
            return key("alerts", x.alertId());
        } else if (e instanceof InstructionIssued x) {
            return x.incidentId() == null ? null : key("incidents", x.incidentId());
        } else if (e instanceof WhistleBlown x) {
            return x.incidentId() == null ? null : key("incidents", x.incidentId());
        } else if (e instanceof WhistleArrived x) {
            return key("whistles", x.whistleId());
        } else if (e instanceof WhistleResolved x) {
            return key("whistles", x.whistleId());
        } else if (e instanceof ComplaintAdvanced x) {
            return key("complaints", x.orderNo());
        } else if (e instanceof ComplaintRevisited x) {
            return key("complaints", x.orderNo());
        } else if (e instanceof DisputeAdvanced x) {
            return key("disputes", x.disputeId());
        } else if (e instanceof PetitionAdvanced x) {
            return key("petitions", x.petitionId());
        } else if (e instanceof PetitionExtended x) {
            return key("petitions", x.petitionId());
        } else if (e instanceof ExtensionApproved x) {
            return x.incidentId() != null ? key("incidents", x.incidentId()) : key("complaints", x.orderNo());
        } else if (e instanceof WarningLifted x) {
            return key("warnings", x.warningId());
        } else if (e instanceof OutageRestored x) {
            return key("outages", x.outageId());
        } else if (e instanceof UnitSos x && !x.active()) {
            return key("unitSos", x.unitId()); // the unit answering a drill's SOS
        }
        return null;
    }
}

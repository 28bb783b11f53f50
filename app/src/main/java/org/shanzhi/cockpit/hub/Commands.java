package org.shanzhi.cockpit.hub;

import java.util.List;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Ids;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;

/**
 * What people do, as request bodies, and the events each becomes. Lifecycle rules are the fold's:
 * a command that breaks them is refused by {@link Hub#append} with the reason.
 */
final class Commands {

    private Commands() {
    }

    record OpenIncident(String title, String category, Incident.Severity severity, GeoPoint at,
                        Incident.Source source) {
    }

    record AdvanceIncident(IncidentState state, String note) {
    }

    record Dispatch(String unitId) {
    }

    record Close(String note) {
    }

    record ReviewAlert(AiAlert.Review decision, String mergedInto, String incidentId, AiAlert.FalseAlarm falseAlarm,
                       String title, Incident.Severity severity) {
    }

    record ChangeUnitStatus(UnitStatus status) {
    }

    record AdvanceComplaint(ComplaintState state) {
    }

    static List<Event> open(Situation s, OpenIncident c) {
        if (c.at() == null) {
            throw new BadRequest("at", "at {lon, lat} is required");
        }
        Incident.Source source = c.source() == null ? Incident.Source.LEADER : c.source();
        return List.of(new Event.IncidentOpened(Ids.incidentOpenedBy(s), c.title(), c.category(), source, c.severity(),
                IncidentState.REGISTERED, c.at(), null, null));
    }

    /** A case moves on through the 数字城管 flow; closing it is the leader's {@link #close}. */
    static List<Event> advance(String incidentId, AdvanceIncident c) {
        if (c.state() != null && c.state().terminal() && c.state() != IncidentState.INVALID) {
            throw new BadRequest(403, "state", "closing a case is the leader's: POST …/close");
        }
        return List.of(new Event.IncidentAdvanced(incidentId, c.state(), c.note()));
    }

    static List<Event> dispatch(String incidentId, Dispatch c) {
        return List.of(new Event.IncidentDispatched(incidentId, c.unitId()));
    }

    /** Closing is the last step of either ending: a checked case, or an approved abnormal close. */
    static List<Event> close(Situation s, String incidentId, Close c) {
        Incident i = s.incidents().get(incidentId);
        IncidentState to = i.state() == IncidentState.ABNORMAL_CLOSE_REQUESTED
                ? IncidentState.CLOSED_ABNORMAL : IncidentState.CLOSED;
        return List.of(new Event.IncidentAdvanced(incidentId, to, c == null ? null : c.note()));
    }

    static List<Event> unitStatus(String unitId, ChangeUnitStatus c) {
        return List.of(new Event.UnitStatusChanged(unitId, c.status()));
    }

    static List<Event> advance(String orderNo, AdvanceComplaint c) {
        return List.of(new Event.ComplaintAdvanced(orderNo, c.state()));
    }

    /** An accepted alert opens a proactive case (未诉先办) at its camera, then records the review. */
    static List<Event> review(Situation s, String alertId, ReviewAlert c) {
        if (c.decision() == null) {
            throw new BadRequest("decision", "decision is required: ACCEPTED, REJECTED or MERGED");
        }
        AiAlert a = s.alerts().get(alertId);
        if (c.decision() == AiAlert.Review.REJECTED && c.falseAlarm() == null) {
            throw new BadRequest("falseAlarm", "a false alarm needs its reason: " + List.of(AiAlert.FalseAlarm.values()));
        }
        if (c.decision() == AiAlert.Review.MERGED && (c.mergedInto() == null) == (c.incidentId() == null)) {
            throw new BadRequest("mergedInto", "a merge names either the alert (mergedInto) or the open case"
                    + " (incidentId) it joins");
        }
        if (c.decision() != AiAlert.Review.ACCEPTED) {
            return List.of(new Event.AiAlertReviewed(alertId, c.decision(), c.incidentId(), c.mergedInto(),
                    c.falseAlarm()));
        }
        Camera camera = s.cameras().get(a.cameraId());
        String title = c.title() != null ? c.title() : a.kind() + " · " + camera.name();
        return List.of(
                new Event.IncidentOpened(Ids.incidentOpenedBy(s), title, a.kind(), Incident.Source.AI, c.severity(),
                        IncidentState.REGISTERED, camera.at(), null, alertId),
                new Event.AiAlertReviewed(alertId, AiAlert.Review.ACCEPTED, Ids.incidentOpenedBy(s), null, null));
    }
}

package org.shanzhi.cockpit.replay;

import java.time.Instant;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.OrderState;

/**
 * A moment of a recording a trainer jumps to: {@code position} is the replay's position just after the event
 * (events applied), {@code subject} the id of what it is about.
 */
public record Marker(Kind kind, int position, Instant time, String subject) {

    /** What the timeline marks, each with its own colour on the strip. */
    public enum Kind { WARNING, ALARM, DISPATCH, ARRIVAL, CLOSURE, INJECT }

    /** The marker an event makes at {@code position}, or null for one the timeline does not mark. */
    static Marker of(Event e, int position, Instant time) {
        if (e instanceof Event.WarningIssued w) {
            return new Marker(Kind.WARNING, position, time, w.warningId());
        } else if (e instanceof Event.IncidentOpened o && (o.severity() == Incident.Severity.CRITICAL
                || o.severity() == Incident.Severity.HIGH)) {
            return new Marker(Kind.ALARM, position, time, o.incidentId());
        } else if (e instanceof Event.UnitSos s && s.active()) {
            return new Marker(Kind.ALARM, position, time, s.unitId());
        } else if (e instanceof Event.OutageReported o) {
            return new Marker(Kind.ALARM, position, time, o.outageId());
        } else if (e instanceof Event.OrderIssued o) {
            return new Marker(Kind.DISPATCH, position, time, o.incidentId());
        } else if (e instanceof Event.IncidentDispatched d) {
            return new Marker(Kind.DISPATCH, position, time, d.incidentId());
        } else if (e instanceof Event.WhistleBlown w) {
            return new Marker(Kind.DISPATCH, position, time, w.whistleId());
        } else if (e instanceof Event.OrderAdvanced a && a.state() == OrderState.ON_SITE) {
            return new Marker(Kind.ARRIVAL, position, time, a.orderId());
        } else if (e instanceof Event.WhistleArrived a) {
            return new Marker(Kind.ARRIVAL, position, time, a.department());
        } else if (e instanceof Event.IncidentAdvanced a && (a.state() == IncidentState.CLOSED
                || a.state() == IncidentState.CLOSED_ABNORMAL)) {
            return new Marker(Kind.CLOSURE, position, time, a.incidentId());
        }
        return null;
    }
}

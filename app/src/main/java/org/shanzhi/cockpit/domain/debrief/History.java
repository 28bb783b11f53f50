package org.shanzhi.cockpit.domain.debrief;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Outage;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;

/**
 * A range of events folded on the situation before it, noting when things first happened that the situation does
 * not keep: when a case was first registered, dispatched and in progress (a case can go back to dispatch), when an
 * alert was confirmed, a 12345 order handled, an outage's counts changed, and when each expected action was first
 * seen done (checked after each event that touches its subject, as a drill's trigger is).
 */
final class History {

    /** An outage's counts after one of its events. */
    record OutagePoint(Instant at, int power, int network) {
    }

    final Situation before;
    Situation after;
    final Map<String, EnumMap<Stage, Instant>> caseFirsts = new HashMap<>();
    final Map<String, Instant> alertConfirmed = new HashMap<>();
    /** The cases that came already registered (立案) or further: their 确认 was no one's in the range. */
    final Set<String> openedConfirmed = new HashSet<>();
    final Map<String, Instant> complaintHandled = new HashMap<>();
    final Map<String, List<OutagePoint>> outagePoints = new HashMap<>();
    final Map<Integer, Instant> expectationDone = new HashMap<>();

    private History(Situation before) {
        this.before = before;
        this.after = before;
    }

    static History walk(Situation before, List<Recorded> events, List<Plan.Expectation> expectations) {
        History h = new History(before);
        Map<String, List<Integer>> bySubject = new HashMap<>();
        for (int i = 0; i < expectations.size(); i++) {
            bySubject.computeIfAbsent(expectations.get(i).subject(), k -> new ArrayList<>()).add(i);
        }
        for (Recorded r : events) {
            h.after = h.after.apply(r);
            String subject = h.note(r.event(), r.time());
            for (int i : bySubject.getOrDefault(subject, List.of())) {
                if (!h.expectationDone.containsKey(i) && expectations.get(i).action().done(h.after, subject)) {
                    h.expectationDone.put(i, r.time());
                }
            }
        }
        return h;
    }

    /** Notes what the event changed and returns the id of the thing it touched (a case for an order), or null. */
    private String note(Event e, Instant t) {
        Situation s = after;
        if (e instanceof Event.AiAlertReviewed x) {
            if (x.decision() == AiAlert.Review.ACCEPTED || x.decision() == AiAlert.Review.MERGED) {
                alertConfirmed.putIfAbsent(x.alertId(), t);
            }
            return x.alertId();
        }
        if (e instanceof Event.ComplaintAdvanced x) {
            complaintHandled.putIfAbsent(x.orderNo(), t);
            return x.orderNo();
        }
        if (e instanceof Event.WhistleArrived x) {
            return x.whistleId();
        }
        if (e instanceof Event.OutageReported x) {
            return outage(s.outages().get(x.outageId()), t);
        }
        if (e instanceof Event.OutageRestored x) {
            return outage(s.outages().get(x.outageId()), t);
        }
        String incident = null;
        if (e instanceof Event.IncidentOpened x) {
            incident = x.incidentId();
            if (x.state() != null && x.state().ordinal() >= IncidentState.REGISTERED.ordinal()) {
                openedConfirmed.add(x.incidentId());
            }
        } else if (e instanceof Event.IncidentAdvanced x) {
            incident = x.incidentId();
        } else if (e instanceof Event.IncidentDispatched x) {
            incident = x.incidentId();
        } else if (e instanceof Event.OrderIssued x) {
            incident = x.incidentId();
        } else if (e instanceof Event.OrderAdvanced x) {
            DispatchOrder o = s.orders().get(x.orderId());
            incident = o == null ? null : o.incidentId();
        }
        Incident i = incident == null ? null : s.incidents().get(incident);
        if (i != null && i.state() != IncidentState.INVALID) {
            EnumMap<Stage, Instant> firsts = caseFirsts.computeIfAbsent(incident, k -> new EnumMap<>(Stage.class));
            int reached = i.state().ordinal();
            if (reached >= IncidentState.REGISTERED.ordinal()) {
                firsts.putIfAbsent(Stage.CONFIRMED, t);
            }
            if (reached >= IncidentState.DISPATCHED.ordinal()) {
                firsts.putIfAbsent(Stage.DISPATCHED, t);
            }
            if (reached >= IncidentState.IN_PROGRESS.ordinal()) {
                firsts.putIfAbsent(Stage.ON_SITE, t);
            }
        }
        return incident;
    }

    private String outage(Outage o, Instant t) {
        outagePoints.computeIfAbsent(o.id(), k -> new ArrayList<>())
                .add(new OutagePoint(t, o.powerRestored(), o.networkRestored()));
        return o.id();
    }
}

package org.shanzhi.cockpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Deadlines that move: a 重办 starts a 12345 order's limit again; an approved 延期 moves a case's or an order's later. */
class DeadlinesTest {

    private static final Instant T = Instant.parse("2026-05-11T01:00:00Z"); // Monday 09:00 Beijing

    private Situation s = Fixtures.district();

    private void at(Instant t, Event e) {
        s = s.apply(new Recorded(s.seq() + 1, t, e));
    }

    @Test
    void aReopenedOrderGetsANewLimitAndIsOverdueWhenItPasses() {
        at(T, new Event.ComplaintReceived("C-1", Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "物业管理",
                Complaint.Priority.NORMAL, Fixtures.EAST, null, false));
        Instant step = T;
        for (ComplaintState st : new ComplaintState[] {ComplaintState.DISPATCHED, ComplaintState.SIGNED,
                ComplaintState.CONTACTED, ComplaintState.IN_PROGRESS, ComplaintState.REPLIED}) {
            step = step.plus(Duration.ofHours(1));
            at(step, new Event.ComplaintAdvanced("C-1", st));
        }
        at(T.plus(Duration.ofDays(2)), new Event.ComplaintRevisited("C-1", true, Complaint.Resolution.NO,
                Complaint.Satisfaction.UNSATISFIED));
        Instant reopened = T.plus(Duration.ofDays(3));
        at(reopened, new Event.ComplaintAdvanced("C-1", ComplaintState.REOPENED));
        at(reopened.plus(Duration.ofMinutes(30)), new Event.ComplaintAdvanced("C-1", ComplaintState.IN_PROGRESS));

        Complaint c = s.complaints().get("C-1");
        assertThat(c.deadline()).isEqualTo(reopened.plus(Complaint.Priority.NORMAL.limit));
        assertThat(c.repliedAt()).as("the first 办结 no longer answers the reopened order").isNull();
        Instant newLimit = reopened.plus(Duration.ofDays(7));
        assertThat(c.overdue(newLimit)).isFalse();
        assertThat(c.overdue(newLimit.plusSeconds(1))).isTrue();
        assertThat(Kpi.overdue(s, newLimit.plusSeconds(1)).complaints()).isEqualTo(1);
        // the old limit (from acceptance) passed long before; the order was not overdue then, having been replied
        assertThat(c.overdue(T.plus(Duration.ofDays(7)).plusSeconds(1))).isFalse();

        at(newLimit.minus(Duration.ofHours(1)), new Event.ComplaintAdvanced("C-1", ComplaintState.REPLIED));
        assertThat(s.complaints().get("C-1").overdue(newLimit.plusSeconds(1))).isFalse();
    }

    /** A case to 处置中 with its deadline at T + 4 h, the unit at work. */
    private void caseAtWork() {
        at(T, new Event.IncidentOpened("I-1", "私搭乱建", "违法建设", Incident.Source.GRID_WORKER,
                Incident.Severity.MEDIUM, IncidentState.REGISTERED, Fixtures.WEST, T.plus(Duration.ofHours(4)), null));
        at(T, new Event.IncidentAdvanced("I-1", IncidentState.PENDING_DISPATCH, null));
        at(T, new Event.IncidentDispatched("I-1", "U-1"));
        at(T.plus(Duration.ofMinutes(30)), new Event.IncidentAdvanced("I-1", IncidentState.IN_PROGRESS, null));
    }

    @Test
    void anApprovedExtensionMovesACaseDeadlineForTheOverdueListsAndClosedOnTime() {
        caseAtWork();
        Instant old = T.plus(Duration.ofHours(4));
        Instant extended = T.plus(Duration.ofDays(2));
        at(T.plus(Duration.ofHours(1)), new Event.IncidentAdvanced("I-1", IncidentState.POSTPONE_REQUESTED, null));
        at(T.plus(Duration.ofHours(2)), new Event.ExtensionApproved("I-1", null, extended));

        Incident i = s.incidents().get("I-1");
        assertThat(i.state()).isEqualTo(IncidentState.IN_PROGRESS);
        assertThat(i.deadline()).isEqualTo(extended);
        Instant afterTheOld = old.plus(Duration.ofHours(1));
        assertThat(Kpi.overdue(s, afterTheOld).incidents()).isZero();
        assertThat(Deadlines.openCases(s, afterTheOld).get(0).sla()).isEqualTo(Kpi.Sla.OK);
        assertThat(Kpi.overdue(s, extended.plusSeconds(1)).incidents()).isEqualTo(1);

        // closed after the old deadline, before the new one: on time, and due when the new deadline falls
        at(T.plus(Duration.ofHours(20)), new Event.IncidentAdvanced("I-1", IncidentState.DISPOSED, null));
        at(T.plus(Duration.ofHours(20)), new Event.IncidentAdvanced("I-1", IncidentState.CHECKING, null));
        at(T.plus(Duration.ofHours(21)), new Event.IncidentAdvanced("I-1", IncidentState.CLOSED, null));
        assertThat(Kpi.closedOnTimeRate(s, T, extended.plusSeconds(1))).isEqualTo(new Ratio(1, 1));
        assertThat(Kpi.closedOnTimeRate(s, T, old.plusSeconds(1))).as("not due by the old deadline any more")
                .isEqualTo(new Ratio(0, 0));
    }

    @Test
    void aRefusedExtensionKeepsTheDeadlineAndOnlyARequestedOneIsApproved() {
        caseAtWork();
        assertThatThrownBy(() -> at(T.plus(Duration.ofHours(1)),
                new Event.ExtensionApproved("I-1", null, T.plus(Duration.ofDays(1)))))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("payload.incidentId"));
        at(T.plus(Duration.ofHours(1)), new Event.IncidentAdvanced("I-1", IncidentState.POSTPONE_REQUESTED, null));
        assertThatThrownBy(() -> at(T.plus(Duration.ofHours(1)),
                new Event.ExtensionApproved("I-1", null, T.plus(Duration.ofHours(3)))))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("payload.deadline"));
        assertThatThrownBy(() -> at(T.plus(Duration.ofHours(1)),
                new Event.ExtensionApproved("I-1", "C-9", T.plus(Duration.ofDays(1)))))
                .isInstanceOf(Rejection.class);
        at(T.plus(Duration.ofHours(2)), new Event.IncidentAdvanced("I-1", IncidentState.IN_PROGRESS, null));
        assertThat(s.incidents().get("I-1").deadline()).isEqualTo(T.plus(Duration.ofHours(4)));
    }

    @Test
    void anApprovedExtensionMovesA12345OrdersDeadline() {
        at(T, new Event.ComplaintReceived("C-2", Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "房屋修缮",
                Complaint.Priority.NORMAL, Fixtures.EAST, null, false));
        for (ComplaintState st : new ComplaintState[] {ComplaintState.DISPATCHED, ComplaintState.SIGNED,
                ComplaintState.CONTACTED, ComplaintState.IN_PROGRESS, ComplaintState.EXTENSION_REQUESTED}) {
            at(T.plus(Duration.ofHours(1)), new Event.ComplaintAdvanced("C-2", st));
        }
        Instant extended = T.plus(Duration.ofDays(14));
        at(T.plus(Duration.ofDays(1)), new Event.ExtensionApproved(null, "C-2", extended));
        Complaint c = s.complaints().get("C-2");
        assertThat(c.state()).isEqualTo(ComplaintState.IN_PROGRESS);
        assertThat(c.deadline()).isEqualTo(extended);
        assertThat(Kpi.overdue(s, T.plus(Duration.ofDays(8))).complaints()).isZero();
        assertThat(Kpi.overdue(s, extended.plusSeconds(1)).complaints()).isEqualTo(1);
    }
}

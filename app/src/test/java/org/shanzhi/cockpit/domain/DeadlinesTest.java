package org.shanzhi.cockpit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Deadlines that move: a 重办 starts a 12345 order's limit again. */
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
}

package org.shanzhi.cockpit.wall.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;

/** The cockpit panels skip situations that cannot change what they show. */
class SameFiguresTest {

    private static Situation at(Situation s, Instant t, Event e) {
        return s.apply(new Recorded(s.seq() + 1, t, e));
    }

    @Test
    void unitMovesAndReadingsWithinAMinuteChangeNoFigure() {
        Situation base = Fixtures.district();
        Instant t = base.time().plusSeconds(5);
        Situation moved = at(base, t, new Event.UnitMoved("U-1", Fixtures.EAST, 45));
        Situation read = at(moved, t, new Event.SensorReported("S-1", 3));
        assertThat(CockpitPanel.sameFigures(base, moved)).isTrue();
        assertThat(CockpitPanel.sameFigures(moved, read)).isTrue();
    }

    @Test
    void anAlarmAComplaintOrANewMinuteDo() {
        Situation base = Fixtures.district();
        Instant t = base.time().plusSeconds(5);
        assertThat(CockpitPanel.sameFigures(base, at(base, t, new Event.SensorReported("S-1", 99)))).isFalse();
        assertThat(CockpitPanel.sameFigures(base, at(base, t, new Event.ComplaintReceived("O-1",
                Complaint.Channel.PHONE, Complaint.Type.HELP, "供暖", Complaint.Priority.TIMELY, Fixtures.EAST,
                null, false)))).isFalse();
        assertThat(CockpitPanel.sameFigures(base, at(base, base.time().plusSeconds(61),
                new Event.UnitMoved("U-1", Fixtures.EAST, 45)))).isFalse();
    }
}

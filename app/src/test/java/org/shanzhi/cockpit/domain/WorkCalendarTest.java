package org.shanzhi.cockpit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkCalendarTest {

    private static Instant beijing(String local) {
        return LocalDateTime.parse(local).atZone(WorkCalendar.ZONE).toInstant();
    }

    @Test
    void holidaysAndMakeUpDaysOf2026() {
        assertThat(WorkCalendar.workingDay(LocalDate.of(2026, 4, 30))).isTrue();
        for (int day = 1; day <= 5; day++) {
            assertThat(WorkCalendar.workingDay(LocalDate.of(2026, 5, day))).as("五一 05-0" + day).isFalse();
        }
        assertThat(WorkCalendar.workingDay(LocalDate.of(2026, 5, 9))).as("a make-up Saturday").isTrue();
        assertThat(WorkCalendar.workingDay(LocalDate.of(2026, 5, 10))).isFalse();
        assertThat(WorkCalendar.workingDay(LocalDate.of(2026, 6, 19))).as("端午, a Friday").isFalse();
        assertThat(WorkCalendar.workingDay(LocalDate.of(2026, 10, 10))).as("国庆's make-up Saturday").isTrue();
        assertThat(WorkCalendar.workingDay(LocalDate.of(2027, 5, 3))).as("no schedule: a plain Monday").isTrue();
    }

    @Test
    void workingTimeSkipsNightsWeekendsAndHolidays() {
        // across 五一: Thursday 10:00 + 1 工作日 is not Friday (a holiday) but the Wednesday after, 10:00
        assertThat(TimeLimit.workingDays(1).from(beijing("2026-04-30T10:00"))).isEqualTo(beijing("2026-05-06T10:00"));
        // 7 工作日 from Wednesday 04-29: 04-30, 05-06, 07, 08, the make-up 09, 11, 12
        assertThat(TimeLimit.workingDays(7).from(beijing("2026-04-29T10:00"))).isEqualTo(beijing("2026-05-12T10:00"));
        // across a weekend: Friday 15:00 + 4 工作时 is Monday 11:00; from Saturday it starts on Monday
        assertThat(TimeLimit.workingHours(4).from(beijing("2026-05-15T15:00"))).isEqualTo(beijing("2026-05-18T11:00"));
        assertThat(TimeLimit.workingHours(4).from(beijing("2026-05-16T10:00"))).isEqualTo(beijing("2026-05-18T13:00"));
        // the make-up Saturday works: Friday 15:00 + 4 工作时 is Saturday 05-09 11:00
        assertThat(TimeLimit.workingHours(4).from(beijing("2026-05-08T15:00"))).isEqualTo(beijing("2026-05-09T11:00"));
        // at night it starts at the next opening; a limit that ends at closing ends there, not the next morning
        assertThat(TimeLimit.workingHours(2).from(beijing("2026-05-12T22:30"))).isEqualTo(beijing("2026-05-13T11:00"));
        assertThat(TimeLimit.workingHours(8).from(beijing("2026-05-12T09:00"))).isEqualTo(beijing("2026-05-12T17:00"));
        // natural time runs through everything
        assertThat(TimeLimit.hours(8).from(beijing("2026-04-30T20:00"))).isEqualTo(beijing("2026-05-01T04:00"));
    }

    @Test
    void aCaseWithoutADeadlineGetsFourWorkingHoursUnlessUrgent() {
        Instant friday = beijing("2026-05-29T16:00");
        Situation s = Fixtures.district();
        for (Event e : List.<Event>of(
                new Event.IncidentOpened("I-1", "暴露垃圾", "暴露垃圾", Incident.Source.GRID_WORKER,
                        Incident.Severity.LOW, IncidentState.REGISTERED, Fixtures.EAST, null, null),
                new Event.IncidentOpened("I-2", "烟火报警", "火情", Incident.Source.AI,
                        Incident.Severity.HIGH, IncidentState.REGISTERED, Fixtures.EAST, null, null))) {
            s = s.apply(new Recorded(s.seq() + 1, friday, e));
        }
        assertThat(s.incidents().get("I-1").deadline()).isEqualTo(beijing("2026-06-01T12:00"));
        assertThat(s.incidents().get("I-2").deadline()).isEqualTo(friday.plus(Duration.ofHours(4)));
    }
}

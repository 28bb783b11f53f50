package org.shanzhi.cockpit.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.UnitStatus;

/** Every standing has one look, its colour is its state's, and the words are the wall's in both languages. */
class StateStyleTest {

    @AfterEach
    void chinese() {
        I18n.setLocale(I18n.DEFAULT);
    }

    @Test
    void everySeveritySlaAndAvailabilityHasItsOwnColourAndWords() {
        Set<String> states = new HashSet<>();
        for (Incident.Severity s : Incident.Severity.values()) {
            StateStyle.Look look = StateStyle.severity(s);
            assertThat(look.colour()).as(s.name()).isEqualTo(Theme.color(look.state()));
            assertThat(look.label()).as(s.name()).doesNotStartWith("!");
            states.add(look.state());
        }
        assertThat(states).as("four severities, four colours").hasSize(4);
        assertThat(StateStyle.severity(Incident.Severity.CRITICAL).label()).isEqualTo("特急");
        assertThat(StateStyle.sla(Kpi.Sla.OVERDUE).state()).isEqualTo(Theme.CRITICAL);
        assertThat(StateStyle.sla(Kpi.Sla.WARNING).state()).isEqualTo(Theme.WARNING);
        assertThat(StateStyle.sla(Kpi.Sla.OK).state()).isEqualTo(Theme.OK);
        for (Kpi.Sla s : Kpi.Sla.values()) {
            assertThat(StateStyle.sla(s).label()).as(s.name()).doesNotStartWith("!");
        }
        assertThat(StateStyle.availability(UnitStatus.Availability.FREE).state()).isEqualTo(Theme.OK);
        assertThat(StateStyle.availability(UnitStatus.Availability.BUSY).state()).isEqualTo(Theme.INFO);
        assertThat(StateStyle.availability(UnitStatus.Availability.AWAY).state()).isEqualTo(Theme.STALE);

        I18n.setLocale(Locale.ENGLISH);
        assertThat(StateStyle.availability(UnitStatus.Availability.FREE).label()).isEqualTo("Free");
    }

    @Test
    void aUnitIsColouredByItsAvailabilityAndNamedByItsStatus() {
        for (UnitStatus s : UnitStatus.values()) {
            StateStyle.Look look = StateStyle.unit(s);
            assertThat(look.state()).as(s.name()).isEqualTo(StateStyle.availability(s.availability()).state());
            assertThat(look.label()).as(s.name()).isEqualTo(s.zh);
        }
        assertThat(StateStyle.unit(null).state()).isEqualTo(Theme.STALE);
    }
}

package org.shanzhi.cockpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shanzhi.cockpit.domain.Fixtures.EAST;
import static org.shanzhi.cockpit.domain.Fixtures.T0;
import static org.shanzhi.cockpit.domain.Fixtures.WEST;
import static org.shanzhi.cockpit.domain.Fixtures.district;
import static org.shanzhi.cockpit.domain.Fixtures.with;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A drill's start and end, and how its mark passes from what it made to what follows from it. */
class DrillMarkingTest {

    static final String DRILL = "YL-20260530T080000";

    /** Folds one event as made by {@code drill} (null: live). */
    static Situation by(Situation s, String drill, Event e) {
        return s.apply(new Recorded(s.seq() + 1, T0.plusSeconds(60 * (s.seq() + 1)), e, drill));
    }

    static Situation drillRunning() {
        return by(district(), DRILL, new Event.DrillStarted(DRILL, "内涝演练", "waterlogging.yaml"));
    }

    @Test
    void aDrillStartsOnlyWhenNoneRunsAndEndsOnlyTheRunningOne() {
        Situation s = drillRunning();
        assertThat(s.drill()).isEqualTo(new DrillStatus(DRILL, "内涝演练", s.time()));
        Situation running = s;
        assertThatThrownBy(() -> by(running, "YL-2", new Event.DrillStarted("YL-2", "又一个", null)))
                .isInstanceOf(Rejection.class).extracting("field").isEqualTo("payload.drillId");
        assertThatThrownBy(() -> by(running, DRILL, new Event.DrillEnded("YL-2", "stopped")))
                .isInstanceOf(Rejection.class).extracting("field").isEqualTo("payload.drillId");
        assertThatThrownBy(() -> by(running, DRILL, new Event.DrillEnded(DRILL, "abandoned")))
                .isInstanceOf(Rejection.class).extracting("field").isEqualTo("payload.how");

        s = by(s, DRILL, new Event.DrillEnded(DRILL, "completed"));
        assertThat(s.drill()).isNull();
        Situation ended = s;
        assertThatThrownBy(() -> by(ended, DRILL, new Event.DrillEnded(DRILL, "stopped")))
                .isInstanceOf(Rejection.class).extracting("field").isEqualTo("payload.drillId");
        assertThat(by(s, "YL-2", new Event.DrillStarted("YL-2", "又一个", null)).drill().drillId()).isEqualTo("YL-2");
    }

    @Test
    void whatADrillMakesAndWhatFollowsFromItCarriesTheDrillsId() {
        Situation s = drillRunning();
        s = by(s, DRILL, new Event.AiAlertRaised(DRILL + ":a1", "CAM-1", "积水", null, 0.9, List.of()));
        s = by(s, DRILL, new Event.ComplaintReceived(DRILL + ":c1", Complaint.Channel.PHONE, Complaint.Type.COMPLAINT,
                "积水", Complaint.Priority.URGENT, EAST, "地道积水", false));
        // the trainees' triage and dispatch: the hub marks them, but the fold needs no mark to know
        s = by(s, null, new Event.IncidentOpened("GD-1", "地道积水", "积水", Incident.Source.AI, null, null, WEST, null,
                DRILL + ":a1"));
        s = by(s, null, new Event.AiAlertReviewed(DRILL + ":a1", AiAlert.Review.ACCEPTED, "GD-1", null, null));
        s = by(s, null, new Event.OrderIssued("ZL-1", "GD-1", "U-1", "排水", null, DispatchOrder.Issuer.CENTER, false));
        s = by(s, null, new Event.InstructionIssued("PS-1", "GD-1", DispatchOrder.Issuer.DISTRICT, "尽快排水"));
        s = by(s, null, new Event.WhistleBlown("CS-1", Whistle.Kind.EMERGENCY, "积水", List.of("排水集团"), "GD-1"));

        assertThat(s.drillOf("alerts", DRILL + ":a1")).isEqualTo(DRILL);
        assertThat(s.drillOf("complaints", DRILL + ":c1")).isEqualTo(DRILL);
        assertThat(s.drillOf("incidents", "GD-1")).isEqualTo(DRILL);
        assertThat(s.drillOf("orders", "ZL-1")).isEqualTo(DRILL);
        assertThat(s.drillOf("instructions", "PS-1")).isEqualTo(DRILL);
        assertThat(s.drillOf("whistles", "CS-1")).isEqualTo(DRILL);
        assertThat(s.drillOf("incidents/GD-1")).as("a command's target").isEqualTo(DRILL);
        // the snapshot still holds them: the trainees work them with the real tools
        assertThat(s.incidents()).containsKey("GD-1");
        assertThat(s.orders().get("ZL-1").state()).isEqualTo(OrderState.SENT);
    }

    @Test
    void stoppingADrillLeavesItsThingsMarkedAndLiveThingsStayLive() {
        Situation s = drillRunning();
        s = by(s, DRILL, new Event.WarningIssued(DRILL + ":w1", WeatherWarning.Hazard.RAINSTORM, WeatherWarning.Level.BLUE,
                "气象台", null));
        s = by(s, null, new Event.IncidentOpened("GD-2", "井盖缺失", "井盖", Incident.Source.INSPECTOR, null, null, WEST,
                null, null));
        s = by(s, DRILL, new Event.DrillEnded(DRILL, "stopped"));
        s = with(s, new Event.OrderIssued("ZL-2", "GD-2", "U-1", "补装", null, DispatchOrder.Issuer.CENTER, false));

        assertThat(s.drill()).isNull();
        assertThat(s.drillOf("warnings", DRILL + ":w1")).isEqualTo(DRILL);
        assertThat(s.drillOf("incidents", "GD-2")).isNull();
        assertThat(s.drillOf("orders", "ZL-2")).isNull();
        assertThat(s.drillThings()).hasSize(1);
    }

    @Test
    void aUnitsSosAndASensorsAlarmADrillRaisesAreTheDrillsWhileTheyLast() {
        Situation s = drillRunning();
        s = by(s, DRILL, new Event.UnitSos("U-1", true));
        s = by(s, DRILL, new Event.SensorReported("S-1", 35));
        assertThat(s.drillOf("unitSos", "U-1")).isEqualTo(DRILL);
        assertThat(s.drillOf("sensorAlarms", "S-1")).isEqualTo(DRILL);
        // the unit and the sensor themselves stay the district's own
        assertThat(s.live().units()).isSameAs(s.units());
        assertThat(s.live().sensors()).isSameAs(s.sensors());

        // the unit's answer ends the SOS; a live reading in alarm makes the alarm a real one
        s = by(s, null, new Event.UnitSos("U-1", false));
        s = by(s, null, new Event.SensorReported("S-1", 40));
        assertThat(s.drillOf("unitSos", "U-1")).isNull();
        assertThat(s.drillOf("sensorAlarms", "S-1")).isNull();
        assertThat(s.drillThings()).isEmpty();

        // a live SOS is live
        s = by(s, null, new Event.UnitSos("U-2", true));
        assertThat(s.drillOf("unitSos", "U-2")).isNull();
        assertThat(DrillThing.subjectOf(new Event.UnitSos("U-1", false))).isEqualTo("unitSos/U-1");
        assertThat(DrillThing.subjectOf(new Event.UnitSos("U-1", true))).isNull();
    }

    @Test
    void aLiveSituationHasNoDrillThingsAndSharesTheEmptyMap() {
        Situation s = with(district(), new Event.IncidentOpened("GD-3", "t", "c", Incident.Source.INSPECTOR, null, null,
                WEST, null, null));
        assertThat(s.drillThings()).isEmpty();
        assertThat(s.drillOf("incidents", "GD-3")).isNull();
    }
}

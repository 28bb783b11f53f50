package org.shanzhi.cockpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shanzhi.cockpit.domain.DrillMarkingTest.DRILL;
import static org.shanzhi.cockpit.domain.DrillMarkingTest.by;
import static org.shanzhi.cockpit.domain.Fixtures.EAST;
import static org.shanzhi.cockpit.domain.Fixtures.T0;
import static org.shanzhi.cockpit.domain.Fixtures.WEST;
import static org.shanzhi.cockpit.domain.Fixtures.district;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The live figures leave out what a drill made and what followed from it; the situation still holds it. Each
 * figure is checked against its hand count over the live things alone, while a drill doubles every family.
 */
class DrillKpiTest {

    static final Instant FROM = T0;
    static final Instant TO = Instant.parse("2026-05-31T00:00:00Z");

    /** A 12345 order taken round to its 回访, made by {@code drill} (null: live). */
    static Situation revisited(Situation s, String drill, String no, boolean responded, Complaint.Resolution resolved,
                               Complaint.Satisfaction satisfaction) {
        s = by(s, drill, new Event.ComplaintReceived(no, Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "积水",
                Complaint.Priority.URGENT, EAST, null, false));
        for (ComplaintState st : List.of(ComplaintState.DISPATCHED, ComplaintState.SIGNED, ComplaintState.CONTACTED,
                ComplaintState.IN_PROGRESS, ComplaintState.REPLIED)) {
            s = by(s, null, new Event.ComplaintAdvanced(no, st));
        }
        return by(s, null, new Event.ComplaintRevisited(no, responded, resolved, satisfaction));
    }

    static Situation liveAndDrill() {
        Situation s = DrillMarkingTest.drillRunning();
        // live: one order answered well, one case, one alert rejected as false, one open outage of 10 buildings, 4 back
        s = revisited(s, null, "L-1", true, Complaint.Resolution.YES, Complaint.Satisfaction.SATISFIED);
        s = by(s, null, new Event.IncidentOpened("GD-L", "井盖缺失", "井盖", Incident.Source.INSPECTOR, null, null, WEST,
                null, null));
        s = by(s, null, new Event.AiAlertRaised("A-L", "CAM-1", "占道经营", null, 0.8, List.of()));
        s = by(s, null, new Event.AiAlertReviewed("A-L", AiAlert.Review.REJECTED, null, null, AiAlert.FalseAlarm.OTHER));
        s = by(s, null, new Event.OutageReported("OUT-L", "110106016002", "检修", 10, 300));
        s = by(s, null, new Event.OutageRestored("OUT-L", 4, 4));
        // the drill: two orders answered badly, a case from a drill alert (opened by a trainee), a pending drill
        // alert, a drill outage of 20 buildings none back, a drill dispute agreed, intel
        s = revisited(s, DRILL, DRILL + ":c1", false, Complaint.Resolution.NO, Complaint.Satisfaction.UNSATISFIED);
        s = revisited(s, DRILL, DRILL + ":c2", false, Complaint.Resolution.NO, Complaint.Satisfaction.UNSATISFIED);
        s = by(s, DRILL, new Event.AiAlertRaised(DRILL + ":a1", "CAM-1", "积水", null, 0.9, List.of()));
        s = by(s, null, new Event.IncidentOpened("GD-D", "地道积水", "积水", Incident.Source.AI, null, null, WEST,
                T0.plusSeconds(1), DRILL + ":a1"));
        s = by(s, null, new Event.AiAlertReviewed(DRILL + ":a1", AiAlert.Review.ACCEPTED, "GD-D", null, null));
        s = by(s, DRILL, new Event.AiAlertRaised(DRILL + ":a2", "CAM-1", "占道经营", null, 0.9, List.of()));
        s = by(s, DRILL, new Event.OutageReported(DRILL + ":o1", "110106016002", "线路中断", 20, 600));
        s = by(s, DRILL, new Event.IntelReported(DRILL + ":i1", null, "聚集", null, null, null, null));
        s = by(s, DRILL, new Event.PetitionRegistered(DRILL + ":p1", Petition.Form.VISIT, 30, "聚集", null));
        s = by(s, DRILL, new Event.WarningIssued(DRILL + ":w1", WeatherWarning.Hazard.RAINSTORM,
                WeatherWarning.Level.ORANGE, "气象台", null));
        return s;
    }

    @Test
    void everyLiveFigureLeavesTheDrillOut() {
        Situation s = liveAndDrill();
        Instant now = s.time();

        Kpi.ThreeRates rates = Kpi.threeRates(s, FROM, TO, Kpi.Weights.DEFAULT);
        assertThat(rates.evaluated()).isEqualTo(1);
        assertThat(rates.response()).isEqualTo(1.0);
        assertThat(rates.resolution()).isEqualTo(1.0);
        assertThat(rates.satisfaction()).isEqualTo(1.0);
        assertThat(rates.score()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));

        assertThat(Kpi.complaintsReceived(s, FROM, TO)).isEqualTo(1);
        assertThat(Kpi.incidentsOpened(s, FROM, TO)).isEqualTo(1);
        assertThat(TimeWindows.hourly(s, now, TimeWindows.Series.INCIDENTS_OPENED).total()).isEqualTo(1);
        assertThat(TimeWindows.hourly(s, now, TimeWindows.Series.COMPLAINTS_RECEIVED).total()).isEqualTo(1);
        assertThat(TimeWindows.hourly(s, now, TimeWindows.Series.AI_ALERTS_RAISED).total()).isEqualTo(1);
        assertThat(Kpi.aiAlertsRaised(s, FROM, TO)).isEqualTo(1);
        assertThat(Kpi.aiAlertsPending(s)).isZero();
        // 占道经营: the live alert rejected (1 of 1); the drill's pending one and its accepted 积水 do not count
        assertThat(Rankings.falseAlarmsByKind(s, FROM, TO))
                .containsExactly(new Rankings.FalseAlarms("占道经营", new Ratio(1, 1)));
        assertThat(Rankings.falseAlarmsByCamera(s, FROM, TO))
                .containsExactly(new Rankings.FalseAlarms("CAM-1", new Ratio(1, 1)));
        // the drill case was due a second after T0: the live one is not due yet
        assertThat(Kpi.overdue(s, now).incidents()).isZero();
        assertThat(Kpi.closedOnTimeRate(s, FROM, now).whole()).isZero();
        assertThat(Rankings.openIncidentsByCommunity(s)).containsExactly(new Rankings.Ranked("西社区", 1));
        assertThat(Kpi.openOutages(s)).isEqualTo(1);
        assertThat(Kpi.outageRestoration(s)).isEqualTo(new Ratio(4, 10));
        assertThat(Kpi.intelReports(s, FROM, TO)).isZero();
        assertThat(Kpi.proactiveShare(s, FROM, TO)).isEqualTo(new Ratio(0, 1));
        assertThat(Rankings.complaintCategories(s, FROM, TO)).containsExactly(new Rankings.Ranked("积水", 1));
        // 零发生: the drill's 集体访 of 30 people does not break the run of days
        assertThat(Kpi.daysWithoutGroupIncident(s, now.plus(java.time.Duration.ofDays(3)), T0)).isEqualTo(3);
    }

    @Test
    void aKeyPeriodADrillDeclaresIsNoKeyPeriodOfTheFigures() {
        Situation s = DrillMarkingTest.drillRunning();
        s = by(s, DRILL, new Event.KeyPeriodDeclared(DRILL + ":k1", "演练重点时期", s.time(), s.time().plusSeconds(86_400)));
        assertThat(s.keyPeriods()).containsKey(DRILL + ":k1");
        assertThat(Kpi.keyPeriod(s, s.time())).isEmpty();
        s = by(s, null, new Event.KeyPeriodDeclared("K-1", "两会", s.time(), s.time().plusSeconds(86_400)));
        assertThat(Kpi.keyPeriod(s, s.time())).map(KeyPeriod::id).contains("K-1");
    }

    @Test
    void theSituationStillShowsTheDrillsThingsForTheTraineesToWork() {
        Situation s = liveAndDrill();
        assertThat(s.incidents()).containsKeys("GD-L", "GD-D");
        assertThat(s.complaints()).hasSize(3);
        assertThat(s.outages()).hasSize(2);
        assertThat(s.live().incidents()).containsOnlyKeys("GD-L");
        assertThat(s.live().drillThings()).isEmpty();
        assertThat(s.live().units()).isSameAs(s.units());
        // what is in force stays in the lists the trainees act on
        assertThat(Kpi.activeWarnings(s, s.time())).extracting(WeatherWarning::id).containsExactly(DRILL + ":w1");
    }

    @Test
    void aSituationWithoutDrillsIsItsOwnLiveSituation() {
        Situation s = district();
        assertThat(s.live()).isSameAs(s);
    }
}

package org.shanzhi.cockpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shanzhi.cockpit.domain.Fixtures.EAST;
import static org.shanzhi.cockpit.domain.Fixtures.WEST;
import static org.shanzhi.cockpit.domain.Fixtures.district;
import static org.shanzhi.cockpit.domain.Fixtures.with;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class AlertTriageTest {

    private static final Instant NINE = Instant.parse("2026-05-30T01:00:00Z");

    private static Situation at(Situation s, Instant t, Event e) {
        return s.apply(new Recorded(s.seq() + 1, t, e));
    }

    private static Event alert(String id, String kind) {
        return new Event.AiAlertRaised(id, "CAM-1", kind, "890", 0.8, List.of());
    }

    @Test
    void alertsOfOneAlgorithmOnOneCameraFollowingEachOtherAreOneEntry() {
        Situation s = district();
        s = at(s, NINE, alert("A1", "占道经营"));
        s = at(s, NINE.plusSeconds(300), alert("A2", "占道经营"));
        s = at(s, NINE.plusSeconds(600), alert("A3", "占道经营"));
        s = at(s, NINE.plusSeconds(610), alert("B1", "暴露垃圾"));
        // more than ten minutes after the last one: a new entry
        s = at(s, NINE.plusSeconds(600 + 601), alert("A4", "占道经营"));

        List<AlertTriage.Entry> q = AlertTriage.queue(s);
        assertThat(q).extracting(e -> e.alerts().stream().map(AiAlert::id).toList())
                .containsExactly(List.of("A4"), List.of("B1"), List.of("A1", "A2", "A3"));
        assertThat(q.get(2).first().id()).isEqualTo("A1");
        assertThat(q.get(2).camera().id()).isEqualTo("CAM-1");

        s = with(s, new Event.AiAlertReviewed("B1", AiAlert.Review.REJECTED, null, null, AiAlert.FalseAlarm.MISDETECTION));
        assertThat(AlertTriage.queue(s)).hasSize(2);
    }

    @Test
    void nearbyOpenCasesOfTheSameHalfHourAreOfferedForMerging() {
        Situation s = district();
        // CAM-1 stands at WEST
        s = at(s, NINE, new Event.IncidentOpened("INC-1", "占道", "占道经营", Incident.Source.GRID_WORKER, null,
                IncidentState.REGISTERED, new GeoPoint(WEST.lon() + 0.001, WEST.lat()), null, null));
        s = at(s, NINE, new Event.IncidentOpened("INC-FAR", "占道", "占道经营", Incident.Source.GRID_WORKER, null,
                IncidentState.REGISTERED, EAST, null, null));
        s = at(s, NINE.minusSeconds(0), new Event.IncidentOpened("INC-NEAR", "垃圾", "暴露垃圾", Incident.Source.GRID_WORKER,
                null, IncidentState.REGISTERED, WEST, null, null));
        s = at(s, NINE.plusSeconds(20 * 60), alert("A1", "占道经营"));
        AlertTriage.Entry e = AlertTriage.queue(s).get(0);
        assertThat(e.mergeInto()).extracting(Incident::id).containsExactly("INC-NEAR", "INC-1");

        Situation later = at(s, NINE.plusSeconds(31 * 60), alert("Z1", "暴露垃圾"));
        assertThat(AlertTriage.queue(later).get(0).mergeInto()).as("opened 31 min before").isEmpty();

        s = with(s, new Event.AiAlertReviewed("A1", AiAlert.Review.MERGED, "INC-1", null, null));
        assertThat(s.alerts().get("A1").incidentId()).isEqualTo("INC-1");
        Situation merged = s;
        assertThatThrownBy(() -> with(merged, new Event.AiAlertRaised("A2", "CAM-1", "x", "1", 0.5, List.of()),
                new Event.AiAlertReviewed("A2", AiAlert.Review.MERGED, "INC-1", "A1", null)))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> with(merged, new Event.AiAlertRaised("A3", "CAM-1", "x", "1", 0.5, List.of()),
                new Event.AiAlertReviewed("A3", AiAlert.Review.ACCEPTED, null, null, AiAlert.FalseAlarm.OTHER)))
                .isInstanceOf(Rejection.class).extracting("field").isEqualTo("payload.falseAlarm");
    }

    @Test
    void falseAlarmRatesByAlgorithmAndCameraCountReviewedAlertsOnly() {
        Situation s = with(district(),
                alert("A1", "占道经营"), alert("A2", "占道经营"), alert("A3", "占道经营"), alert("B1", "暴露垃圾"),
                alert("B2", "暴露垃圾"),
                new Event.AiAlertReviewed("A1", AiAlert.Review.REJECTED, null, null, AiAlert.FalseAlarm.NORMAL_ACTIVITY),
                new Event.AiAlertReviewed("A2", AiAlert.Review.MERGED, null, "A1", null),
                new Event.AiAlertReviewed("B1", AiAlert.Review.REJECTED, null, null, AiAlert.FalseAlarm.POOR_VIEW));
        Instant from = Instant.EPOCH;
        Instant to = s.time().plusSeconds(1);
        assertThat(Rankings.falseAlarmsByKind(s, from, to)).containsExactly(
                new Rankings.FalseAlarms("暴露垃圾", new Ratio(1, 1)),
                new Rankings.FalseAlarms("占道经营", new Ratio(1, 2)));
        assertThat(Rankings.falseAlarmsByCamera(s, from, to)).containsExactly(
                new Rankings.FalseAlarms("CAM-1", new Ratio(2, 3)));
        assertThat(Rankings.falseAlarmsByKind(s, to, to.plusSeconds(60))).isEmpty();
    }
}

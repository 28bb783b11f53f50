package org.shanzhi.cockpit.wall.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Situation;

/** What the triage shows of the queue and which reviews each answer sends, without JavaFX. */
class TriageQueueTest {

    static final AiAlert.Box STALL = new AiAlert.Box(0.1, 0.2, 0.3, 0.4, "摊位");

    /** Three stall alerts on CAM-1 a minute apart (one entry), a case 50 m away, then a litter alert on CAM-9 in the east. */
    static Situation queue() {
        GeoPoint near = new GeoPoint(Fixtures.WEST.lon() + 0.0006, Fixtures.WEST.lat());
        return Fixtures.with(Fixtures.district(),
                new Event.CameraRegistered(new Camera("CAM-9", "东口", Fixtures.EAST, null, true, true, "/video/CAM-9.mjpg")),
                new Event.IncidentOpened("INC-1", "占道经营", "占道经营", Incident.Source.INSPECTOR,
                        Incident.Severity.LOW, IncidentState.REPORTED, near, null, null),
                new Event.AiAlertRaised("AL-1", "CAM-1", "占道经营", "882", 0.81, List.of()),
                new Event.AiAlertRaised("AL-2", "CAM-1", "占道经营", "882", 0.86, List.of()),
                new Event.AiAlertRaised("AL-3", "CAM-1", "占道经营", "882", 0.92, List.of(STALL)),
                new Event.AiAlertRaised("AL-4", "CAM-9", "暴露垃圾", "890", 0.7, List.of()));
    }

    @Test
    void anEntryFoldsItsAlertsAndShowsTheNewestPictureAndTheCasesNearby() {
        TriageQueue.Rows rows = TriageQueue.rows(queue(), 10);
        assertThat(rows.total()).isEqualTo(2);
        assertThat(rows.alerts()).isEqualTo(4);
        assertThat(rows.shown()).extracting(TriageQueue.Row::id).containsExactly("AL-4", "AL-1");
        TriageQueue.Row stall = rows.shown().get(1);
        assertThat(stall.alertIds()).containsExactly("AL-1", "AL-2", "AL-3");
        assertThat(stall.folded()).isEqualTo(3);
        assertThat(stall.confidence()).isEqualTo(0.92);
        assertThat(stall.boxes()).containsExactly(STALL);
        assertThat(stall.camera().name()).isEqualTo("西门");
        assertThat(stall.merges()).singleElement().satisfies(m -> {
            assertThat(m.incidentId()).isEqualTo("INC-1");
            assertThat(m.metres()).isBetween(45L, 55L);
        });
        assertThat(rows.shown().get(0).merges()).isEmpty();
        assertThat(TriageQueue.rows(queue(), 1).shown()).hasSize(1);
    }

    @Test
    void acceptingOpensACaseForTheFirstAlertAndMergesTheRepeatsIntoIt() {
        TriageQueue.Row stall = TriageQueue.rows(queue(), 10).shown().get(1);
        assertThat(TriageQueue.accept(stall)).containsExactly(
                new TriageQueue.Review("AL-1", Map.of("decision", "ACCEPTED")),
                new TriageQueue.Review("AL-2", Map.of("decision", "MERGED", "mergedInto", "AL-1")),
                new TriageQueue.Review("AL-3", Map.of("decision", "MERGED", "mergedInto", "AL-1")));
    }

    @Test
    void aFalseAlarmRejectsEveryAlertOfTheEntryWithItsReason() {
        TriageQueue.Row stall = TriageQueue.rows(queue(), 10).shown().get(1);
        assertThat(TriageQueue.reject(stall, AiAlert.FalseAlarm.NORMAL_ACTIVITY)).extracting(TriageQueue.Review::alertId)
                .containsExactly("AL-1", "AL-2", "AL-3");
        assertThat(TriageQueue.reject(stall, AiAlert.FalseAlarm.NORMAL_ACTIVITY)).extracting(TriageQueue.Review::body)
                .containsOnly(Map.of("decision", "REJECTED", "falseAlarm", "NORMAL_ACTIVITY"));
    }

    @Test
    void mergingJoinsTheCaseWithTheFirstAlertAndTheRepeatsFollowIt() {
        TriageQueue.Row stall = TriageQueue.rows(queue(), 10).shown().get(1);
        assertThat(TriageQueue.merge(stall, "INC-1")).containsExactly(
                new TriageQueue.Review("AL-1", Map.of("decision", "MERGED", "incidentId", "INC-1")),
                new TriageQueue.Review("AL-2", Map.of("decision", "MERGED", "mergedInto", "AL-1")),
                new TriageQueue.Review("AL-3", Map.of("decision", "MERGED", "mergedInto", "AL-1")));
        TriageQueue.Row litter = TriageQueue.rows(queue(), 10).shown().get(0);
        assertThat(TriageQueue.accept(litter)).hasSize(1);
    }

    @Test
    void reviewedAlertsLeaveTheQueue() {
        Situation s = Fixtures.with(queue(),
                new Event.AiAlertReviewed("AL-4", AiAlert.Review.REJECTED, null, null, AiAlert.FalseAlarm.POOR_VIEW));
        assertThat(TriageQueue.rows(s, 10).shown()).extracting(TriageQueue.Row::id).containsExactly("AL-1");
    }
}

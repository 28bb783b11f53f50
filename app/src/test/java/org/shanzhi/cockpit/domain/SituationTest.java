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

class SituationTest {

    @Test
    void inventoryFoldsAndDerivesCommunitiesFromPositions() {
        Situation s = district();
        assertThat(s.seq()).isEqualTo(Fixtures.inventory().size());
        assertThat(s.communities()).hasSize(2);
        assertThat(s.cameras().get("CAM-1").communityCode()).isEqualTo("110106016001");
        assertThat(s.cameras().get("CAM-2").communityCode()).isEqualTo("110106016002");
        assertThat(s.population()).isEqualTo(48000);
    }

    @Test
    void applyNeverChangesTheSituationItWasCalledOn() {
        Situation before = district();
        Situation after = with(before, new Event.UnitMoved("U-1", EAST, 90));
        assertThat(before.units().get("U-1").at()).isEqualTo(WEST);
        assertThat(after.units().get("U-1").at()).isEqualTo(EAST);
        assertThat(after.cameras()).isSameAs(before.cameras());
    }

    @Test
    void foldIsDeterministic() {
        List<Event> events = new java.util.ArrayList<>(Fixtures.inventory());
        events.add(new Event.ComplaintReceived("12345-1", Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "供暖",
                Complaint.Priority.TIMELY, EAST, "暖气不热", false));
        events.add(new Event.ComplaintAdvanced("12345-1", ComplaintState.DISPATCHED));
        Situation a = Fixtures.fold(Situation.empty(), events);
        Situation b = Fixtures.fold(Situation.empty(), events);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void seqMustFollowTheSituation() {
        Situation s = district();
        assertThatThrownBy(() -> s.apply(new Recorded(s.seq() + 2, Instant.now(), new Event.UnitSos("U-1", true))))
                .isInstanceOf(Rejection.class)
                .extracting("field").isEqualTo("seq");
    }

    @Test
    void incidentRunsTheClosedLoop() {
        Situation s = with(district(), new Event.IncidentOpened("INC-1", "暴露垃圾", "暴露垃圾", Incident.Source.INSPECTOR,
                Incident.Severity.MEDIUM, IncidentState.REPORTED, WEST, null, null));
        s = with(s, new Event.IncidentAdvanced("INC-1", IncidentState.VERIFYING, null),
                new Event.IncidentAdvanced("INC-1", IncidentState.REGISTERED, null),
                new Event.IncidentAdvanced("INC-1", IncidentState.PENDING_DISPATCH, null),
                new Event.IncidentDispatched("INC-1", "U-1"));
        assertThat(s.units().get("U-1").status()).isEqualTo(UnitStatus.ASG);
        assertThat(s.units().get("U-1").incidentId()).isEqualTo("INC-1");
        s = with(s, new Event.IncidentAdvanced("INC-1", IncidentState.IN_PROGRESS, null),
                new Event.IncidentAdvanced("INC-1", IncidentState.DISPOSED, null),
                new Event.IncidentAdvanced("INC-1", IncidentState.CHECKING, null),
                new Event.IncidentAdvanced("INC-1", IncidentState.CLOSED, null));
        Incident i = s.incidents().get("INC-1");
        assertThat(i.state()).isEqualTo(IncidentState.CLOSED);
        assertThat(i.closedAt()).isEqualTo(s.time());
        assertThat(i.communityCode()).isEqualTo("110106016001");
        assertThat(i.open()).isFalse();
    }

    @Test
    void illegalTransitionIsRejectedWithTheReason() {
        Situation s = with(district(), new Event.IncidentOpened("INC-1", "t", "c", Incident.Source.INSPECTOR,
                null, null, WEST, null, null));
        assertThatThrownBy(() -> with(s, new Event.IncidentAdvanced("INC-1", IncidentState.CLOSED, null)))
                .isInstanceOf(Rejection.class)
                .hasMessageContaining("REPORTED → CLOSED")
                .extracting("field").isEqualTo("payload.state");
    }

    @Test
    void dispatchNeedsACaseWaitingAndAFreeUnit() {
        Situation s = with(district(), new Event.IncidentOpened("INC-1", "t", "c", Incident.Source.INSPECTOR,
                null, IncidentState.REGISTERED, WEST, null, null));
        assertThatThrownBy(() -> with(s, new Event.IncidentDispatched("INC-1", "U-1")))
                .hasMessageContaining("REGISTERED → DISPATCHED");
        Situation waiting = with(s, new Event.IncidentAdvanced("INC-1", IncidentState.PENDING_DISPATCH, null));
        assertThatThrownBy(() -> with(waiting, new Event.IncidentDispatched("INC-1", "U-2")))
                .hasMessageContaining("not free")
                .extracting("field").isEqualTo("payload.unitId");
        assertThatThrownBy(() -> with(waiting, new Event.IncidentDispatched("INC-1", "U-404")))
                .hasMessageContaining("unknown unit U-404");
    }

    @Test
    void aDeclinedOrderGoesBackToDispatch() {
        Situation s = with(district(), new Event.IncidentOpened("INC-1", "t", "c", Incident.Source.INSPECTOR,
                null, IncidentState.REGISTERED, WEST, null, null),
                new Event.IncidentAdvanced("INC-1", IncidentState.PENDING_DISPATCH, null),
                new Event.IncidentDispatched("INC-1", "U-1"),
                new Event.UnitStatusChanged("U-1", UnitStatus.AVL));
        assertThat(s.incidents().get("INC-1").state()).isEqualTo(IncidentState.PENDING_DISPATCH);
        assertThat(s.incidents().get("INC-1").unitId()).isNull();
        assertThat(s.units().get("U-1").incidentId()).isNull();
    }

    @Test
    void positionsOutsideTheDistrictAreRejected() {
        assertThatThrownBy(() -> with(district(), new Event.UnitMoved("U-1", new GeoPoint(116.5, 39.9), 0)))
                .isInstanceOf(Rejection.class)
                .hasMessageContaining("outside 和义街道")
                .extracting("field").isEqualTo("payload.at");
    }

    @Test
    void aiAlertsNeedAnAiCameraAndAReviewOnce() {
        Situation s = district();
        assertThatThrownBy(() -> with(s, new Event.AiAlertRaised("A-1", "CAM-2", "暴露垃圾", "890", 0.9, List.of())))
                .hasMessageContaining("no AI analysis");
        Situation raised = with(s, new Event.AiAlertRaised("A-1", "CAM-1", "暴露垃圾", "890", 0.9,
                List.of(new AiAlert.Box(0.1, 0.2, 0.3, 0.3, "垃圾"))));
        Situation reviewed = with(raised, new Event.AiAlertReviewed("A-1", AiAlert.Review.REJECTED, null, null, null));
        assertThat(reviewed.alerts().get("A-1").review()).isEqualTo(AiAlert.Review.REJECTED);
        assertThatThrownBy(() -> with(reviewed, new Event.AiAlertReviewed("A-1", AiAlert.Review.REJECTED, null, null, null)))
                .hasMessageContaining("already reviewed");
    }

    @Test
    void complaintLifecycleRecordsResponseAndRevisit() {
        Situation s = with(district(), new Event.ComplaintReceived("O-1", Complaint.Channel.PHONE,
                Complaint.Type.COMPLAINT, "物业管理", Complaint.Priority.URGENT, EAST, "楼道堆物", false));
        Complaint c = s.complaints().get("O-1");
        assertThat(c.deadline()).isEqualTo(c.acceptedAt().plus(Complaint.Priority.URGENT.limit));
        s = with(s, new Event.ComplaintAdvanced("O-1", ComplaintState.DISPATCHED),
                new Event.ComplaintAdvanced("O-1", ComplaintState.SIGNED),
                new Event.ComplaintAdvanced("O-1", ComplaintState.CONTACTED),
                new Event.ComplaintAdvanced("O-1", ComplaintState.IN_PROGRESS),
                new Event.ComplaintAdvanced("O-1", ComplaintState.REPLIED));
        Situation replied = s;
        assertThatThrownBy(() -> with(replied, new Event.ComplaintAdvanced("O-1", ComplaintState.REVISITED)))
                .hasMessageContaining("ComplaintRevisited");
        s = with(s, new Event.ComplaintRevisited("O-1", true, Complaint.Resolution.YES,
                Complaint.Satisfaction.SATISFIED));
        c = s.complaints().get("O-1");
        assertThat(c.contactedAt()).isNotNull();
        assertThat(c.revisit().satisfaction()).isEqualTo(Complaint.Satisfaction.SATISFIED);
        assertThat(c.state()).isEqualTo(ComplaintState.REVISITED);
    }

    @Test
    void disputeAgreementNeedsAnAgreementOutcome() {
        Situation s = with(district(), new Event.DisputeRegistered("D-1", "邻里", Dispute.Level.SIMPLE,
                Dispute.Risk.YELLOW, "110106016001", "西社区调委会", null, null, null),
                new Event.DisputeAdvanced("D-1", DisputeState.TRIAGED, null),
                new Event.DisputeAdvanced("D-1", DisputeState.ASSIGNED, null),
                new Event.DisputeAdvanced("D-1", DisputeState.MEDIATING, null));
        Situation mediating = s;
        assertThatThrownBy(() -> with(mediating, new Event.DisputeAdvanced("D-1", DisputeState.AGREED, null)))
                .extracting("field").isEqualTo("payload.outcome");
        s = with(s, new Event.DisputeAdvanced("D-1", DisputeState.AGREED, Dispute.Outcome.AGREEMENT_WRITTEN));
        assertThat(s.disputes().get("D-1").outcome()).isEqualTo(Dispute.Outcome.AGREEMENT_WRITTEN);
    }

    @Test
    void aDisputeSaysWhereItCameFromAndWhatItCameFromMustExist() {
        Situation s = with(district(),
                new Event.ComplaintReceived("O-1", Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "邻里纠纷",
                        Complaint.Priority.NORMAL, Fixtures.WEST, "楼上漏水", false),
                new Event.IntelReported("Q-1", "INF-1", IntelReport.DISPUTE_SIGN, null, "110106016001", "争吵",
                        "110106016001001"),
                new Event.DisputeRegistered("D-1", "邻里纠纷", Dispute.Level.SIMPLE, Dispute.Risk.YELLOW,
                        "110106016001", "西社区调委会", null, Dispute.Source.HOTLINE, "O-1"),
                new Event.DisputeRegistered("D-2", "邻里纠纷", Dispute.Level.SIMPLE, Dispute.Risk.YELLOW,
                        "110106016001", "西社区调委会", null, Dispute.Source.INTEL, "Q-1"),
                new Event.DisputeRegistered("D-3", "损害赔偿纠纷", Dispute.Level.COMPLEX, Dispute.Risk.ORANGE,
                        "110106016001", "西社区调委会", null, Dispute.Source.COURT, null),
                new Event.DisputeRegistered("D-4", "邻里纠纷", Dispute.Level.SIMPLE, Dispute.Risk.YELLOW,
                        "110106016001", "西社区调委会", null, null, null));
        assertThat(s.disputes().get("D-1").source()).isEqualTo(Dispute.Source.HOTLINE);
        assertThat(s.disputes().get("D-1").sourceId()).isEqualTo("O-1");
        assertThat(s.disputes().get("D-2").source()).isEqualTo(Dispute.Source.INTEL);
        assertThat(s.disputes().get("D-3").source().linkage()).isTrue();
        assertThat(s.disputes().get("D-4").source()).as("registered at the window").isEqualTo(Dispute.Source.VISIT);
        // what it moves to keeps where it came from
        s = with(s, new Event.DisputeAdvanced("D-1", DisputeState.TRIAGED, null));
        assertThat(s.disputes().get("D-1").source()).isEqualTo(Dispute.Source.HOTLINE);

        Situation before = s;
        assertThatThrownBy(() -> with(before, new Event.DisputeRegistered("D-5", "邻里纠纷", Dispute.Level.SIMPLE,
                Dispute.Risk.YELLOW, null, null, null, Dispute.Source.HOTLINE, "O-404")))
                .extracting("field").isEqualTo("payload.sourceId");
        assertThatThrownBy(() -> with(before, new Event.DisputeRegistered("D-5", "邻里纠纷", Dispute.Level.SIMPLE,
                Dispute.Risk.YELLOW, null, null, null, Dispute.Source.PETITION, null)))
                .extracting("field").isEqualTo("payload.sourceId");
        // an intel report's grid is one of its community's 综治网格
        assertThatThrownBy(() -> with(before, new Event.IntelReported("Q-2", "INF-1", "治安隐患", null,
                "110106016002", "t", "110106016001001"))).extracting("field").isEqualTo("payload.gridCode");
    }

    @Test
    void unknownReferencesAreRejected() {
        Situation s = district();
        assertThatThrownBy(() -> with(s, new Event.CameraStatusChanged("CAM-404", false)))
                .hasMessageContaining("unknown camera CAM-404").extracting("field").isEqualTo("payload.cameraId");
        assertThatThrownBy(() -> with(s, new Event.SensorReported("S-404", 1)))
                .extracting("field").isEqualTo("payload.sensorId");
        assertThatThrownBy(() -> with(s, new Event.OutageReported("O-1", "110106016999", "风", 3, 100)))
                .extracting("field").isEqualTo("payload.communityCode");
    }

    @Test
    void sensorReadingsRaiseAlarmsAtTheThreshold() {
        Situation s = with(district(), new Event.SensorReported("S-1", 25));
        assertThat(s.sensors().get("S-1").alarm()).isTrue();
        s = with(s, new Event.SensorReported("S-1", 3));
        assertThat(s.sensors().get("S-1").alarm()).isFalse();
    }

    @Test
    void whistleArrivalsAreCountedOncePerSummonedDepartment() {
        Situation s = with(district(), new Event.WhistleBlown("W-1", Whistle.Kind.EMERGENCY, "断电",
                List.of("电力", "园林"), null), new Event.WhistleArrived("W-1", "电力"));
        Situation arrived = s;
        assertThatThrownBy(() -> with(arrived, new Event.WhistleArrived("W-1", "电力"))).hasMessageContaining("already");
        assertThatThrownBy(() -> with(arrived, new Event.WhistleArrived("W-1", "消防"))).hasMessageContaining("not summoned");
        assertThat(s.whistles().get("W-1").arrivals()).containsKey("电力");
    }
}

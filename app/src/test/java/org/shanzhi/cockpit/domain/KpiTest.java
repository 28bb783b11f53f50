package org.shanzhi.cockpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.shanzhi.cockpit.domain.Fixtures.EAST;
import static org.shanzhi.cockpit.domain.Fixtures.WEST;
import static org.shanzhi.cockpit.domain.Fixtures.district;
import static org.shanzhi.cockpit.domain.Fixtures.with;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class KpiTest {

    private static final Instant FAR_PAST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    /** 西宁城中区 June 2024: 670 evaluated, 670 responded, 663 resolved, 614 满意 + 34 基本满意 → 94.69 %. */
    @Test
    void threeRatesReproduceThePublishedXiningFigures() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 670; i++) {
            String no = "O-" + i;
            events.add(new Event.ComplaintReceived(no, Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "物业管理",
                    Complaint.Priority.NORMAL, EAST, null, false));
            for (ComplaintState st : List.of(ComplaintState.DISPATCHED, ComplaintState.SIGNED,
                    ComplaintState.CONTACTED, ComplaintState.IN_PROGRESS, ComplaintState.REPLIED)) {
                events.add(new Event.ComplaintAdvanced(no, st));
            }
            Complaint.Satisfaction sat = i < 614 ? Complaint.Satisfaction.SATISFIED
                    : i < 648 ? Complaint.Satisfaction.BASICALLY_SATISFIED : Complaint.Satisfaction.UNSATISFIED;
            events.add(new Event.ComplaintRevisited(no, true,
                    i < 663 ? Complaint.Resolution.YES : Complaint.Resolution.NO, sat));
        }
        Situation s = Fixtures.fold(district(), events);
        Kpi.ThreeRates r = Kpi.threeRates(s, FAR_PAST, FAR_FUTURE, Kpi.Weights.DEFAULT);
        assertThat(r.evaluated()).isEqualTo(670);
        assertThat(r.response()).isEqualTo(1.0);
        assertThat(r.resolution() * 100).isCloseTo(98.96, within(0.01));
        assertThat(r.satisfaction() * 100).isCloseTo(94.69, within(0.01));
        assertThat(r.score()).isCloseTo(0.30 * 1.0 + 0.35 * 663 / 670 + 0.35 * (614 + 0.6 * 34) / 670, within(1e-12));

        Kpi.ThreeRates other = Kpi.threeRates(s, FAR_PAST, FAR_FUTURE, new Kpi.Weights(0.1, 0.45, 0.45, 1.0));
        assertThat(other.satisfaction()).isCloseTo(648.0 / 670, within(1e-12));
    }

    @Test
    void threeRatesWithNothingEvaluatedAreNaN() {
        Kpi.ThreeRates r = Kpi.threeRates(district(), FAR_PAST, FAR_FUTURE, Kpi.Weights.DEFAULT);
        assertThat(r.evaluated()).isZero();
        assertThat(r.score()).isNaN();
    }

    @Test
    void closedLoopRateExcludesInvalidCases() {
        Situation s = with(district(),
                opened("A"), opened("B"), opened("C"),
                new Event.IncidentAdvanced("A", IncidentState.VERIFYING, null),
                new Event.IncidentAdvanced("A", IncidentState.INVALID, null));
        s = closeCase(s, "B");
        Ratio r = Kpi.closedLoopRate(s, FAR_PAST, FAR_FUTURE);
        assertThat(r).isEqualTo(new Ratio(1, 2));
    }

    @Test
    void overdueCountsOpenMattersPastTheirDeadline() {
        Situation s = with(district(), new Event.IncidentOpened("I", "t", "c", Incident.Source.INSPECTOR, null,
                null, WEST, null, null));
        Instant deadline = s.incidents().get("I").deadline();
        assertThat(Kpi.overdue(s, deadline.minusSeconds(1)).total()).isZero();
        assertThat(Kpi.overdue(s, deadline.plusSeconds(1)).incidents()).isEqualTo(1);
    }

    @Test
    void cameraOnlineRateAndPerThousand() {
        Situation s = district();
        assertThat(Kpi.cameraOnlineRate(s)).isEqualTo(new Ratio(2, 3));
        s = with(s, new Event.ComplaintReceived("O-1", Complaint.Channel.WEB, Complaint.Type.HELP, "供暖",
                Complaint.Priority.TIMELY, EAST, null, false));
        assertThat(Kpi.complaintsPerThousand(s, FAR_PAST, FAR_FUTURE)).isCloseTo(1 / 48.0, within(1e-12));
    }

    @Test
    void proactiveShareCountsAiCasesAgainstHotlineOrders() {
        Situation s = with(district(),
                new Event.AiAlertRaised("AL", "CAM-1", "暴露垃圾", "890", 0.8, List.of()),
                new Event.IncidentOpened("I", "t", "暴露垃圾", Incident.Source.AI, null, null, WEST, null, "AL"),
                new Event.ComplaintReceived("O-1", Complaint.Channel.WEB, Complaint.Type.HELP, "供暖",
                        Complaint.Priority.TIMELY, EAST, null, false),
                new Event.ComplaintReceived("O-2", Complaint.Channel.WEB, Complaint.Type.HELP, "供暖",
                        Complaint.Priority.TIMELY, EAST, null, false));
        assertThat(Kpi.proactiveShare(s, FAR_PAST, FAR_FUTURE)).isEqualTo(new Ratio(1, 3));
    }

    @Test
    void mediationSuccessAndOutageRestoration() {
        Situation s = with(district(),
                new Event.DisputeRegistered("D1", "邻里", Dispute.Level.SIMPLE, Dispute.Risk.YELLOW, null, null, null),
                new Event.DisputeRegistered("D2", "物业", Dispute.Level.COMPLEX, Dispute.Risk.ORANGE, null, null, null));
        for (String d : List.of("D1", "D2")) {
            s = with(s, new Event.DisputeAdvanced(d, DisputeState.TRIAGED, null),
                    new Event.DisputeAdvanced(d, DisputeState.ASSIGNED, null),
                    new Event.DisputeAdvanced(d, DisputeState.MEDIATING, null));
        }
        s = with(s, new Event.DisputeAdvanced("D1", DisputeState.AGREED, Dispute.Outcome.AGREEMENT_ORAL),
                new Event.DisputeAdvanced("D2", DisputeState.TERMINATED, null));
        assertThat(Kpi.mediationSuccessRate(s, FAR_PAST, FAR_FUTURE)).isEqualTo(new Ratio(1, 2));

        s = with(s, new Event.OutageReported("OUT", "110106016002", "大风压断高压线", 30, 1800),
                new Event.OutageRestored("OUT", 21, 12));
        assertThat(Kpi.outageRestoration(s).percent()).isCloseTo(70.0, within(1e-9));
    }

    @Test
    void daysWithoutGroupIncidentRestartAtACollectivePetition() {
        Situation s = district();
        Instant start = Fixtures.T0;
        assertThat(Kpi.daysWithoutGroupIncident(s, start.plus(Duration.ofDays(10)), start)).isEqualTo(10);
        s = with(s, new Event.PetitionRegistered("P", Petition.Form.VISIT, 12, "拆迁补偿", null));
        Instant at = s.petitions().get("P").registeredAt();
        assertThat(Kpi.daysWithoutGroupIncident(s, at.plus(Duration.ofDays(3)), start)).isEqualTo(3);
    }

    private static Event opened(String id) {
        return new Event.IncidentOpened(id, "t", "c", Incident.Source.INSPECTOR, null, null, WEST, null, null);
    }

    private static Situation closeCase(Situation s, String id) {
        for (IncidentState st : List.of(IncidentState.REGISTERED, IncidentState.PENDING_DISPATCH)) {
            s = with(s, new Event.IncidentAdvanced(id, st, null));
        }
        s = with(s, new Event.IncidentDispatched(id, "U-1"));
        for (IncidentState st : List.of(IncidentState.IN_PROGRESS, IncidentState.DISPOSED, IncidentState.CHECKING,
                IncidentState.CLOSED)) {
            s = with(s, new Event.IncidentAdvanced(id, st, null));
        }
        return s;
    }
}

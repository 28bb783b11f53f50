package org.shanzhi.cockpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.shanzhi.cockpit.domain.Fixtures.EAST;
import static org.shanzhi.cockpit.domain.Fixtures.WEST;
import static org.shanzhi.cockpit.domain.Fixtures.district;
import static org.shanzhi.cockpit.domain.Fixtures.revisited;
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
            Complaint.Satisfaction sat = i < 614 ? Complaint.Satisfaction.SATISFIED
                    : i < 648 ? Complaint.Satisfaction.BASICALLY_SATISFIED : Complaint.Satisfaction.UNSATISFIED;
            events.addAll(revisited("O-" + i, true, i < 663 ? Complaint.Resolution.YES : Complaint.Resolution.NO, sat));
        }
        Situation s = Fixtures.fold(district(), events);
        Kpi.ThreeRates r = Kpi.threeRates(s, FAR_PAST, FAR_FUTURE, Kpi.Weights.DEFAULT);
        assertThat(r.evaluated()).isEqualTo(670);
        assertThat(r.response()).isEqualTo(1.0);
        assertThat(r.resolution() * 100).isCloseTo(98.96, within(0.01));
        assertThat(r.satisfaction() * 100).isCloseTo(94.69, within(0.01));
        assertThat(r.score()).isCloseTo(0.30 * 1.0 + 0.35 * 663 / 670 + 0.35 * (614 + 0.6 * 34) / 670, within(1e-12));

        Kpi.ThreeRates other = Kpi.threeRates(s, FAR_PAST, FAR_FUTURE, new Kpi.Weights(0.1, 0.45, 0.45, 1.0, 0.0));
        assertThat(other.satisfaction()).isCloseTo(648.0 / 670, within(1e-12));
    }

    /**
     * 部分解决 counts for nothing in 解决率 by default (DOMAIN.md §2.2: resolved / evaluated); a center that gives it
     * half: 2 YES + 2 PARTIAL + 1 NO → (2 + 0.5 × 2) / 5 = 0.6, and the 综合得分 moves by 0.35 × 0.2.
     */
    @Test
    void aCreditForPartlyResolvedRaisesTheResolutionRate() {
        List<Event> events = new ArrayList<>();
        Complaint.Resolution[] answers = {Complaint.Resolution.YES, Complaint.Resolution.YES,
            Complaint.Resolution.PARTIAL, Complaint.Resolution.PARTIAL, Complaint.Resolution.NO};
        for (int i = 0; i < answers.length; i++) {
            events.addAll(revisited("P-" + i, true, answers[i], Complaint.Satisfaction.SATISFIED));
        }
        Situation s = Fixtures.fold(district(), events);
        Kpi.ThreeRates none = Kpi.threeRates(s, FAR_PAST, FAR_FUTURE, Kpi.Weights.DEFAULT);
        assertThat(none.resolution()).isCloseTo(2.0 / 5, within(1e-12));
        Kpi.ThreeRates half = Kpi.threeRates(s, FAR_PAST, FAR_FUTURE, new Kpi.Weights(0.30, 0.35, 0.35, 0.6, 0.5));
        assertThat(half.resolution()).isCloseTo(0.6, within(1e-12));
        assertThat(half.score() - none.score()).isCloseTo(0.35 * 0.2, within(1e-12));
    }

    @Test
    void weightsOutOfRangeAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new Kpi.Weights(0.30, 0.35, 0.35, 0.6, 1.5))
                .isInstanceOf(Rejection.class).extracting("field").isEqualTo("partiallyResolved");
        assertThatThrownBy(() -> new Kpi.Weights(-0.1, 0.55, 0.55, 0.6, 0))
                .isInstanceOf(Rejection.class).extracting("field").isEqualTo("weights");
    }

    @Test
    void aCallerNotContactedLowersTheResponseRate() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.addAll(revisited("R-" + i, i != 0, Complaint.Resolution.YES, Complaint.Satisfaction.SATISFIED));
        }
        Kpi.ThreeRates r = Kpi.threeRates(Fixtures.fold(district(), events), FAR_PAST, FAR_FUTURE, Kpi.Weights.DEFAULT);
        assertThat(r.evaluated()).isEqualTo(4);
        assertThat(r.response()).isEqualTo(0.75);
        assertThat(r.resolution()).isEqualTo(1.0);
    }

    /**
     * Every 回访 counts in the window it fell: order A's unhappy 回访 that brought its 重办 stays, its second one
     * counts too. A: (responded, NO, 不满意) then (responded, YES, 满意); B: (responded, PARTIAL, 基本满意).
     */
    @Test
    void theUnhappyRevisitBeforeAReopeningStillCounts() {
        List<Event> events = new ArrayList<>(revisited("A", true, Complaint.Resolution.NO,
                Complaint.Satisfaction.UNSATISFIED));
        events.addAll(List.of(new Event.ComplaintAdvanced("A", ComplaintState.REOPENED),
                new Event.ComplaintAdvanced("A", ComplaintState.IN_PROGRESS),
                new Event.ComplaintAdvanced("A", ComplaintState.REPLIED),
                new Event.ComplaintRevisited("A", true, Complaint.Resolution.YES, Complaint.Satisfaction.SATISFIED)));
        events.addAll(revisited("B", true, Complaint.Resolution.PARTIAL, Complaint.Satisfaction.BASICALLY_SATISFIED));
        Situation s = Fixtures.fold(district(), events);
        assertThat(s.complaints().get("A").revisits()).hasSize(2);

        Kpi.ThreeRates all = Kpi.threeRates(s, FAR_PAST, FAR_FUTURE, Kpi.Weights.DEFAULT);
        assertThat(all.evaluated()).isEqualTo(3);
        assertThat(all.response()).isEqualTo(1.0);
        assertThat(all.resolution()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(all.satisfaction()).isCloseTo((1 + 0.6) / 3, within(1e-12));
        assertThat(all.score()).isCloseTo(0.30 + 0.35 / 3 + 0.35 * 1.6 / 3, within(1e-12));

        // a window that ends before A's second 回访 holds only the first: 0 resolved, 0 satisfied
        Instant second = s.complaints().get("A").revisits().get(1).at();
        Instant first = s.complaints().get("A").revisits().get(0).at();
        Kpi.ThreeRates before = Kpi.threeRates(s, FAR_PAST, second, Kpi.Weights.DEFAULT);
        assertThat(before.evaluated()).isEqualTo(1);
        assertThat(before.resolution()).isZero();
        assertThat(before.satisfaction()).isZero();
        Kpi.ThreeRates after = Kpi.threeRates(s, first.plusSeconds(1), FAR_FUTURE, Kpi.Weights.DEFAULT);
        assertThat(after.evaluated()).isEqualTo(2);
        assertThat(after.resolution()).isEqualTo(0.5);
        assertThat(after.satisfaction()).isCloseTo((1 + 0.6) / 2, within(1e-12));
    }

    @Test
    void threeRatesWithNothingEvaluatedAreNaN() {
        Kpi.ThreeRates r = Kpi.threeRates(district(), FAR_PAST, FAR_FUTURE, Kpi.Weights.DEFAULT);
        assertThat(r.evaluated()).isZero();
        assertThat(r.score()).isNaN();
    }

    /**
     * 按期结案率 over the cases due in the window: A invalid (out), B closed by its deadline, C closed after it, D due
     * and open, E not due by the window's end (out) → 1 of 3.
     */
    @Test
    void closedOnTimeRateCountsTheCasesDueAndThoseClosedByTheirDeadline() {
        Instant t = Instant.parse("2026-05-30T00:00:00Z");
        Situation s = district();
        for (String id : List.of("A", "B", "C", "D")) {
            s = at(s, "2026-05-30T00:00:00Z", new Event.IncidentOpened(id, "t", "c", Incident.Source.INSPECTOR, null,
                    null, WEST, t.plus(Duration.ofHours(4)), null));
        }
        s = at(s, "2026-05-30T00:00:00Z", new Event.IncidentOpened("E", "t", "c", Incident.Source.INSPECTOR, null,
                null, WEST, t.plus(Duration.ofHours(12)), null));
        s = at(s, "2026-05-30T00:10:00Z", new Event.IncidentAdvanced("A", IncidentState.VERIFYING, null));
        s = at(s, "2026-05-30T00:20:00Z", new Event.IncidentAdvanced("A", IncidentState.INVALID, null));
        s = closeCaseAt(s, "B", "2026-05-30T03:59:00Z");
        s = closeCaseAt(s, "C", "2026-05-30T05:00:00Z");
        Instant end = Instant.parse("2026-05-30T08:00:00Z");
        assertThat(Kpi.closedOnTimeRate(s, FAR_PAST, end)).isEqualTo(new Ratio(1, 3));
        // before any deadline nothing is due: no rate, not 0 %
        assertThat(Kpi.closedOnTimeRate(s, FAR_PAST, t.plus(Duration.ofHours(1))).whole()).isZero();
        // the window is over deadlines, not openings: E counts once its deadline is inside
        assertThat(Kpi.closedOnTimeRate(s, FAR_PAST, FAR_FUTURE)).isEqualTo(new Ratio(1, 4));
    }

    @Test
    void aRateBelowItsMinimumBaseIsTooFew() {
        Kpi.MinimumBase m = new Kpi.MinimumBase(30, 10, 5, 10);
        assertThat(m.enoughRevisits(new Kpi.ThreeRates(29, 1, 1, 1, 1))).isFalse();
        assertThat(m.enoughRevisits(new Kpi.ThreeRates(30, 1, 1, 1, 1))).isTrue();
        assertThat(m.enoughCasesDue(new Ratio(9, 9))).isFalse();
        assertThat(m.enoughCasesDue(new Ratio(0, 10))).isTrue();
        assertThat(m.enoughMediations(new Ratio(4, 4))).isFalse();
        assertThat(m.enoughMediations(new Ratio(3, 5))).isTrue();
        assertThat(m.enoughReviewedAlerts(new Ratio(1, 1))).isFalse();
        assertThat(m.enoughReviewedAlerts(new Ratio(1, 10))).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Kpi.MinimumBase(0, 10, 5, 10))
                .isInstanceOf(Rejection.class);
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

    /** A 网格员's find counts as 未诉先办 by default, a 监督员's does not; the finders are a choice. */
    @Test
    void proactiveShareCountsTheFindersChosen() {
        Situation s = with(district(),
                new Event.IncidentOpened("I-G", "t", "暴露垃圾", Incident.Source.GRID_WORKER, null, null, WEST, null,
                        null),
                new Event.IncidentOpened("I-S", "t", "井盖缺失", Incident.Source.INSPECTOR, null, null, WEST, null,
                        null),
                new Event.ComplaintReceived("O-1", Complaint.Channel.WEB, Complaint.Type.HELP, "供暖",
                        Complaint.Priority.TIMELY, EAST, null, false));
        assertThat(Kpi.proactiveShare(s, FAR_PAST, FAR_FUTURE)).isEqualTo(new Ratio(1, 2));
        assertThat(s.incidents().get("I-G").proactive()).isTrue();
        assertThat(s.incidents().get("I-S").proactive()).isFalse();
        ProactiveSources both = new ProactiveSources(java.util.Set.of(Incident.Source.GRID_WORKER,
                Incident.Source.INSPECTOR));
        assertThat(Kpi.proactiveShare(s, FAR_PAST, FAR_FUTURE, both)).isEqualTo(new Ratio(2, 3));
        assertThat(Kpi.proactiveShare(s, FAR_PAST, FAR_FUTURE, new ProactiveSources(java.util.Set.of(
                Incident.Source.AI)))).isEqualTo(new Ratio(0, 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ProactiveSources(java.util.Set.of(
                Incident.Source.HOTLINE))).isInstanceOf(Rejection.class);
    }

    @Test
    void mediationSuccessAndOutageRestoration() {
        Situation s = with(district(),
                new Event.DisputeRegistered("D1", "邻里", Dispute.Level.SIMPLE, Dispute.Risk.YELLOW, null, null, null, null, null),
                new Event.DisputeRegistered("D2", "物业", Dispute.Level.COMPLEX, Dispute.Risk.ORANGE, null, null, null, null, null));
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

    // --- days, series, rankings, deadlines -----------------------------------------------------------

    /** 2026-05-30 08:00 Beijing is 00:00 UTC: Beijing's day starts at 16:00 UTC the day before. */
    @Test
    void todayAndYesterdayFollowBeijingMidnight() {
        Instant now = Instant.parse("2026-05-30T12:00:00Z"); // 20:00 Beijing
        assertThat(TimeWindows.today(now).from()).isEqualTo(Instant.parse("2026-05-29T16:00:00Z"));
        assertThat(TimeWindows.yesterdaySoFar(now).from()).isEqualTo(Instant.parse("2026-05-28T16:00:00Z"));
        assertThat(TimeWindows.yesterdaySoFar(now).to()).isAfter(Instant.parse("2026-05-29T12:00:00Z"))
                .isBefore(Instant.parse("2026-05-29T12:00:01Z"));

        Situation s = district();
        s = at(s, "2026-05-29T15:59:00Z", opened("Y1"));           // 23:59 yesterday
        s = at(s, "2026-05-29T16:00:00Z", opened("T1")); // 00:00 today
        s = at(s, "2026-05-30T11:59:00Z", opened("T2"));
        s = at(s, "2026-05-30T12:00:00Z", opened("T3"));           // exactly now: counted
        TimeWindows.Window today = TimeWindows.today(s.time());
        assertThat(Kpi.incidentsOpened(s, today.from(), today.to())).isEqualTo(3);
        TimeWindows.Window yesterday = TimeWindows.yesterdaySoFar(s.time());
        assertThat(Kpi.incidentsOpened(s, yesterday.from(), yesterday.to())).isZero(); // 23:59 is after 20:00
        assertThat(Kpi.incidentsOpened(s, yesterday.from(), today.from())).isEqualTo(1);
    }

    @Test
    void closedCountsCasesByTheirClosingTime() {
        Situation s = with(district(), opened("A"), opened("B"));
        s = closeCase(s, "A");
        s = with(s, new Event.IncidentAdvanced("B", IncidentState.VERIFYING, null),
                new Event.IncidentAdvanced("B", IncidentState.INVALID, null));
        assertThat(Kpi.incidentsClosed(s, FAR_PAST, FAR_FUTURE)).isEqualTo(1);
        assertThat(Kpi.incidentsOpened(s, FAR_PAST, FAR_FUTURE)).isEqualTo(1);
    }

    @Test
    void hourlySeriesEndsWithTheHourInProgress() {
        Situation s = district();
        s = at(s, "2026-05-30T11:05:00Z", complaint("O-1"));
        s = at(s, "2026-05-30T11:40:00Z", complaint("O-2"));
        s = at(s, "2026-05-30T12:30:00Z", complaint("O-3"));
        s = at(s, "2026-05-29T12:29:00Z", complaint("O-OLD")); // 24 h before the first bucket's end: outside
        TimeWindows.Hourly h = TimeWindows.hourly(s, s.time(), TimeWindows.Series.COMPLAINTS_RECEIVED);
        assertThat(h.counts()).hasSize(24);
        assertThat(h.firstHour()).isEqualTo(Instant.parse("2026-05-29T13:00:00Z"));
        assertThat(h.counts().get(23)).isEqualTo(1);
        assertThat(h.counts().get(22)).isEqualTo(2);
        assertThat(h.total()).isEqualTo(3);
        assertThat(TimeWindows.hourly(Situation.empty(), Instant.EPOCH, TimeWindows.Series.AI_ALERTS_RAISED).total())
                .isZero();
    }

    @Test
    void categoriesAndCommunitiesAreRankedMostFirst() {
        Situation s = with(district(), complaint("O-1", "供暖", EAST), complaint("O-2", "物业管理", WEST),
                complaint("O-3", "物业管理", EAST), complaint("O-4", "停车", EAST));
        assertThat(Rankings.complaintCategories(s, FAR_PAST, FAR_FUTURE)).containsExactly(
                new Rankings.Ranked("物业管理", 2), new Rankings.Ranked("供暖", 1), new Rankings.Ranked("停车", 1));
        List<Rankings.Ranked> perThousand = Rankings.complaintsPerThousandByCommunity(s, FAR_PAST, FAR_FUTURE);
        assertThat(perThousand.get(0).name()).isEqualTo("东社区");
        assertThat(perThousand.get(0).value()).isCloseTo(3 / 24.0, within(1e-12));
        assertThat(perThousand.get(1).value()).isCloseTo(1 / 24.0, within(1e-12));

        s = with(s, opened("A"), opened("B"));
        assertThat(Rankings.openIncidentsByCommunity(s)).containsExactly(new Rankings.Ranked("西社区", 2));
    }

    @Test
    void slaWarnsInTheLastQuarterAndIsOverduePastTheDeadline() {
        Instant start = Fixtures.T0;
        Instant deadline = start.plus(Duration.ofHours(4));
        assertThat(Kpi.sla(start, deadline, start.plus(Duration.ofHours(2)))).isEqualTo(Kpi.Sla.OK);
        assertThat(Kpi.sla(start, deadline, start.plus(Duration.ofMinutes(180)))).isEqualTo(Kpi.Sla.OK);
        assertThat(Kpi.sla(start, deadline, start.plus(Duration.ofMinutes(181)))).isEqualTo(Kpi.Sla.WARNING);
        assertThat(Kpi.sla(start, deadline, deadline)).isEqualTo(Kpi.Sla.WARNING);
        assertThat(Kpi.sla(start, deadline, deadline.plusSeconds(1))).isEqualTo(Kpi.Sla.OVERDUE);
        assertThat(Kpi.sla(start, null, deadline)).isEqualTo(Kpi.Sla.OK);
    }

    @Test
    void openCasesListOverdueFirstWithTheirAge() {
        // A opened on Saturday 08:11 (Beijing) with 4 工作时: due Monday 13:00, overdue by Monday 14:00
        Situation s = with(district(), opened("A"));
        s = at(s, "2026-06-01T06:00:00Z", opened("B"));
        List<Deadlines.OpenCase> cases = Deadlines.openCases(s, s.time());
        assertThat(cases).extracting(Deadlines.OpenCase::id).containsExactly("A", "B");
        assertThat(cases.get(0).sla()).isEqualTo(Kpi.Sla.OVERDUE);
        assertThat(cases.get(0).community()).isEqualTo("西社区");
        assertThat(cases.get(1).sla()).isEqualTo(Kpi.Sla.OK);
        assertThat(cases.get(1).age()).isEqualTo(Duration.ZERO);
    }

    @Test
    void disputesPetitionsWarningsSensorsAndWhistles() {
        Situation s = with(district(),
                new Event.DisputeRegistered("D1", "邻里", Dispute.Level.SIMPLE, Dispute.Risk.YELLOW, null, null, null, null, null),
                new Event.DisputeRegistered("D2", "物业", Dispute.Level.COMPLEX, Dispute.Risk.RED, null, null, null, null, null),
                new Event.PetitionRegistered("P1", Petition.Form.VISIT, 1, "物业费", null),
                new Event.PetitionRegistered("P2", Petition.Form.LETTER, 2, "拆迁", null),
                new Event.PetitionAdvanced("P2", PetitionState.ACCEPTED),
                new Event.WarningIssued("W1", WeatherWarning.Hazard.GALE, WeatherWarning.Level.BLUE, "气象台", null),
                new Event.WarningIssued("W2", WeatherWarning.Hazard.RAINSTORM, WeatherWarning.Level.ORANGE, "气象台",
                        null),
                new Event.SensorReported("S-1", 35),
                new Event.WhistleBlown("WH", Whistle.Kind.EMERGENCY, "倒树", List.of("园林绿化队", "供电公司"), null),
                new Event.WhistleArrived("WH", "供电公司"));
        assertThat(Deadlines.disputesInMediation(s, s.time())).extracting(Deadlines.DisputeDue::id).containsExactly("D2", "D1");
        List<Deadlines.PetitionDue> due = Deadlines.petitionsDue(s, s.time());
        assertThat(due).extracting(Deadlines.PetitionDue::step)
                .containsExactly(Deadlines.PetitionStep.ACCEPT, Deadlines.PetitionStep.REPLY);
        assertThat(due.get(1).deadline()).isEqualTo(s.petitions().get("P2").replyDeadline());
        assertThat(Kpi.activeWarnings(s, s.time())).extracting(WeatherWarning::id).containsExactly("W2", "W1");
        assertThat(Kpi.sensorsInAlarm(s)).extracting(Sensor::id).containsExactly("S-1");
        assertThat(Kpi.openWhistles(s)).containsExactly(new Kpi.WhistleStatus("WH", Whistle.Kind.EMERGENCY, "倒树", 1,
                2, s.whistles().get("WH").requestedAt()));
        assertThat(Kpi.recordStart(s, s.time())).isEqualTo(s.disputes().get("D1").registeredAt());
        assertThat(Kpi.recordStart(Situation.empty(), Fixtures.T0)).isEqualTo(Fixtures.T0);
    }

    @Test
    void alertsPendingAndIntelToday() {
        Situation s = with(district(),
                new Event.AiAlertRaised("AL1", "CAM-1", "暴露垃圾", "890", 0.8, List.of()),
                new Event.AiAlertRaised("AL2", "CAM-1", "占道经营", "891", 0.7, List.of()),
                new Event.AiAlertReviewed("AL2", AiAlert.Review.REJECTED, null, null, null),
                new Event.IntelReported("Q1", "XX-1", "群体性苗头", null, null, "t", null));
        assertThat(Kpi.aiAlertsRaised(s, FAR_PAST, FAR_FUTURE)).isEqualTo(2);
        assertThat(Kpi.aiAlertsPending(s)).isEqualTo(1);
        assertThat(Kpi.intelReports(s, FAR_PAST, FAR_FUTURE)).isEqualTo(1);
        assertThat(Kpi.keyPeriod(s, s.time())).isEmpty();
        s = with(s, new Event.KeyPeriodDeclared("K", "两会", FAR_PAST, FAR_FUTURE));
        assertThat(Kpi.keyPeriod(s, s.time())).map(KeyPeriod::name).contains("两会");
    }

    private static Situation at(Situation s, String time, Event e) {
        return s.apply(new Recorded(s.seq() + 1, Instant.parse(time), e));
    }

    private static Event complaint(String no) {
        return complaint(no, "物业管理", EAST);
    }

    private static Event complaint(String no, String category, GeoPoint where) {
        return new Event.ComplaintReceived(no, Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, category,
                Complaint.Priority.NORMAL, where, null, false);
    }

    private static Situation closeCaseAt(Situation s, String id, String time) {
        for (IncidentState st : List.of(IncidentState.REGISTERED, IncidentState.PENDING_DISPATCH)) {
            s = at(s, time, new Event.IncidentAdvanced(id, st, null));
        }
        s = at(s, time, new Event.IncidentDispatched(id, "U-1"));
        for (IncidentState st : List.of(IncidentState.IN_PROGRESS, IncidentState.DISPOSED, IncidentState.CHECKING,
                IncidentState.CLOSED)) {
            s = at(s, time, new Event.IncidentAdvanced(id, st, null));
        }
        return at(s, time, new Event.UnitStatusChanged("U-1", UnitStatus.AVL)); // free for the next case
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

    // --- dispatch ---------------------------------------------------------------------------------

    private static Event.IncidentOpened opened(String id, Incident.Severity severity, GeoPoint at, Instant deadline) {
        return new Event.IncidentOpened(id, id, "市容环境", Incident.Source.INSPECTOR, severity,
                IncidentState.REGISTERED, at, deadline, null);
    }

    /** A low case past its deadline outranks a critical one in time; then severity, then the oldest; finished last. */
    @Test
    void theDispatchBoardPutsOverdueFirstThenSeverityThenAge() {
        Situation s = with(district(),
                opened("LATE", Incident.Severity.LOW, WEST, Fixtures.T0.plusSeconds(60 * 12)),
                opened("OLD-HIGH", Incident.Severity.HIGH, EAST, null),
                opened("NEW-HIGH", Incident.Severity.HIGH, EAST, null),
                opened("CRIT", Incident.Severity.CRITICAL, EAST, null),
                opened("DONE", Incident.Severity.CRITICAL, WEST, null),
                new Event.IncidentAdvanced("DONE", IncidentState.PENDING_DISPATCH, null),
                new Event.IncidentDispatched("DONE", "U-1"));
        for (IncidentState st : List.of(IncidentState.IN_PROGRESS, IncidentState.DISPOSED, IncidentState.CHECKING,
                IncidentState.CLOSED)) {
            s = with(s, new Event.IncidentAdvanced("DONE", st, null));
        }
        Instant now = s.time();

        List<DispatchBoard.DispatchCase> open = DispatchBoard.dispatchBoard(s, now, DispatchBoard.CaseFilter.OPEN);
        assertThat(open).extracting(DispatchBoard.DispatchCase::id).containsExactly("LATE", "CRIT", "OLD-HIGH", "NEW-HIGH");
        assertThat(open.get(0).sla()).isEqualTo(Kpi.Sla.OVERDUE);
        assertThat(open.get(0).community()).isEqualTo("西社区");
        assertThat(open.get(1).sla()).isEqualTo(Kpi.Sla.OK);
        assertThat(open.get(2).age()).isGreaterThan(open.get(3).age());

        List<DispatchBoard.DispatchCase> all = DispatchBoard.dispatchBoard(s, now, DispatchBoard.CaseFilter.ALL);
        assertThat(all).extracting(DispatchBoard.DispatchCase::id).endsWith("DONE");
        DispatchBoard.DispatchCase done = all.get(all.size() - 1);
        assertThat(done.unitName()).isEqualTo("网格员一");
        assertThat(done.unitStatus()).isEqualTo(UnitStatus.ASG);
        assertThat(done.unitOnCase()).isTrue();
        assertThat(open.get(0).unitOnCase()).isFalse();
        assertThat(done.age()).isEqualTo(Duration.ofMinutes(6)); // opened at the 15th minute, closed at the 21st
        assertThat(DispatchBoard.dispatchBoard(s, now, DispatchBoard.CaseFilter.TODAY)).hasSize(5);
        assertThat(DispatchBoard.dispatchBoard(district(), now, DispatchBoard.CaseFilter.OPEN)).isEmpty();
    }

    @Test
    void unitsCountAsFreeBusyOrAwayAndTheNearestFreeOnesAreRecommended() {
        Situation s = with(district(),
                new Event.UnitRegistered(new FieldUnit("U-3", "巡查三", FieldUnit.Role.GRID_WORKER, UnitStatus.AVL,
                        new GeoPoint(116.385, 39.815), 0, null, null, false)),
                new Event.UnitRegistered(new FieldUnit("U-4", "物业四", FieldUnit.Role.PROPERTY, UnitStatus.AVL,
                        EAST, 0, null, null, false)),
                new Event.UnitStatusChanged("U-3", UnitStatus.PAT),
                new Event.UnitStatusChanged("U-4", UnitStatus.UNA),
                opened("I", Incident.Severity.HIGH, new GeoPoint(116.386, 39.815), null),
                new Event.IncidentAdvanced("I", IncidentState.PENDING_DISPATCH, null));
        assertThat(DispatchBoard.unitCounts(s)).isEqualTo(new DispatchBoard.UnitCounts(2, 0, 2, 0));

        // without roads the units are ranked by the straight line
        List<Recommendations.RecommendedUnit> near = free(s, new GeoPoint(116.386, 39.815));
        assertThat(near).extracting(Recommendations.RecommendedUnit::id).containsExactly("U-3", "U-1");
        assertThat(near.get(0).roadMetres()).isCloseTo(85.5, within(1.0));
        assertThat(near.get(1).roadMetres()).isCloseTo(513.2, within(2.0));
        assertThat(free(s, WEST)).extracting(Recommendations.RecommendedUnit::id).startsWith("U-1");

        s = with(s, new Event.IncidentDispatched("I", "U-3"), new Event.UnitSos("U-1", true));
        assertThat(DispatchBoard.unitCounts(s)).isEqualTo(new DispatchBoard.UnitCounts(1, 1, 2, 1));
        assertThat(free(s, WEST)).isEmpty();
        assertThat(free(s, null)).isEmpty();
    }

    private static List<Recommendations.RecommendedUnit> free(Situation s, GeoPoint at) {
        return Recommendations.rank(s, at, "市容环境", RoadNetwork.EMPTY, s.time(), Recommendations.Rules.defaults());
    }

    @Test
    void pendingAlertsComeNewestFirst() {
        Situation s = with(district(),
                new Event.AiAlertRaised("A1", "CAM-1", "暴露垃圾", "890", 0.8, null),
                new Event.AiAlertRaised("A2", "CAM-1", "人群密度", "856", 0.9, null),
                new Event.AiAlertRaised("A3", "CAM-1", "道路积水", null, 0.7, null),
                new Event.AiAlertReviewed("A3", AiAlert.Review.REJECTED, null, null, null));
        assertThat(VideoAlarms.pendingAlerts(s)).extracting(AiAlert::id).containsExactly("A2", "A1");
    }
}

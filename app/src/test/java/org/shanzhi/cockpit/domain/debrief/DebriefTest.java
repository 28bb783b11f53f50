package org.shanzhi.cockpit.domain.debrief;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.debrief.Debrief.Outcome;
import org.shanzhi.cockpit.domain.debrief.Rating.Grade;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;

import static org.assertj.core.api.Assertions.assertThat;

/** A small drill with known times, its figures worked out by hand. */
class DebriefTest {

    static final Instant T0 = Instant.parse("2026-05-30T08:00:00Z");
    static final String D = "YL-20260530T080000";
    static final GeoPoint AT = new GeoPoint(116.40885, 39.8187);

    final List<Recorded> range = new ArrayList<>();
    Situation before;

    void at(Duration after, Event e) {
        range.add(new Recorded(before.seq() + range.size() + 1, T0.plus(after), e));
    }

    static Duration m(int minutes) {
        return Duration.ofMinutes(minutes);
    }

    static Duration ms(int minutes, int seconds) {
        return Duration.ofMinutes(minutes).plusSeconds(seconds);
    }

    Debrief fixture() {
        Situation s = Situation.empty();
        long seq = 0;
        for (Event e : HeyiScenario.loadDefault().inventory()) {
            s = s.apply(new Recorded(++seq, T0.minus(m(60)), e));
        }
        before = s;
        // an AI alert, confirmed after 90 s into case C-1; a unit sent, accepting, on site, reporting; the case closed
        at(m(0), new Event.AiAlertRaised(D + ":alert", "CAM-0095", "树木倒伏", null, 0.9, List.of()));
        at(ms(1, 30), new Event.IncidentOpened("C-1", "树木倒伏", "树木倒伏", Incident.Source.AI, Incident.Severity.HIGH,
                IncidentState.REGISTERED, AT, null, D + ":alert"));
        at(ms(1, 30), new Event.AiAlertReviewed(D + ":alert", AiAlert.Review.ACCEPTED, "C-1", null, null));
        at(m(4), new Event.OrderIssued("ZL-1", "C-1", "GW-001", "处置", null, DispatchOrder.Issuer.CENTER, true));
        at(m(5), step("ZL-1", OrderState.ACCEPTED));
        at(m(6), step("ZL-1", OrderState.EN_ROUTE));
        at(m(17), step("ZL-1", OrderState.ON_SITE));
        at(m(18), step("ZL-1", OrderState.WORKING));
        at(m(40), step("ZL-1", OrderState.REPORTED));
        at(m(45), new Event.IncidentAdvanced("C-1", IncidentState.CHECKING, null));
        at(m(50), new Event.IncidentAdvanced("C-1", IncidentState.CLOSED, null));
        // the line case, opened by the drill at 10 min: dispatched 7 min later, no unit ever on site
        at(m(10), new Event.IncidentOpened(D + ":line", "压线", "电力", Incident.Source.GRID_WORKER,
                Incident.Severity.CRITICAL, IncidentState.REGISTERED, AT, null, null));
        at(m(17), new Event.OrderIssued("ZL-2", D + ":line", "GW-002", "处置", null, DispatchOrder.Issuer.CENTER, true));
        at(m(19), step("ZL-2", OrderState.ACCEPTED));
        // an outage of 30 buildings: 9, then 21 (70 %), then all with power; the network all back at 3 h
        at(m(20), new Event.OutageReported(D + ":out", "110106016008", "断线", 30, 1800));
        at(m(80), new Event.OutageRestored(D + ":out", 9, 0));
        at(m(140), new Event.OutageRestored(D + ":out", 21, 9));
        at(m(170), new Event.OutageRestored(D + ":out", 30, 21));
        at(m(200), new Event.OutageRestored(D + ":out", 30, 30));
        // three calls of a surge at 20, 25 and 32 min; the first two handled after 2 and 15 min, the third never
        call(m(20), "0001");
        at(m(22), new Event.ComplaintAdvanced(D + ":calls-0001", ComplaintState.DISPATCHED));
        call(m(25), "0002");
        call(m(32), "0003");
        at(m(40), new Event.ComplaintAdvanced(D + ":calls-0002", ComplaintState.ANSWERED_DIRECT));
        // a live case in the same range is not the drill's
        at(m(30), new Event.IncidentOpened("C-live", "垃圾", "垃圾", Incident.Source.GRID_WORKER, Incident.Severity.LOW,
                IncidentState.REGISTERED, AT, null, null));
        range.sort((a, b) -> a.time().compareTo(b.time()));
        List<Recorded> numbered = new ArrayList<>();
        for (Recorded r : range) {
            numbered.add(new Recorded(before.seq() + numbered.size() + 1, r.time(), r.event()));
        }
        Plan plan = new Plan(D, "测试演练", List.of(
                new Plan.Objective("O1", "告警确认", "2分钟"),
                new Plan.Objective("O2", "压线派遣", "5分钟内派遣，15分钟内到场"),
                new Plan.Objective("O3", "恢复", "4小时"),
                new Plan.Objective("O4", "诉求", "30分钟"),
                new Plan.Objective("O5", "无预期动作", "—")), List.of(
                new Plan.Expectation("tree", "倒树", Action.alertConfirmed, D + ":alert", m(2), "", "O1", T0),
                new Plan.Expectation("line", "压线", Action.caseDispatched, D + ":line", m(5), "", "O2", T0.plus(m(10))),
                new Plan.Expectation("line", "压线", Action.unitOnScene, D + ":line", m(15), "", "O2", T0.plus(m(10))),
                new Plan.Expectation("outage", "停电", Action.outageRestored, D + ":out", m(240), "", "O3", T0.plus(m(20))),
                new Plan.Expectation("surge", "诉求", Action.complaintHandled, D + ":calls", m(30), "", "O4",
                        T0.plus(m(20))),
                new Plan.Expectation("late", "未触发", Action.caseClosed, D + ":never", m(5), "", null, null)));
        return Debrief.of(before, numbered, plan, Targets.defaults());
    }

    void call(Duration after, String n) {
        at(after, new Event.ComplaintReceived(D + ":calls-" + n, Complaint.Channel.PHONE, Complaint.Type.HELP, "停电",
                Complaint.Priority.URGENT, AT, "停电", false));
    }

    static Event step(String order, OrderState state) {
        return new Event.OrderAdvanced(order, state, "unit", null, state == OrderState.REPORTED ? "已处置" : null,
                null);
    }

    @Test
    void eachExpectedActionIsMetLateOrMissedWithItsTime() {
        Debrief d = fixture();
        assertThat(d.actions()).extracting(Debrief.ActionResult::outcome).containsExactly(Outcome.MET, Outcome.LATE,
                Outcome.MISSED, Outcome.MET, Outcome.MISSED, Outcome.NOT_FIRED);
        assertThat(d.actions()).extracting(Debrief.ActionResult::took).containsExactly(ms(1, 30), m(7), null,
                m(180), null, null);
        Debrief.ActionResult surge = d.actions().get(4);
        assertThat(surge.of()).isEqualTo(3);
        assertThat(surge.inTime()).isEqualTo(2);
    }

    @Test
    void objectivesAreRatedFromTheirActions() {
        Debrief d = fixture();
        assertThat(d.ratings()).extracting(Rating::grade).containsExactly(Grade.DONE, Grade.NOT_DONE, Grade.DONE,
                Grade.NOT_DONE, null);
        assertThat(d.ratings().get(1).reason()).contains("超过限时5分钟").contains("记录内未完成");
        assertThat(d.ratings().get(4).reason()).startsWith("未评定");
    }

    @Test
    void anObjectiveWhoseInjectsNeverFiredIsNotRated() {
        Debrief d = fixture();
        Plan.Expectation x = d.plan().expectations().get(5); // its inject never fired in the fixture
        Plan.Expectation neverFired = new Plan.Expectation(x.injectId(), x.injectTitle(), x.action(), x.subject(),
                x.within(), x.text(), "O9", x.from());
        Plan only = new Plan(D, "x", List.of(new Plan.Objective("O9", "未到的注入", "—")), List.of(neverFired));
        Debrief early = Debrief.of(before, rangeOf(d), only, Targets.defaults());
        assertThat(early.actions()).extracting(Debrief.ActionResult::outcome).containsExactly(Outcome.NOT_FIRED);
        assertThat(early.ratings().get(0).grade()).isNull();
        assertThat(early.ratings().get(0).reason()).startsWith("未演练");
    }

    @Test
    void aLateActionWithinHalfItsLimitAgainIsMostlyDone() {
        Debrief d = fixture();
        Plan only = new Plan(D, "x", List.of(new Plan.Objective("O2", "压线派遣", "5分钟")),
                List.of(d.plan().expectations().get(1)));
        Debrief late = Debrief.of(before, rangeOf(d), only, Targets.defaults());
        assertThat(late.ratings().get(0).grade()).isEqualTo(Grade.MOSTLY_DONE);
    }

    List<Recorded> rangeOf(Debrief d) {
        List<Recorded> numbered = new ArrayList<>();
        range.stream().sorted((a, b) -> a.time().compareTo(b.time()))
                .forEach(r -> numbered.add(new Recorded(before.seq() + numbered.size() + 1, r.time(), r.event())));
        return numbered;
    }

    @Test
    void eachCaseHasItsStepsAndTheirSpreadAgainstTargets() {
        Debrief d = fixture();
        assertThat(d.cases()).extracting(Debrief.CaseTimes::id).containsExactly("C-1", D + ":line");
        Debrief.CaseTimes c1 = d.cases().get(0);
        assertThat(c1.interval(Stage.CONFIRMED)).isEqualTo(ms(1, 30));
        assertThat(c1.interval(Stage.DISPATCHED)).isEqualTo(ms(2, 30));
        assertThat(c1.interval(Stage.ACCEPTED)).isEqualTo(m(1));
        assertThat(c1.interval(Stage.ON_SITE)).isEqualTo(m(12));
        assertThat(c1.interval(Stage.CLOSED)).isEqualTo(m(33));
        assertThat(c1.confirmedAhead()).isFalse();
        assertThat(c1.units()).isEqualTo(before.units().get("GW-001").name());
        Debrief.CaseTimes line = d.cases().get(1);
        // opened already registered by the drill: its 确认 was no one's, left out rather than counted as 0 s
        assertThat(line.confirmedAhead()).isTrue();
        assertThat(line.interval(Stage.CONFIRMED)).isNull();
        assertThat(line.interval(Stage.DISPATCHED)).isEqualTo(m(7));
        assertThat(line.interval(Stage.ACCEPTED)).isEqualTo(m(2));
        assertThat(line.interval(Stage.ON_SITE)).isNull();

        // 报警→确认: C-1 alone (1m30s), held to the script's 2 min for its alert (met)
        Debrief.StageSpread confirm = d.stages().get(0);
        assertThat(confirm.spread()).isEqualTo(new Spread(1, ms(1, 30), ms(1, 30), ms(1, 30)));
        assertThat(confirm.scriptLimits()).containsExactly(m(2));
        assertThat(confirm.scripted()).isEqualTo(1);
        assertThat(confirm.inTarget()).isEqualTo(1);
        Debrief.StageSpread dispatch = d.stages().get(1);
        assertThat(dispatch.stage()).isEqualTo(Stage.DISPATCHED);
        // 2m30s and 7m: the median by nearest rank is the first, p90 the second
        assertThat(dispatch.spread()).isEqualTo(new Spread(2, ms(2, 30), m(7), m(7)));
        assertThat(dispatch.target()).isEqualTo(m(30));
        // C-1 against the standing 30 min (2m30s: in); the line case against its script's 5 min from the inject
        // (opened 08:10, dispatched 08:17: 7 min, out) — not the standing 30 min it would meet
        assertThat(dispatch.scriptLimits()).containsExactly(m(5));
        assertThat(dispatch.scripted()).isEqualTo(1);
        assertThat(dispatch.inTarget()).isEqualTo(1);
        Debrief.StageSpread accept = d.stages().get(2);
        assertThat(accept.spread().p90()).isEqualTo(m(2));
        assertThat(accept.inTarget()).isEqualTo(2);
        assertThat(d.stages().get(3).inTarget()).isEqualTo(1);

        assertThat(d.units()).extracting(Debrief.UnitTimes::unitId).containsExactly("GW-001", "GW-002");
        assertThat(d.units().get(0).accept().p50()).isEqualTo(m(1));
        assertThat(d.units().get(0).arrive().p50()).isEqualTo(m(12));
        assertThat(d.units().get(0).work().p50()).isEqualTo(m(23));
    }

    @Test
    void theRestorationCurveIsTheShareOfBuildingsBack() {
        Debrief.OutageCurve o = fixture().outages().get(0);
        assertThat(o.points()).extracting(Debrief.OutageCurve.Point::powerPct).containsExactly(0.0, 30.0, 70.0, 100.0,
                100.0);
        assertThat(o.points()).extracting(Debrief.OutageCurve.Point::networkPct).containsExactly(0.0, 0.0, 30.0, 70.0,
                100.0);
        assertThat(o.powerTo(70)).isEqualTo(m(120));
        assertThat(o.powerTo(100)).isEqualTo(m(150));
        assertThat(o.whole()).isEqualTo(m(180));
    }

    @Test
    void theCallsAreCountedPerTenMinutesWithTheirBacklog() {
        Debrief.Calls c = fixture().calls();
        assertThat(c.received()).isEqualTo(3);
        assertThat(c.handled()).isEqualTo(2);
        assertThat(c.waits()).isEqualTo(new Spread(2, m(2), m(15), m(15)));
        assertThat(c.absorbedAt()).isNull();
        // bins from 08:20: [20,30) 2 in, 1 handled; [30,40) 1 in; [40,50) 1 handled; then none
        assertThat(c.bins().get(0)).isEqualTo(new Debrief.Calls.Bin(T0.plus(m(20)), 2, 1, 1));
        assertThat(c.bins().get(1)).isEqualTo(new Debrief.Calls.Bin(T0.plus(m(30)), 1, 0, 2));
        assertThat(c.bins().get(2)).isEqualTo(new Debrief.Calls.Bin(T0.plus(m(40)), 0, 1, 1));
        assertThat(c.peakBacklog()).isEqualTo(2);
    }

    @Test
    void withoutADrillWhatStartedInTheRangeCounts() {
        fixture();
        Debrief d = Debrief.of(before, rangeOf(null), Plan.none(), Targets.defaults());
        assertThat(d.cases()).extracting(Debrief.CaseTimes::id).containsExactly("C-1", D + ":line", "C-live");
        assertThat(d.actions()).isEmpty();
        assertThat(d.ratings()).isEmpty();
    }
}

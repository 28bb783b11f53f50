package org.shanzhi.cockpit.wall.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.Recommendations.RecommendedUnit;
import org.shanzhi.cockpit.domain.DispatchBoard;
import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.domain.Whistle;

/** What the incident screen shows of a case, computed without JavaFX. */
class CaseFileTest {

    static final Instant T = Instant.parse("2026-05-30T12:00:00Z");
    /** About 90 m east of the case: the second unit in reach. */
    static final GeoPoint NEAR = new GeoPoint(Fixtures.WEST.lon() + 0.00105, Fixtures.WEST.lat());

    Situation s = Fixtures.district();

    CaseFileTest at(Instant t, Event... events) {
        for (Event e : events) {
            s = s.apply(new Recorded(s.seq() + 1, t, e));
        }
        return this;
    }

    /**
     * Case INC-1 at the west gate, opened from an AI alert of CAM-1, waiting for dispatch; U-1 at the gate and U-3
     * free 90 m away, both having just reported where they are.
     */
    CaseFileTest aCase() {
        return at(T, new Event.UnitMoved("U-1", Fixtures.WEST, 0), new Event.UnitRegistered(new FieldUnit("U-3", "巡查三", FieldUnit.Role.GRID_WORKER, UnitStatus.AVL,
                        NEAR, 0, null, null, false)),
                new Event.AiAlertRaised("AL-1", "CAM-1", "占道经营", null, 0.91,
                        List.of(new AiAlert.Box(0.2, 0.3, 0.2, 0.3, "摊位"))),
                new Event.IncidentOpened("INC-1", "占道经营", "违建与市容", Incident.Source.AI, Incident.Severity.HIGH,
                        null, Fixtures.WEST, T.plusSeconds(4 * 3600), "AL-1"),
                new Event.IncidentAdvanced("INC-1", IncidentState.REGISTERED, null),
                new Event.IncidentAdvanced("INC-1", IncidentState.PENDING_DISPATCH, null));
    }

    @Test
    void aCaseWaitingForDispatchOffersTheNearestFreeUnitsAndShowsWhereItCameFrom() {
        aCase();
        CaseFile f = CaseFile.of(s, "INC-1", T.plusSeconds(60), DispatchOrder.Timing.defaults());

        assertThat(f.incident().id()).isEqualTo("INC-1");
        assertThat(f.community()).isEqualTo("西社区");
        assertThat(f.sla()).isEqualTo(Kpi.Sla.OK);
        assertThat(f.toDeadline()).hasSeconds(4 * 3600 - 60);
        assertThat(f.recommended()).extracting(RecommendedUnit::id).containsExactly("U-1", "U-3");
        assertThat(f.orders()).isEmpty();
        assertThat(f.takesOrders()).isTrue();
        assertThat(f.alert().boxes()).hasSize(1);
        assertThat(f.cameras()).extracting(c -> c.id()).containsExactly("CAM-1");
        assertThat(f.timeline()).extracting(CaseFile.Moment::kind)
                .containsExactly(CaseFile.MomentKind.ALERT, CaseFile.MomentKind.OPENED, CaseFile.MomentKind.CASE_STATE);
        assertThat(CaseFile.of(s, "NO-SUCH", T, DispatchOrder.Timing.defaults())).isNull();
    }

    @Test
    void anOrderTellsTheSeatWhenThePhoneKeepsItWaitingAndOffersTheNextUnit() {
        aCase().at(T.plusSeconds(10), new Event.OrderIssued("ZL-1", "INC-1", "U-1", "前往处置：占道经营",
                Incident.Severity.CRITICAL, DispatchOrder.Issuer.CENTER, false));

        CaseFile sent = CaseFile.of(s, "INC-1", T.plusSeconds(20), DispatchOrder.Timing.defaults());
        CaseFile.OrderLine line = sent.orders().get(0);
        assertThat(line.order().state()).isEqualTo(OrderState.SENT);
        assertThat(line.unitName()).isEqualTo("网格员一");
        assertThat(line.lateness()).isEqualTo(DispatchOrder.Lateness.ON_TIME);
        assertThat(line.replacement()).isNull();
        // U-1 is on the order now: only U-3 is offered to add
        assertThat(sent.recommended()).extracting(RecommendedUnit::id).containsExactly("U-3");

        assertThat(CaseFile.of(s, "INC-1", T.plusSeconds(41), DispatchOrder.Timing.defaults()).orders().get(0).lateness())
                .isEqualTo(DispatchOrder.Lateness.NOT_DELIVERED);

        at(T.plusSeconds(45), new Event.OrderAdvanced("ZL-1", OrderState.DELIVERED, "U-1", null, null, null));
        CaseFile waiting = CaseFile.of(s, "INC-1", T.plusSeconds(10 + 121), DispatchOrder.Timing.defaults());
        assertThat(waiting.orders().get(0).lateness()).isEqualTo(DispatchOrder.Lateness.NOT_ACCEPTED);
        assertThat(waiting.orders().get(0).replacement().id()).isEqualTo("U-3");

        at(T.plusSeconds(150), new Event.OrderAdvanced("ZL-1", OrderState.ACCEPTED, "U-1", null, null, null),
                new Event.InstructionIssued("PS-1", "INC-1", DispatchOrder.Issuer.DISTRICT, "注意安全"));
        CaseFile accepted = CaseFile.of(s, "INC-1", T.plusSeconds(400), DispatchOrder.Timing.defaults());
        assertThat(accepted.orders().get(0).lateness()).isEqualTo(DispatchOrder.Lateness.ON_TIME);
        assertThat(accepted.orders().get(0).replacement()).isNull();
        assertThat(accepted.timeline()).filteredOn(m -> m.kind() == CaseFile.MomentKind.ORDER_STEP)
                .extracting(CaseFile.Moment::state, CaseFile.Moment::by)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OrderState.SENT, "center"),
                        org.assertj.core.groups.Tuple.tuple(OrderState.DELIVERED, "U-1"),
                        org.assertj.core.groups.Tuple.tuple(OrderState.ACCEPTED, "U-1"));
        assertThat(accepted.timeline()).filteredOn(m -> m.kind() == CaseFile.MomentKind.INSTRUCTION)
                .extracting(CaseFile.Moment::subject).containsExactly("注意安全");
        assertThat(CaseFile.reassignable(accepted.orders().get(0).order())).isTrue();
        assertThat(CaseFile.cancellable(accepted.orders().get(0).order())).isTrue();
    }

    @Test
    void the12345OrdersJoinedToTheCaseComeFirstThenThoseOfItsCategoryWithin200MetresThatMayJoin() {
        aCase().at(T.plusSeconds(30),
                new Event.ComplaintReceived("C-1", Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "违建与市容",
                        Complaint.Priority.NORMAL, NEAR, "商户占道经营", false),
                new Event.ComplaintReceived("C-2", Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "噪声扰民",
                        Complaint.Priority.NORMAL, NEAR, "商户外放音乐", false),
                new Event.ComplaintReceived("C-3", Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "违建与市容",
                        Complaint.Priority.NORMAL, Fixtures.EAST, "游商聚集", false),
                new Event.ComplaintReceived("C-4", Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "违建与市容",
                        Complaint.Priority.NORMAL, Fixtures.EAST, "门前占道", false),
                new Event.ComplaintLinked("C-4", "INC-1"));

        assertThat(CaseFile.of(s, "INC-1", T.plusSeconds(60), DispatchOrder.Timing.defaults()).complaints())
                .extracting(l -> l.complaint().orderNo(), CaseFile.ComplaintLine::joined)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("C-4", true),
                        org.assertj.core.groups.Tuple.tuple("C-1", false));
    }

    @Test
    void aWhistleOnTheCaseCountsTheDepartmentsOnSiteWithinHalfAnHour() {
        aCase().at(T, new Event.WhistleBlown("W-1", Whistle.Kind.ENFORCEMENT, "占道经营反复", List.of("城管", "市场监管"),
                        "INC-1"))
                .at(T.plusSeconds(20 * 60), new Event.WhistleArrived("W-1", "城管"))
                .at(T.plusSeconds(40 * 60), new Event.WhistleArrived("W-1", "市场监管"));

        CaseFile.WhistleLine w = CaseFile.of(s, "INC-1", T.plusSeconds(3600), DispatchOrder.Timing.defaults()).whistles().get(0);
        assertThat(w.summoned()).isEqualTo(2);
        assertThat(w.arrived()).isEqualTo(2);
        assertThat(w.onTime()).isEqualTo(1);
    }

    @Test
    void withNothingChosenTheMostSevereCaseIsShownThenAnOverdueOneThenOneWithOrdersGoingRound() {
        aCase().at(T, new Event.IncidentOpened("INC-2", "井盖缺失", "市政设施", Incident.Source.INSPECTOR,
                Incident.Severity.HIGH, null, Fixtures.EAST, null, null));
        // two 紧急 cases: the older first, then the one with an order going round
        assertThat(CaseFile.mostUrgent(s, T)).isEqualTo("INC-1");
        at(T.plusSeconds(5), new Event.OrderIssued("ZL-1", "INC-2", "U-1", "前往处置", null,
                DispatchOrder.Issuer.CENTER, false));
        assertThat(CaseFile.mostUrgent(s, T.plusSeconds(5))).isEqualTo("INC-2");
        // an overdue 一般 case (its deadline a minute after it opened) does not take the place of a 特急 one
        at(T.plusSeconds(10), new Event.IncidentOpened("INC-3", "路灯不亮", "市政设施", Incident.Source.INSPECTOR,
                Incident.Severity.LOW, null, Fixtures.EAST, T.plusSeconds(70), null));
        at(T.plusSeconds(20), new Event.IncidentOpened("INC-4", "燃气泄漏", "燃气", Incident.Source.SENSOR,
                Incident.Severity.CRITICAL, null, Fixtures.EAST, T.plusSeconds(20 + 3600), null));
        Instant later = T.plusSeconds(600);
        assertThat(DispatchBoard.dispatchBoard(s, later, DispatchBoard.CaseFilter.OPEN).get(0).id())
                .as("the board lists the overdue case first").isEqualTo("INC-3");
        assertThat(CaseFile.mostUrgent(s, later)).isEqualTo("INC-4");
    }
}

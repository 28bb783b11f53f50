package org.shanzhi.cockpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shanzhi.cockpit.domain.Fixtures.WEST;
import static org.shanzhi.cockpit.domain.Fixtures.district;
import static org.shanzhi.cockpit.domain.Fixtures.with;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event.IncidentAdvanced;
import org.shanzhi.cockpit.domain.Event.IncidentOpened;
import org.shanzhi.cockpit.domain.Event.InstructionIssued;
import org.shanzhi.cockpit.domain.Event.OrderAdvanced;
import org.shanzhi.cockpit.domain.Event.OrderIssued;
import org.shanzhi.cockpit.domain.Event.UnitStatusChanged;

class OrderTest {

    /** A registered case INC-1 with U-1 free (AVL) and U-2 on duty (AVL). */
    private static Situation caseWaiting() {
        return with(district(),
                new IncidentOpened("INC-1", "占道经营", "占道经营", Incident.Source.GRID_WORKER, Incident.Severity.HIGH,
                        IncidentState.REGISTERED, WEST, null, null),
                new UnitStatusChanged("U-2", UnitStatus.AVL));
    }

    private static OrderIssued issue(String orderId, String unitId, boolean override) {
        return new OrderIssued(orderId, "INC-1", unitId, "清理占道摊位", null, DispatchOrder.Issuer.CENTER, override);
    }

    private static OrderAdvanced by(String orderId, OrderState state, String who) {
        return new OrderAdvanced(orderId, state, who, null, null, List.of());
    }

    @Test
    void anOrderGoesRoundAndTheUnitAndTheCaseFollow() {
        Situation s = with(caseWaiting(), issue("ZL-1", "U-1", false));
        DispatchOrder o = s.orders().get("ZL-1");
        assertThat(o.state()).isEqualTo(OrderState.SENT);
        assertThat(o.priority()).as("the case's severity when none is given").isEqualTo(Incident.Severity.HIGH);
        assertThat(s.incidents().get("INC-1").state()).isEqualTo(IncidentState.DISPATCHED);
        assertThat(s.incidents().get("INC-1").orderIds()).containsExactly("ZL-1");
        assertThat(s.units().get("U-1").status()).isEqualTo(UnitStatus.ASG);

        s = with(s, by("ZL-1", OrderState.DELIVERED, "U-1"), by("ZL-1", OrderState.ACCEPTED, "U-1"),
                by("ZL-1", OrderState.EN_ROUTE, "U-1"), by("ZL-1", OrderState.ON_SITE, "U-1"));
        assertThat(s.units().get("U-1").status()).isEqualTo(UnitStatus.ONS);
        assertThat(s.incidents().get("INC-1").state()).isEqualTo(IncidentState.DISPATCHED);

        s = with(s, by("ZL-1", OrderState.WORKING, "U-1"));
        assertThat(s.incidents().get("INC-1").state()).isEqualTo(IncidentState.IN_PROGRESS);
        assertThat(s.units().get("U-1").status()).isEqualTo(UnitStatus.WRK);

        s = with(s, new OrderAdvanced("ZL-1", OrderState.REPORTED, "U-1", null, "摊位已清理", List.of("P-1")));
        o = s.orders().get("ZL-1");
        assertThat(o.state()).isEqualTo(OrderState.REPORTED);
        assertThat(o.note()).isEqualTo("摊位已清理");
        assertThat(o.photos()).containsExactly("P-1");
        assertThat(o.steps()).extracting(DispatchOrder.Step::state).containsExactly(OrderState.SENT, OrderState.DELIVERED,
                OrderState.ACCEPTED, OrderState.EN_ROUTE, OrderState.ON_SITE, OrderState.WORKING, OrderState.REPORTED);
        assertThat(o.steps().get(1).by()).isEqualTo("U-1");
        assertThat(o.steps().get(0).by()).isEqualTo("center");
        assertThat(s.units().get("U-1").status()).as("free again after the report").isEqualTo(UnitStatus.AVL);
        assertThat(s.units().get("U-1").incidentId()).isNull();
        assertThat(s.incidents().get("INC-1").state()).isEqualTo(IncidentState.DISPOSED);
    }

    @Test
    void aDeclineNeedsAReasonFreesTheUnitAndTheCaseWaitsAgain() {
        Situation s = with(caseWaiting(), issue("ZL-1", "U-1", false));
        Situation sent = s;
        assertThatThrownBy(() -> with(sent, by("ZL-1", OrderState.DECLINED, "U-1")))
                .isInstanceOf(Rejection.class).extracting("field").isEqualTo("payload.reason");
        s = with(s, new OrderAdvanced("ZL-1", OrderState.DECLINED, "U-1", "正在处理另一起纠纷", null, List.of()));
        assertThat(s.orders().get("ZL-1").reason()).isEqualTo("正在处理另一起纠纷");
        assertThat(s.units().get("U-1").status()).isEqualTo(UnitStatus.AVL);
        assertThat(s.incidents().get("INC-1").state()).isEqualTo(IncidentState.PENDING_DISPATCH);
    }

    @Test
    void aReassignedOrderHandsTheCaseToTheNextUnitInOneBatch() {
        Situation s = with(caseWaiting(), issue("ZL-1", "U-1", false));
        s = with(s, by("ZL-1", OrderState.REASSIGNED, "center"), issue("ZL-2", "U-2", false));
        assertThat(s.orders().get("ZL-1").state()).isEqualTo(OrderState.REASSIGNED);
        assertThat(s.units().get("U-1").status()).isEqualTo(UnitStatus.AVL);
        assertThat(s.units().get("U-2").status()).isEqualTo(UnitStatus.ASG);
        assertThat(s.incidents().get("INC-1").state()).isEqualTo(IncidentState.DISPATCHED);
        assertThat(s.incidents().get("INC-1").unitId()).isEqualTo("U-2");
    }

    @Test
    void aSecondUnitJoinsAndTheCaseIsDisposedWhenTheLastOneReports() {
        Situation s = with(caseWaiting(), issue("ZL-1", "U-1", false), issue("ZL-2", "U-2", false));
        assertThat(s.incidents().get("INC-1").orderIds()).containsExactly("ZL-1", "ZL-2");
        for (String id : List.of("ZL-1", "ZL-2")) {
            String unit = id.equals("ZL-1") ? "U-1" : "U-2";
            s = with(s, by(id, OrderState.ACCEPTED, unit), by(id, OrderState.EN_ROUTE, unit),
                    by(id, OrderState.ON_SITE, unit), by(id, OrderState.WORKING, unit));
        }
        s = with(s, new OrderAdvanced("ZL-1", OrderState.REPORTED, "U-1", null, "已疏导", List.of()));
        assertThat(s.incidents().get("INC-1").state()).isEqualTo(IncidentState.IN_PROGRESS);
        s = with(s, new OrderAdvanced("ZL-2", OrderState.REPORTED, "U-2", null, "已清理", List.of()));
        assertThat(s.incidents().get("INC-1").state()).isEqualTo(IncidentState.DISPOSED);
    }

    @Test
    void aBusyUnitIsRefusedUnlessALeaderOverridesWhichEndsItsOtherOrder() {
        Situation s = with(caseWaiting(), issue("ZL-1", "U-1", false),
                new IncidentOpened("INC-2", "井盖缺失", "井盖", Incident.Source.INSPECTOR, Incident.Severity.CRITICAL,
                        IncidentState.REGISTERED, WEST, null, null));
        Situation busy = s;
        OrderIssued second = new OrderIssued("ZL-2", "INC-2", "U-1", "设置警示", null, DispatchOrder.Issuer.CENTER, false);
        assertThatThrownBy(() -> with(busy, second))
                .isInstanceOf(Rejection.class)
                .hasMessageContaining("U-1").hasMessageContaining("override")
                .extracting("field").isEqualTo("payload.unitId");

        s = with(s, new OrderIssued("ZL-2", "INC-2", "U-1", "设置警示", null, DispatchOrder.Issuer.CENTER, true));
        assertThat(s.orders().get("ZL-2").override()).isTrue();
        assertThat(s.orders().get("ZL-1").state()).isEqualTo(OrderState.CANCELLED);
        assertThat(s.incidents().get("INC-1").state()).as("its first case waits for another unit")
                .isEqualTo(IncidentState.PENDING_DISPATCH);
        assertThat(s.units().get("U-1").incidentId()).isEqualTo("INC-2");
        assertThat(s.units().get("U-1").status()).isEqualTo(UnitStatus.ASG);
    }

    @Test
    void aUnitOnAnOrderMovesOnlyThroughItAndTheOrderMovesOnlyOnItsWay() {
        Situation s = with(caseWaiting(), issue("ZL-1", "U-1", false));
        Situation sent = s;
        assertThatThrownBy(() -> with(sent, new UnitStatusChanged("U-1", UnitStatus.AVL)))
                .isInstanceOf(Rejection.class).hasMessageContaining("ZL-1");
        assertThatThrownBy(() -> with(sent, by("ZL-1", OrderState.ON_SITE, "U-1")))
                .isInstanceOf(Rejection.class).extracting("field").isEqualTo("payload.state");
        assertThatThrownBy(() -> with(sent, issue("ZL-3", "U-1", true)))
                .as("the same unit twice on one case").isInstanceOf(Rejection.class).hasMessageContaining("already");
        s = with(s, by("ZL-1", OrderState.CANCELLED, "center"));
        Situation cancelled = s;
        assertThatThrownBy(() -> with(cancelled, by("ZL-1", OrderState.ACCEPTED, "U-1")))
                .isInstanceOf(Rejection.class).hasMessageContaining("terminal");
    }

    @Test
    void noOrderOnAClosedCase() {
        Situation s = with(caseWaiting(), new IncidentAdvanced("INC-1", IncidentState.PENDING_DISPATCH, null));
        s = with(with(s, issue("ZL-1", "U-1", false)), by("ZL-1", OrderState.ACCEPTED, "U-1"),
                by("ZL-1", OrderState.EN_ROUTE, "U-1"), by("ZL-1", OrderState.ON_SITE, "U-1"),
                by("ZL-1", OrderState.WORKING, "U-1"),
                new OrderAdvanced("ZL-1", OrderState.REPORTED, "U-1", null, "ok", List.of()),
                new IncidentAdvanced("INC-1", IncidentState.CHECKING, null),
                new IncidentAdvanced("INC-1", IncidentState.CLOSED, null));
        Situation closed = s;
        assertThatThrownBy(() -> with(closed, issue("ZL-2", "U-2", false)))
                .isInstanceOf(Rejection.class).extracting("field").isEqualTo("payload.incidentId");
    }

    @Test
    void latenessFollowsTheTiming() {
        Situation s = with(caseWaiting(), issue("ZL-1", "U-1", false));
        DispatchOrder o = s.orders().get("ZL-1");
        DispatchOrder.Timing t = DispatchOrder.Timing.defaults();
        Instant sent = o.issuedAt();
        assertThat(o.lateness(sent.plusSeconds(29), t)).isEqualTo(DispatchOrder.Lateness.ON_TIME);
        assertThat(o.lateness(sent.plusSeconds(30), t)).isEqualTo(DispatchOrder.Lateness.NOT_DELIVERED);
        assertThat(o.lateness(sent.plus(Duration.ofMinutes(2)), t)).isEqualTo(DispatchOrder.Lateness.NOT_ACCEPTED);
        assertThat(o.lateness(sent.plus(Duration.ofMinutes(10)), t)).isEqualTo(DispatchOrder.Lateness.EXPIRED);
        DispatchOrder delivered = with(s, by("ZL-1", OrderState.DELIVERED, "U-1")).orders().get("ZL-1");
        assertThat(delivered.lateness(sent.plusSeconds(60), t)).isEqualTo(DispatchOrder.Lateness.ON_TIME);
        DispatchOrder accepted = with(s, by("ZL-1", OrderState.ACCEPTED, "U-1")).orders().get("ZL-1");
        assertThat(accepted.lateness(sent.plus(Duration.ofHours(1)), t)).isEqualTo(DispatchOrder.Lateness.ON_TIME);
    }

    @Test
    void aResendGivesThePhoneItsTimeAgainButNotTheUnitItsAccept() {
        Situation s = with(caseWaiting(), issue("ZL-1", "U-1", false));
        Instant sent = s.orders().get("ZL-1").issuedAt();
        DispatchOrder.Timing t = DispatchOrder.Timing.defaults();
        // Fixtures fold one event a minute: the resend is a minute after the order
        DispatchOrder resent = with(s, by("ZL-1", OrderState.SENT, "center")).orders().get("ZL-1");
        Instant again = resent.lastSent();
        assertThat(again).isEqualTo(sent.plusSeconds(60));
        assertThat(resent.steps()).extracting(DispatchOrder.Step::state).containsExactly(OrderState.SENT, OrderState.SENT);
        assertThat(resent.lateness(again.plusSeconds(29), t)).isEqualTo(DispatchOrder.Lateness.ON_TIME);
        assertThat(resent.lateness(again.plusSeconds(30), t)).isEqualTo(DispatchOrder.Lateness.NOT_DELIVERED);
        assertThat(resent.lateness(sent.plus(Duration.ofMinutes(2)), t)).isEqualTo(DispatchOrder.Lateness.NOT_ACCEPTED);
        Situation delivered = with(s, by("ZL-1", OrderState.DELIVERED, "U-1"));
        assertThatThrownBy(() -> with(delivered, by("ZL-1", OrderState.SENT, "center")))
                .isInstanceOf(Rejection.class).extracting("field").isEqualTo("payload.state");
    }

    @Test
    void anInstructionNamesItsSeatAndAKnownCase() {
        Situation s = with(caseWaiting(), new InstructionIssued("PS-1", "INC-1", DispatchOrder.Issuer.DISTRICT, "尽快处置，注意安全"));
        assertThat(s.instructions().get("PS-1").issuer()).isEqualTo(DispatchOrder.Issuer.DISTRICT);
        Situation before = s;
        assertThatThrownBy(() -> with(before, new InstructionIssued("PS-2", "INC-9", DispatchOrder.Issuer.CENTER, "x")))
                .isInstanceOf(Rejection.class).extracting("field").isEqualTo("payload.incidentId");
        assertThatThrownBy(() -> with(before, new InstructionIssued("PS-3", null, DispatchOrder.Issuer.CENTER, " ")))
                .isInstanceOf(Rejection.class).extracting("field").isEqualTo("payload.text");
    }
}

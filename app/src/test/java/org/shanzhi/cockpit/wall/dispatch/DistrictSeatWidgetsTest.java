package org.shanzhi.cockpit.wall.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.StormDay;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WidgetHarness;
import org.shanzhi.cockpit.wall.layout.WidgetType;

/** The district seat's orders column, 批示 box and incident screen fill their room with the day's real matters. */
class DistrictSeatWidgetsTest {

    static final Instant T = CaseFileTest.T; // 20:00 Beijing

    @BeforeAll
    static void fx() throws Exception {
        WidgetHarness.start();
    }

    /** INC-1 with ZL-1 (U-1) done at 20:10 and ZL-2 (U-3) signed for and still open. */
    static CaseFileTest twoOrders() {
        CaseFileTest day = new CaseFileTest().aCase();
        day.at(T.plusSeconds(10),
                new Event.OrderIssued("ZL-1", "INC-1", "U-1", "前往处置", Incident.Severity.HIGH,
                        DispatchOrder.Issuer.CENTER, false),
                new Event.OrderIssued("ZL-2", "INC-1", "U-3", "前往处置", Incident.Severity.HIGH,
                        DispatchOrder.Issuer.DISTRICT, false));
        day.at(T.plusSeconds(60), new Event.OrderAdvanced("ZL-2", OrderState.DELIVERED, "U-3", null, null, null),
                new Event.OrderAdvanced("ZL-2", OrderState.ACCEPTED, "U-3", null, null, null));
        for (OrderState step : new OrderState[] {OrderState.DELIVERED, OrderState.ACCEPTED, OrderState.EN_ROUTE,
                OrderState.ON_SITE, OrderState.WORKING, OrderState.REPORTED}) {
            day.at(T.plusSeconds(600), new Event.OrderAdvanced("ZL-1", step, "U-1", null,
                    step == OrderState.REPORTED ? "已处置" : null, null));
        }
        return day;
    }

    @Test
    void theOrdersColumnKeepsTheDaysEndedOrdersWithTheCaseDeadlineOfTheOpenOnes() {
        CaseFileTest day = twoOrders();
        // three hours on, still the same day in Beijing: both orders are on the board, the open one first
        var rows = OrdersWidget.rows(later(day, 3 * 3600), 40, DispatchOrder.Timing.defaults());

        assertThat(rows).extracting(OrdersWidget.Row::orderId).containsExactly("ZL-2", "ZL-1");
        assertThat(rows.get(0).deadline()).startsWith("案件时限 00:00 · 剩 ");
        assertThat(rows.get(1).deadline()).isEqualTo("结束 20:10 · 用时 9分钟");
        // past the case's deadline the open order says 超时 by how much
        var late = OrdersWidget.rows(later(day, 4 * 3600 + 1800), 40, DispatchOrder.Timing.defaults());
        assertThat(late.get(0).deadline()).isEqualTo("案件时限 00:00 · 超时 30分钟");
    }

    /** The day's situation {@code seconds} after 20:00, a unit having moved then. */
    static Situation later(CaseFileTest day, long seconds) {
        return day.at(T.plusSeconds(seconds), new Event.UnitMoved("U-3", CaseFileTest.NEAR, 0)).s;
    }

    @Test
    void theInstructionsBoxListsTheUrgentCasesWithoutAnInstructionAndEachInstructionsAnswer() {
        CaseFileTest day = twoOrders();
        assertThat(AttentionCases.lines(day.s, T.plusSeconds(700))).extracting(AttentionCases.Line::incidentId)
                .containsExactly("INC-1");

        day.at(T.plusSeconds(700), new Event.InstructionIssued("PS-1", "INC-1", DispatchOrder.Issuer.DISTRICT,
                "注意安全"));
        assertThat(AttentionCases.lines(day.s, T.plusSeconds(700))).isEmpty();
        assertThat(InstructionsWidget.answer(day.s, day.s.instructions().get("PS-1"))).startsWith("案件");
    }

    @Test
    void onTheStormEveningTheDistrictsInstructionsBoxShowsEveryUrgentCase() throws Exception {
        Situation storm = StormDay.evening();
        WidgetHarness.Sized at = WidgetHarness.shipped("district", "district", WidgetType.INSTRUCTIONS);
        InstructionsWidget w = WidgetHarness.mount(() -> new InstructionsWidget(at.placement(),
                new WallContext(() -> null, "test")), at.width(), at.height());
        WidgetHarness.show(w, storm);

        var expected = AttentionCases.lines(storm, storm.time());
        assertThat(expected).isNotEmpty();
        assertThat(w.attention().shown()).isEqualTo(expected);
        assertThat(w.node().lookupAll("." + AttentionCases.ROW)).hasSameSizeAs(expected);
    }

    @Test
    void aMatterWithDozensOf12345CallsStaysInsideItsSlotOnTheCommandScreen() throws Exception {
        fitsItsSlot("command");
    }

    @Test
    void theIncidentScreenStaysInsideTheDistrictSeatsShorterSlot() throws Exception {
        fitsItsSlot("district");
    }

    private static void fitsItsSlot(String layout) throws Exception {
        Situation storm = StormDay.evening();
        WidgetHarness.Sized at = WidgetHarness.shipped(layout, layout, WidgetType.INCIDENT);
        IncidentScreen screen = WidgetHarness.mount(() -> new IncidentScreen(new WallContext(() -> null, "test")),
                at.width(), at.height());
        WidgetHarness.show(screen, storm);

        assertThat(screen.file().complaints()).hasSizeGreaterThan(20);
        double min = WidgetHarness.fx(() -> ((javafx.scene.layout.Region) screen.node()).minHeight(at.width()));
        assertThat(min).as("the screen's least height in a slot %s high", at.height()).isLessThanOrEqualTo(at.height());
    }
}

package org.shanzhi.cockpit.wall.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.WidgetHarness;
import org.shanzhi.cockpit.wall.drill.DrillMark;

/** The incident screen follows a case's order round its states, says when the phone keeps the seat waiting. */
class IncidentScreenTest {

    @BeforeAll
    static void fx() throws Exception {
        WidgetHarness.start();
    }

    @AfterEach
    void chinese() {
        I18n.setLocale(I18n.DEFAULT);
    }

    CaseFileTest day = new CaseFileTest().aCase();
    IncidentScreen screen;

    void at(Instant t, Event... events) {
        Situation s = day.s;
        for (Event e : events) {
            s = s.apply(new Recorded(s.seq() + 1, t, e));
        }
        day.s = s;
    }

    /** A frame of the newest situation, {@code seconds} of wall time after it arrived. */
    void show(long seconds) throws Exception {
        Situation s = day.s;
        WidgetHarness.fx(() -> {
            screen.show(WallFrame.of(s, s.time(), null));
            screen.show(WallFrame.of(s, s.time().plusSeconds(seconds), null));
            Parent root = (Parent) screen.node();
            root.applyCss();
            root.layout();
            return null;
        });
    }

    Node order(String id) {
        return screen.node().lookup("#" + id);
    }

    static String stateOf(Node order) {
        return WidgetHarness.labelWith(order, OrdersSection.ORDER_STATE).getText();
    }

    static Labeled late(Node order) {
        return WidgetHarness.labelWith(order, OrdersSection.LATE);
    }

    static List<String> buttons(Node n) {
        return n.lookupAll("." + IncidentScreen.ACTION).stream().filter(Node::isVisible)
                .map(b -> ((Button) b).getText()).toList();
    }

    @Test
    void aDrillsCaseSaysSoBesideItsTitleAndALiveCaseDoesNot() throws Exception {
        screen = WidgetHarness.mount(() -> new IncidentScreen(new WallContext(() -> null, "snapshot")), 960, 1030);
        Instant t = day.s.time().plusSeconds(5);
        day.s = day.s.apply(new Recorded(day.s.seq() + 1, t, new Event.DrillStarted("YL-1", "内涝演练", null), "YL-1"));
        day.s = day.s.apply(new Recorded(day.s.seq() + 1, t, new Event.IncidentOpened("YL-1:case", "地道积水", "积水",
                Incident.Source.SENSOR, Incident.Severity.CRITICAL, null, Fixtures.WEST, null, null), "YL-1"));
        screen.open("INC-1");
        show(0);
        assertThat(WidgetHarness.labelWith(screen.node(), DrillMark.STYLE)).isNull();
        WidgetHarness.fx(() -> {
            screen.open("YL-1:case");
            return null;
        });
        show(0);
        assertThat(WidgetHarness.labelWith(screen.node(), DrillMark.STYLE).getText()).isEqualTo("演练");
        assertThat(WidgetHarness.texts(screen.node())).contains("地道积水");
    }

    @Test
    void anOrderGoesRoundItsStatesAndTheSeatIsToldWhenThePhoneIsLate() throws Exception {
        screen = WidgetHarness.mount(() -> new IncidentScreen(new WallContext(() -> null, "snapshot")), 960, 1030);
        screen.open("INC-1");
        show(0);
        List<String> texts = WidgetHarness.texts(screen.node());
        assertThat(texts).contains("案件指挥", "紧急", "占道经营", "待派遣", "违建与市容 · 西社区 · 来源 视频AI", "暂无指令",
                "网格员一 · 网格员 · 约 1 分钟 · 电动车", "未连接指挥平台,不能派遣");
        assertThat(texts).anyMatch(t -> t.startsWith("正常 · 距时限 4小时"));
        assertThat(texts).anyMatch(t -> t.startsWith("AI 告警 占道经营 · 置信度 91%"));
        assertThat(texts).contains("西门 · 在线", "网格员一 · 单兵图传", "吹哨报到");
        assertThat(screen.node().lookupAll("." + IncidentScreen.ACTION)).filteredOn(n -> ((Button) n).getText()
                .equals("吹哨报到")).allMatch(Node::isDisabled);

        Instant t0 = day.s.time().plusSeconds(5);
        at(t0, new Event.OrderIssued("ZL-9", "INC-1", "U-1", "前往处置：占道经营", Incident.Severity.CRITICAL,
                DispatchOrder.Issuer.CENTER, false));
        show(0);
        Node o = order("ZL-9");
        assertThat(stateOf(o)).isEqualTo("已派");
        assertThat(WidgetHarness.texts(o)).contains("ZL-9 · 网格员一", "网格员 · 优先级 特急 · 街道指挥中心 派出", "任务:前往处置：占道经营");
        assertThat(late(o)).isNull();
        assertThat(screen.map().unitsDrawn()).isEqualTo(2); // the unit on the order and the next recommended

        show(35); // the phone has not said it got it
        o = order("ZL-9");
        assertThat(late(o).getText()).isEqualTo("未送达 · 已等 35 秒,可重发或改派");
        assertThat(late(o).getStyleClass()).contains(Theme.WARNING);
        assertThat(buttons(o)).contains("重发").endsWith("撤回");
        show(36);
        assertThat(late(order("ZL-9")).getText()).isEqualTo("未送达 · 已等 36 秒,可重发或改派");
        // 重发: the wait for the phone's receipt starts again from the resend
        at(t0.plusSeconds(37), new Event.OrderAdvanced("ZL-9", OrderState.SENT, "center", null, null, null));
        show(0);
        assertThat(late(order("ZL-9"))).isNull();
        assertThat(buttons(order("ZL-9"))).doesNotContain("重发");

        at(t0.plusSeconds(40), new Event.OrderAdvanced("ZL-9", OrderState.DELIVERED, "U-1", null, null, null));
        show(0);
        assertThat(stateOf(order("ZL-9"))).isEqualTo("已送达");
        assertThat(late(order("ZL-9"))).isNull();

        show(85); // two minutes after it was sent, still not accepted: the next unit is offered
        o = order("ZL-9");
        assertThat(late(o).getText()).isEqualTo("未签收 · 已等 2 分 5 秒,建议改派或加派");
        assertThat(late(o).getStyleClass()).contains(Theme.CRITICAL);
        assertThat(buttons(o)).containsExactly("改派 巡查三", "加派 巡查三", "撤回");

        at(t0.plusSeconds(130), new Event.OrderAdvanced("ZL-9", OrderState.ACCEPTED, "U-1", null, null, null));
        show(0);
        assertThat(stateOf(order("ZL-9"))).isEqualTo("已签收");
        assertThat(late(order("ZL-9"))).isNull();
        for (OrderState next : List.of(OrderState.EN_ROUTE, OrderState.ON_SITE, OrderState.WORKING)) {
            at(day.s.time().plusSeconds(60), new Event.OrderAdvanced("ZL-9", next, "U-1", null, null, null));
            show(0);
            assertThat(stateOf(order("ZL-9"))).isEqualTo(StateStyleWords.of(next));
        }
        at(day.s.time().plusSeconds(60), new Event.OrderAdvanced("ZL-9", OrderState.REPORTED, "U-1", null, "已劝离", null));
        show(0);
        o = order("ZL-9");
        assertThat(stateOf(o)).isEqualTo("已反馈");
        assertThat(WidgetHarness.texts(o)).contains("反馈:已劝离");
        assertThat(buttons(o)).isEmpty();
        // every step in the timeline, newest first, with who took it
        List<String> timeline = WidgetHarness.texts(screen.node());
        assertThat(timeline).containsSubsequence("指令 ZL-9 已反馈", "网格员一", "指令 ZL-9 在途", "网格员一",
                "指令 ZL-9 已签收", "网格员一", "指令 ZL-9 已送达", "网格员一", "指令 ZL-9 已派", "街道指挥中心");
        WidgetHarness.png(screen, Path.of("target", "incident", "incident-screen.png"));
    }

    @Test
    void the12345OrdersJoinedToTheCaseShowWhereTheyStandAndThoseNearbyMayJoin() throws Exception {
        screen = WidgetHarness.mount(() -> new IncidentScreen(new WallContext(() -> null, "snapshot")), 960, 1030);
        screen.open("INC-1");
        Instant t = day.s.time().plusSeconds(5);
        at(t, new Event.ComplaintReceived("C-1", Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "违建与市容",
                        Complaint.Priority.NORMAL, CaseFileTest.NEAR, "商户占道经营", false),
                new Event.ComplaintReceived("C-2", Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "违建与市容",
                        Complaint.Priority.NORMAL, CaseFileTest.NEAR, "门前堆物", false),
                new Event.ComplaintLinked("C-2", "INC-1"),
                new Event.ComplaintAdvanced("C-2", ComplaintState.DISPATCHED));
        show(0);
        Node joined = screen.node().lookup("#C-2");
        Node near = screen.node().lookup("#C-1");
        assertThat(WidgetHarness.texts(screen.node())).contains("12345 诉求 · 并案 1 件 · 附近同类 1 件");
        assertThat(WidgetHarness.texts(joined)).anyMatch(x -> x.endsWith("门前堆物 · 已并案 · 已派单"));
        assertThat(buttons(joined)).isEmpty();
        assertThat(WidgetHarness.texts(near)).anyMatch(x -> x.endsWith("商户占道经营 · 200 米内同类，未并案"));
        assertThat(buttons(near)).containsExactly("并案");
        assertThat(near.lookup("." + ComplaintsSection.JOIN).isDisabled()).isTrue(); // no hub to send it to
    }

    @Test
    void the12345OrdersReachTheFootOfTheColumnWhetherFewOrMore() throws Exception {
        screen = WidgetHarness.mount(() -> new IncidentScreen(new WallContext(() -> null, "snapshot")), 960, 1030);
        screen.open("INC-1");
        show(0);
        assertThat(blankUnderTheOrders()).isLessThan(24); // none: the map row takes the height they leave
        Instant t = day.s.time().plusSeconds(5);
        for (int i = 0; i < 40; i++) {
            at(t, new Event.ComplaintReceived("C-" + i, Complaint.Channel.PHONE, Complaint.Type.COMPLAINT,
                    "违建与市容", Complaint.Priority.NORMAL, CaseFileTest.NEAR, "门前堆物 " + i, false));
        }
        show(0);
        assertThat(blankUnderTheOrders()).isLessThan(24); // more than fit: they scroll down to the foot
    }

    /** The height between the bottom of the 12345 orders and the bottom of the screen's left column. */
    double blankUnderTheOrders() throws Exception {
        return WidgetHarness.fx(() -> {
            Node heading = screen.node().lookupAll("." + IncidentScreen.HEADING).stream()
                    .filter(n -> ((Labeled) n).getText().startsWith("12345")).findFirst().orElseThrow();
            Node orders = heading.getParent();
            Node scroll = orders;
            while (!(scroll instanceof ScrollPane)) {
                scroll = scroll.getParent();
            }
            Node column = scroll.getParent();
            // what shows of the orders: all of them, or down to the foot of their scroll
            double ordersBottom = Math.min(orders.localToScene(orders.getLayoutBounds()).getMaxY(),
                    scroll.localToScene(scroll.getLayoutBounds()).getMaxY());
            return column.localToScene(column.getLayoutBounds()).getMaxY() - ordersBottom;
        });
    }

    @Test
    void everyWordIsThereInEnglishToo() throws Exception {
        I18n.setLocale(java.util.Locale.ENGLISH);
        screen = WidgetHarness.mount(() -> new IncidentScreen(new WallContext(() -> null, "snapshot")), 960, 1030);
        screen.open("INC-1");
        at(day.s.time(), new Event.OrderIssued("ZL-9", "INC-1", "U-1", "go", null, DispatchOrder.Issuer.DISTRICT, false));
        show(45);
        assertThat(WidgetHarness.texts(screen.node())).contains("Incident command", "Sent",
                "Not delivered · waiting 45 s; may resend or reassign", "Body camera", "Blow the whistle");
    }

    /** The words of an order's state as the screen writes them. */
    static final class StateStyleWords {
        static String of(OrderState s) {
            return org.shanzhi.cockpit.wall.StateStyle.order(s).label();
        }
    }
}

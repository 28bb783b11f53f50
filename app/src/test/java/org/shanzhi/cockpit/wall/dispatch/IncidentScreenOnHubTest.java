package org.shanzhi.cockpit.wall.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.domain.Whistle;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.WallLinks;
import org.shanzhi.cockpit.wall.WidgetHarness;

/** One click on the incident screen sends the order with its task and priority to a real hub, and 撤回 takes it back. */
class IncidentScreenOnHubTest {

    @TempDir
    static Path data;
    static HubRuntime hub;

    @BeforeAll
    static void start() throws Exception {
        WidgetHarness.start();
        hub = HubRuntime.start(HubRuntime.Config.local(data));
        append(Fixtures.inventory());
        append(List.of(new Event.IncidentOpened("INC-H1", "井盖缺失", "市政设施", Incident.Source.INSPECTOR,
                        Incident.Severity.MEDIUM, IncidentState.REPORTED, Fixtures.WEST, null, null),
                new Event.IncidentAdvanced("INC-H1", IncidentState.REGISTERED, null),
                new Event.IncidentAdvanced("INC-H1", IncidentState.PENDING_DISPATCH, null)));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static void append(List<Event> events) {
        List<Hub.Pending> batch = new ArrayList<>();
        for (Event e : events) {
            batch.add(new Hub.Pending(hub.hub().clock().now(), e));
        }
        hub.hub().append(batch, Hub.Origin.system("test"));
    }

    IncidentScreen screen;

    void show() throws Exception {
        Situation s = hub.hub().situation();
        WidgetHarness.fx(() -> {
            screen.show(WallFrame.of(s, s.time(), null));
            ((Parent) screen.node()).applyCss();
            ((Parent) screen.node()).layout();
            return null;
        });
    }

    Button button(Node under, String text) throws Exception {
        return WidgetHarness.fx(() -> under.lookupAll("." + IncidentScreen.ACTION).stream()
                .map(n -> (Button) n).filter(b -> b.getText().equals(text)).findFirst().orElseThrow());
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneClickSendsTheOrderWithItsTaskAndPriorityAndTheScreenFollowsIt() throws Exception {
        WallContext context = new WallContext(() -> null, hub.baseUrl(), hub.tokens().tokenOf(Role.OPERATOR),
                "operator", new WallLinks());
        screen = WidgetHarness.mount(() -> new IncidentScreen(context), 960, 1030);
        screen.open("INC-H1");
        show();

        Node unit = screen.node().lookup("#U-1");
        assertThat(WidgetHarness.texts(unit)).contains("网格员一 · 网格员 · 约 1 分钟 · 电动车");
        Button dispatch = button(unit, "派遣");
        assertThat(dispatch.isDisabled()).isFalse();
        WidgetHarness.fx(() -> {
            ((TextField) screen.node().lookup(".incident-task")).setText("带上警示锥,先拍照");
            ((ChoiceBox<Incident.Severity>) screen.node().lookup(".choice-box")).setValue(Incident.Severity.CRITICAL);
            dispatch.fire();
            return null;
        });

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !hub.hub().situation().incidents().get("INC-H1").orderIds().isEmpty());
        String id = hub.hub().situation().incidents().get("INC-H1").orderIds().get(0);
        DispatchOrder sent = hub.hub().situation().orders().get(id);
        assertThat(sent.incidentId()).isEqualTo("INC-H1");
        assertThat(sent.unitId()).isEqualTo("U-1");
        assertThat(sent.task()).isEqualTo("带上警示锥,先拍照");
        assertThat(sent.priority()).isEqualTo(Incident.Severity.CRITICAL);
        assertThat(sent.issuer()).isEqualTo(DispatchOrder.Issuer.CENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> WidgetHarness.texts(screen.node()).contains("已派单 网格员一,等待送达"));

        show();
        Node order = screen.node().lookup("#" + sent.id());
        assertThat(WidgetHarness.labelWith(order, OrdersSection.ORDER_STATE).getText()).isEqualTo("已派");
        Button cancel = button(order, "撤回");
        WidgetHarness.fx(() -> {
            cancel.fire();
            return null;
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> hub.hub().situation().orders().get(sent.id()).state() == OrderState.CANCELLED);
        DispatchOrder.Step last = hub.hub().situation().orders().get(sent.id()).steps().get(1);
        assertThat(last.by()).isEqualTo("center");
        show();
        assertThat(WidgetHarness.labelWith(screen.node().lookup("#" + sent.id()), OrdersSection.ORDER_STATE).getText())
                .isEqualTo("撤回");
    }

    @Test
    void reassignHandsTheOrderToTheNextUnitOffered() throws Exception {
        append(List.of(new Event.UnitRegistered(new FieldUnit("U-5", "巡查五", FieldUnit.Role.GRID_WORKER,
                        UnitStatus.AVL, new GeoPoint(Fixtures.WEST.lon() + 0.002, Fixtures.WEST.lat()), 0, null, null, false)),
                new Event.IncidentOpened("INC-H2", "道路积水", "市政设施", Incident.Source.INSPECTOR,
                        Incident.Severity.HIGH, IncidentState.REPORTED, Fixtures.WEST, null, null),
                new Event.IncidentAdvanced("INC-H2", IncidentState.REGISTERED, null),
                new Event.IncidentAdvanced("INC-H2", IncidentState.PENDING_DISPATCH, null),
                new Event.OrderIssued("ZL-H2", "INC-H2", "U-1", "前往处置：道路积水", null, DispatchOrder.Issuer.CENTER,
                        false)));
        WallContext context = new WallContext(() -> null, hub.baseUrl(), hub.tokens().tokenOf(Role.OPERATOR),
                "operator", new WallLinks());
        screen = WidgetHarness.mount(() -> new IncidentScreen(context), 960, 1030);
        screen.open("INC-H2");
        show();
        Button reassign = button(screen.node().lookup("#ZL-H2"), "改派 巡查五");
        WidgetHarness.fx(() -> {
            reassign.fire();
            return null;
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> hub.hub().situation().orders().get("ZL-H2").state() == OrderState.REASSIGNED);
        Incident after = hub.hub().situation().incidents().get("INC-H2");
        DispatchOrder next = hub.hub().situation().orders().get(after.orderIds().get(1));
        assertThat(next.unitId()).isEqualTo("U-5");
        show();
        assertThat(WidgetHarness.labelWith(screen.node().lookup("#" + next.id()), OrdersSection.ORDER_STATE).getText())
                .isEqualTo("已派");
        assertThat(WidgetHarness.labelWith(screen.node().lookup("#ZL-H2"), OrdersSection.ORDER_STATE).getText())
                .isEqualTo("改派");
    }

    @Test
    void theScreenBlowsAWhistleAndRecordsADepartmentsArrival() throws Exception {
        WallContext context = new WallContext(() -> null, hub.baseUrl(), hub.tokens().tokenOf(Role.OPERATOR),
                "operator", new WallLinks());
        screen = WidgetHarness.mount(() -> new IncidentScreen(context), 960, 1030);
        screen.open("INC-H1");
        show();
        // the first recommended unit's body-cam plays from the hub
        assertThat(WidgetHarness.texts(screen.node())).contains("网格员一 · 单兵图传");
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.server().cameras().rendering() > 0);
        Button whistle = button(screen.node(), "吹哨报到");
        assertThat(whistle.isDisabled()).isFalse();
        WidgetHarness.fx(() -> {
            whistle.fire();
            for (Node n : screen.node().lookupAll("." + WhistleSection.DEPARTMENT_CHOICE)) {
                CheckBox box = (CheckBox) n;
                box.setSelected(box.getText().equals("燃气集团") || box.getText().equals("派出所"));
            }
            ((TextField) screen.node().lookup("." + WhistleSection.WHISTLE_REASON)).setText("疑似燃气泄漏");
            return null;
        });
        Button blow = button(screen.node(), "发出吹哨");
        WidgetHarness.fx(() -> {
            blow.fire();
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.hub().situation().whistles().values().stream()
                .anyMatch(w -> "INC-H1".equals(w.incidentId())));
        Whistle blown = hub.hub().situation().whistles().values().stream()
                .filter(w -> "INC-H1".equals(w.incidentId())).findFirst().orElseThrow();
        assertThat(blown.departments()).containsExactly("燃气集团", "派出所");
        assertThat(blown.reason()).isEqualTo("疑似燃气泄漏");

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            show();
            Node row = screen.node().lookup("#" + blown.id() + "-1");
            return row != null && !button(row, "记录报到").isDisabled(); // enabled once the send has come back
        });
        assertThat(WidgetHarness.texts(screen.node())).contains("燃气集团 · 未报到", "派出所 · 未报到");
        Button arrived = button(screen.node().lookup("#" + blown.id() + "-1"), "记录报到");
        WidgetHarness.fx(() -> {
            arrived.fire();
            return null;
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> hub.hub().situation().whistles().get(blown.id()).arrivals().containsKey("派出所"));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            show();
            return WidgetHarness.texts(screen.node()).stream().anyMatch(t -> t.startsWith("派出所 · 已报到")
                    && t.endsWith("（及时）"));
        });
        assertThat(WidgetHarness.texts(screen.node())).contains("疑似燃气泄漏 · 报到 1/2 · 报到及时率 50%");
        assertThat(screen.node().lookup("#" + blown.id() + "-1").lookupAll("." + IncidentScreen.ACTION)).isEmpty();
    }

    @Test
    void aViewerSeatSeesTheUnitsButMayNotSendThem() throws Exception {
        WallContext context = new WallContext(() -> null, hub.baseUrl(), hub.tokens().tokenOf(Role.VIEWER), "viewer",
                new WallLinks());
        screen = WidgetHarness.mount(() -> new IncidentScreen(context), 960, 1030);
        screen.open("INC-H1");
        show();
        assertThat(screen.node().lookupAll("." + IncidentScreen.UNIT_ROW)).isNotEmpty();
        assertThat(screen.node().lookupAll("." + IncidentScreen.ACTION))
                .filteredOn(b -> !((Button) b).getText().equals("打开视频")).isNotEmpty().allMatch(Node::isDisabled);
        assertThat(WidgetHarness.texts(screen.node())).anyMatch(t -> t.contains("当前身份(观看席)无派遣权限"));
    }

    /** Events taking case {@code id} to 处置完毕 (DISPOSED) without a unit. */
    static List<Event> disposed(String id) {
        return List.of(new Event.IncidentOpened(id, "路灯不亮", "市政设施", Incident.Source.INSPECTOR,
                        Incident.Severity.LOW, IncidentState.REGISTERED, Fixtures.WEST, null, null),
                new Event.IncidentAdvanced(id, IncidentState.PENDING_DISPATCH, null));
    }

    @Test
    void aDisposedCaseIsCheckedThenSentBackOrClosedByTheLeader() throws Exception {
        append(disposed("INC-L1"));
        append(List.of(new Event.OrderIssued("ZL-L1", "INC-L1", "U-2", "更换灯泡", null, DispatchOrder.Issuer.CENTER, true)));
        for (OrderState st : List.of(OrderState.ACCEPTED, OrderState.EN_ROUTE, OrderState.ON_SITE, OrderState.WORKING)) {
            append(List.of(new Event.OrderAdvanced("ZL-L1", st, "U-2", null, null, List.of())));
        }
        append(List.of(new Event.OrderAdvanced("ZL-L1", OrderState.REPORTED, "U-2", null, "已更换", List.of())));
        assertThat(hub.hub().situation().incidents().get("INC-L1").state()).isEqualTo(IncidentState.DISPOSED);

        WallContext operator = new WallContext(() -> null, hub.baseUrl(), hub.tokens().tokenOf(Role.OPERATOR),
                "operator", new WallLinks());
        screen = WidgetHarness.mount(() -> new IncidentScreen(operator), 960, 1030);
        screen.open("INC-L1");
        show();
        Button check = button(screen.node(), "核查");
        WidgetHarness.fx(() -> {
            check.fire();
            return null;
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> hub.hub().situation().incidents().get("INC-L1").state() == IncidentState.CHECKING);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            show();
            return WidgetHarness.texts(screen.node()).contains("结案须值班领导");
        });
        assertThat(button(screen.node(), "核查通过 · 结案").isDisabled()).as("closing is the leader's").isTrue();
        Button rework = button(screen.node(), "返工");
        WidgetHarness.fx(() -> {
            rework.fire();
            return null;
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> hub.hub().situation().incidents().get("INC-L1").state() == IncidentState.REWORK);

        append(List.of(new Event.IncidentAdvanced("INC-L1", IncidentState.IN_PROGRESS, null),
                new Event.IncidentAdvanced("INC-L1", IncidentState.DISPOSED, null),
                new Event.IncidentAdvanced("INC-L1", IncidentState.CHECKING, null)));
        WallContext leader = new WallContext(() -> null, hub.baseUrl(), hub.tokens().tokenOf(Role.LEADER),
                "leader", new WallLinks());
        screen = WidgetHarness.mount(() -> new IncidentScreen(leader), 960, 1030);
        screen.open("INC-L1");
        show();
        Button close = button(screen.node(), "核查通过 · 结案");
        assertThat(close.isDisabled()).isFalse();
        WidgetHarness.fx(() -> {
            close.fire();
            return null;
        });
        await().atMost(Duration.ofSeconds(10))
                .until(() -> hub.hub().situation().incidents().get("INC-L1").state() == IncidentState.CLOSED);
    }
}

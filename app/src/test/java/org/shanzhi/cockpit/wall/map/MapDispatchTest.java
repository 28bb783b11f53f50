package org.shanzhi.cockpit.wall.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.fx;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.mount;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.popover;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.show;
import static org.shanzhi.cockpit.wall.map.MapWidgetTest.popoverTexts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallLinks;
import org.shanzhi.cockpit.wall.map.layer.MapMark;

/** A case clicked on the map is dispatched through a real hub, and a wall that may not dispatch says why. */
class MapDispatchTest extends MapFxTest {

    @TempDir
    static Path data;
    static HubRuntime hub;
    static int cases;

    @BeforeAll
    static void start() throws Exception {
        hub = HubRuntime.start(HubRuntime.Config.local(data));
        append(Fixtures.inventory());
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

    String incident;

    /** A new case beside the free unit U-1, waiting for dispatch. */
    @BeforeEach
    void aCaseWaits() {
        incident = "INC-T" + ++cases;
        // each case of this class a little further east, so a click finds the one meant
        GeoPoint near = new GeoPoint(Fixtures.WEST.lon() + 0.0012 * cases, Fixtures.WEST.lat());
        append(List.of(
                new Event.IncidentOpened(incident, "井盖缺失", "井盖缺失", Incident.Source.INSPECTOR,
                        Incident.Severity.HIGH, IncidentState.REPORTED, near, null, null),
                new Event.IncidentAdvanced(incident, IncidentState.REGISTERED, null),
                new Event.IncidentAdvanced(incident, IncidentState.PENDING_DISPATCH, null)));
    }

    MapWidget mapFor(String token, String role) throws Exception {
        WallContext context = new WallContext(() -> null, hub.baseUrl(), token, role, new WallLinks());
        return mount("{\"centre\": {\"lat\": 39.815, \"lon\": 116.381}, \"zoom\": 16}", 1280, 720,
                hub.hub().situation(), context);
    }

    void open(MapWidget map) throws Exception {
        MapMark mark = map.viewModel().marks().stream().filter(m -> m.id().equals(incident)).findFirst().orElseThrow();
        fx(() -> {
            map.click(mark.x(), mark.y());
            return null;
        });
        assertThat(popover()).isNotNull();
    }

    static List<Button> buttons(MapWidget map) throws Exception {
        return fx(() -> {
            List<Button> out = new ArrayList<>();
            for (Node n : popover().getContentNode().lookupAll(".map-action")) {
                out.add((Button) n);
            }
            return out;
        });
    }

    @Test
    void anOperatorSendsTheNearestFreeUnitAndSeesTheHubsAnswer() throws Exception {
        MapWidget map = mapFor(hub.tokens().tokenOf(Role.OPERATOR), "operator");
        open(map);
        List<Button> offered = buttons(map);
        // U-1 is the only free unit (U-2 is off duty)
        assertThat(offered).hasSize(1);
        assertThat(offered.get(0).getText()).matches("网格员一 · 网格员 · 约 \\d+ 分钟 · 电动车");
        assertThat(offered.get(0).isDisabled()).isFalse();
        // a picture of the popover to look at, once it has faded in
        await().atMost(Duration.ofSeconds(10)).until(() -> fx(() -> popover().getSkin().getNode().getOpacity() == 1));
        WritableImage picture = fx(() -> popover().getScene().getRoot().snapshot(null, null));
        Files.createDirectories(Path.of("target", "map"));
        ImageIO.write(SwingFXUtils.fromFXImage(picture, null), "png", Path.of("target", "map", "popover.png").toFile());

        fx(() -> {
            offered.get(0).fire();
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> popoverTexts().stream().anyMatch(t -> t.startsWith("已派遣")));
        Incident after = hub.hub().situation().incidents().get(incident);
        assertThat(after.state()).isEqualTo(IncidentState.DISPATCHED);
        assertThat(after.unitId()).isEqualTo("U-1");

        // the next situation shows the case dispatched: no more buttons, the answer stays
        show(map, hub.hub().situation());
        assertThat(buttons(map)).isEmpty();
        assertThat(popoverTexts()).contains("已派遣 网格员一 处置 " + incident, "处置人 网格员一");
        // every dispatch is an order: the seat takes it back, and U-1 is free for the next test
        String order = after.orderIds().get(0);
        append(List.of(new Event.OrderAdvanced(order, org.shanzhi.cockpit.domain.OrderState.CANCELLED, "center", null,
                null, null)));
    }

    @Test
    void theUnitsOfferedKeepTheirButtonsWhileTheyMoveAndAreReplacedWhenTheyStopBeingFree() throws Exception {
        MapWidget map = mapFor(hub.tokens().tokenOf(Role.OPERATOR), "operator");
        open(map);
        Button first = buttons(map).get(0);
        String before = first.getText();
        append(List.of(new Event.UnitMoved("U-1", new GeoPoint(Fixtures.WEST.lon() - 0.003, Fixtures.WEST.lat()), 270)));
        show(map, hub.hub().situation());
        assertThat(buttons(map)).containsExactly(first);
        assertThat(first.getText()).startsWith("网格员一").isNotEqualTo(before);

        append(List.of(new Event.UnitStatusChanged("U-1", org.shanzhi.cockpit.domain.UnitStatus.UNA)));
        show(map, hub.hub().situation());
        assertThat(buttons(map)).isEmpty();
        assertThat(popoverTexts()).contains("附近没有空闲单兵");

        append(List.of(new Event.UnitStatusChanged("U-1", org.shanzhi.cockpit.domain.UnitStatus.AVL),
                new Event.UnitMoved("U-1", Fixtures.WEST, 90)));
        show(map, hub.hub().situation());
        assertThat(buttons(map)).hasSize(1).noneMatch(b -> b == first);
    }

    @Test
    void commandOpensTheCaseOnTheIncidentScreen() throws Exception {
        WallLinks links = new WallLinks();
        List<String> opened = new ArrayList<>();
        links.onOpenIncident(opened::add);
        MapWidget map = mount("{\"centre\": {\"lat\": 39.815, \"lon\": 116.381}, \"zoom\": 16}", 1280, 720,
                hub.hub().situation(), new WallContext(() -> null, hub.baseUrl(), hub.tokens().tokenOf(Role.OPERATOR),
                        "operator", links));
        open(map);
        Button command = fx(() -> (Button) popover().getContentNode().lookup(".map-command"));
        assertThat(command.getText()).isEqualTo("指挥 · 打开案件");
        fx(() -> {
            command.fire();
            return null;
        });
        assertThat(opened).containsExactly(incident);
        assertThat(fx(() -> popover() == null || !popover().isShowing())).isTrue();
    }

    @Test
    void aViewerWallCannotDispatchAndSaysWhy() throws Exception {
        MapWidget map = mapFor(hub.tokens().tokenOf(Role.VIEWER), "viewer");
        open(map);
        assertThat(buttons(map)).hasSize(1).allMatch(Button::isDisabled);
        assertThat(popoverTexts()).anyMatch(t -> t.contains("当前身份(观看席)无派遣权限"));
    }

    @Test
    void aTokenOfUnknownRoleLearnsFromTheHubsRefusal() throws Exception {
        MapWidget map = mapFor(hub.tokens().tokenOf(Role.VIEWER), null);
        open(map);
        List<Button> offered = buttons(map);
        assertThat(offered.get(0).isDisabled()).isFalse();
        fx(() -> {
            offered.get(0).fire();
            return null;
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> popoverTexts().stream().anyMatch(t -> t.contains("403")));
        assertThat(buttons(map)).allMatch(Button::isDisabled);
        assertThat(hub.hub().situation().incidents().get(incident).state()).isEqualTo(IncidentState.PENDING_DISPATCH);
    }

    @Test
    void aHubThatIsDownKeepsTheDispatchWaitingAndTheMapGoesOn() throws Exception {
        // a port nothing listens on
        WallContext context = new WallContext(() -> null, "http://127.0.0.1:9", "x".repeat(16), "operator",
                new WallLinks());
        MapWidget map = mount("{\"centre\": {\"lat\": 39.815, \"lon\": 116.381}, \"zoom\": 16}", 1280, 720,
                hub.hub().situation(), context);
        open(map);
        Button first = buttons(map).get(0);
        fx(() -> {
            first.fire();
            return null;
        });
        // the command waits in the outbox (待发送) and the operator is told so
        await().atMost(Duration.ofSeconds(15)).until(() -> popoverTexts().stream()
                .anyMatch(t -> t.startsWith("派遣 ") && t.contains("待发送")));
        assertThat(context.commands().waiting()).isEqualTo(1);
        assertThat(buttons(map)).noneMatch(Button::isDisabled);
    }

    @Test
    void aWallWithoutAHubCannotDispatch() throws Exception {
        MapWidget map = mount("{\"centre\": {\"lat\": 39.815, \"lon\": 116.381}, \"zoom\": 16}", 1280, 720,
                hub.hub().situation(), new WallContext(() -> null, "snapshot"));
        open(map);
        assertThat(buttons(map)).allMatch(Button::isDisabled);
        assertThat(popoverTexts()).contains("未连接指挥平台,不能派遣");
    }
}

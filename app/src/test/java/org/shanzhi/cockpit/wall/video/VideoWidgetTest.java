package org.shanzhi.cockpit.wall.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.shanzhi.cockpit.wall.video.VideoFixtures.alert;
import static org.shanzhi.cockpit.wall.video.VideoFixtures.at;
import static org.shanzhi.cockpit.wall.video.VideoFixtures.nineCameras;
import static org.shanzhi.cockpit.wall.video.VideoFixtures.tick;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.image.Image;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WidgetHarness;
import org.shanzhi.cockpit.wall.layout.WidgetType;

/**
 * The video widget draws what its grid decided (see {@link VideoGridTest} for the decisions) and hands the grid the
 * operator's input: names, states, the alarm's frame and boxes, the header, the maximised tile, pins and drops.
 */
class VideoWidgetTest {

    @BeforeAll
    static void fx() throws Exception {
        WidgetHarness.start();
    }

    @AfterEach
    void chinese() {
        I18n.setLocale(I18n.DEFAULT);
    }

    static VideoWidget mount(String options) throws Exception {
        return WidgetHarness.mount(() -> new VideoWidget(WidgetHarness.placement(WidgetType.VIDEO, options)), 1438, 1080);
    }

    /** The cameras the tiles draw, tile by tile (null for a vacant one): what the operator sees, not the grid's list. */
    static List<String> drawn(VideoWidget w) throws Exception {
        return WidgetHarness.fx(() -> {
            List<String> out = new ArrayList<>();
            for (VideoTile t : w.tiles()) {
                out.add(t.camera() == null ? null : t.camera().id());
            }
            return out;
        });
    }

    @Test
    void tilesNameTheirCameraAndSayPlainlyThatNothingPlays() throws Exception {
        VideoWidget w = mount("{\"split\":4,\"group\":\"all\"}");
        WidgetHarness.show(w, tick(Fixtures.district(), 0));
        assertThat(w.tiles()).hasSize(4);
        assertThat(drawn(w)).containsExactly("CAM-1", "CAM-2", "CAM-3", null).isEqualTo(w.cameraIds());

        VideoTile west = w.tiles().get(0);
        assertThat(WidgetHarness.texts(west)).contains("西门", "CAM-1", "AI", "在线 · 视频播放未接入");
        assertThat(west.ai.isVisible()).isTrue();
        assertThat(w.tiles().get(1).ai.isVisible()).isFalse();

        VideoTile north = w.tiles().get(2);
        assertThat(north.state.getText()).isEqualTo("离线");
        assertThat(north.state.getStyleClass()).contains(Theme.CRITICAL);
        assertThat(w.tiles().get(3).state.getText()).isEqualTo("空位");
        assertThat(WidgetHarness.texts(w.node())).contains("视频监控", "全部点位", "共 3 路 · 第 1/1 页",
                "画面未接入 · 仅显示点位与状态");
        assertThat(WidgetHarness.texts(w.node())).noneMatch(t -> t.contains("播放中"));
    }

    @Test
    void theHeaderNamesTheGroupAndTheTilesFollowTheSplit() throws Exception {
        VideoWidget one = mount("{\"split\":1,\"group\":\"key-points\"}");
        WidgetHarness.show(one, nineCameras());
        assertThat(drawn(one)).containsExactly("CAM-1");
        assertThat(WidgetHarness.texts(one.node())).contains("重点点位(AI)", "共 1 路 · 第 1/1 页");

        VideoWidget east = mount("{\"split\":16,\"group\":\"110106016002\"}");
        WidgetHarness.show(east, nineCameras());
        assertThat(east.tiles()).hasSize(16);
        assertThat(drawn(east).subList(0, 8))
                .containsExactly("CAM-2", "CAM-3", "CAM-4", "CAM-5", "CAM-6", "CAM-7", "CAM-8", "CAM-9");
        assertThat(WidgetHarness.texts(east.node())).contains("东社区");

        VideoWidget nine = mount("{\"split\":9}");
        WidgetHarness.show(nine, nineCameras());
        assertThat(nine.tiles()).hasSize(9);
    }

    @Test
    void aGroupWithoutCamerasSaysSo() throws Exception {
        VideoWidget units = mount("{\"split\":4,\"group\":\"units\"}");
        WidgetHarness.show(units, nineCameras());
        assertThat(drawn(units)).containsOnlyNulls();
        assertThat(WidgetHarness.texts(units.node())).contains("单兵视频", "单兵视频未接入");

        VideoWidget unknown = mount("{\"split\":4,\"group\":\"110106016099\"}");
        WidgetHarness.show(unknown, nineCameras());
        assertThat(WidgetHarness.texts(unknown.node())).contains("分组「110106016099」无摄像机");

        VideoWidget nothing = mount("{}");
        WidgetHarness.show(nothing, Situation.empty());
        assertThat(WidgetHarness.texts(nothing.node())).contains("暂无数据");
    }

    @Test
    void theHeaderSaysTheTourAndItsPage() throws Exception {
        VideoWidget w = mount("{\"split\":4,\"group\":\"all\",\"tourSeconds\":30}");
        Situation s = nineCameras();
        WidgetHarness.show(w, s);
        assertThat(drawn(w)).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
        assertThat(WidgetHarness.texts(w.node())).contains("共 9 路 · 第 1/3 页 · 轮巡 每30秒");

        WidgetHarness.show(w, tick(s, 30));
        assertThat(drawn(w)).containsExactly("CAM-5", "CAM-6", "CAM-7", "CAM-8");
        assertThat(WidgetHarness.texts(w.node())).contains("共 9 路 · 第 2/3 页 · 轮巡 每30秒");
    }

    @Test
    void anAlarmIsFramedWithItsBoxesTheMapsCentreOnItAndTheQueueIsSaid() throws Exception {
        List<GeoPoint> focused = new ArrayList<>();
        WallContext context = new WallContext(() -> null, "test");
        context.links().onFocus(focused::add);
        VideoWidget w = WidgetHarness.mount(() -> new VideoWidget(WidgetHarness.placement(WidgetType.VIDEO,
                "{\"split\":4,\"group\":\"all\",\"tourSeconds\":30,\"alarmSeconds\":60}"), context), 1438, 1080);
        Situation s = nineCameras(true);
        WidgetHarness.show(w, s);
        s = at(s, 35, new Event.AiAlertRaised("AL-1", "CAM-1", "人群密度", "856", 0.87,
                List.of(new AiAlert.Box(0.25, 0.25, 0.5, 0.5, "人群"))));
        WidgetHarness.show(w, s);
        assertThat(drawn(w)).containsExactly("CAM-1", "CAM-5", "CAM-6", "CAM-7");
        VideoTile first = w.tiles().get(0);
        assertThat(first.getStyleClass()).contains(VideoTile.TILE_ALARM);
        assertThat(first.alarm.isVisible()).isTrue();
        assertThat(first.alarm.getText()).startsWith("AI预警 · 人群密度 · 置信度 87%").contains("20:00 起待研判");
        assertThat(w.tiles().get(1).alarm.isVisible()).isFalse();
        assertThat(w.tiles().get(1).getStyleClass()).doesNotContain(VideoTile.TILE_ALARM);
        assertThat(focused).containsExactly(s.cameras().get("CAM-1").at());
        // the box is drawn over the picture's place: its edge in the alarm colour, its inside left clear
        Image boxes = WidgetHarness.fx(() -> first.boxes.snapshot(transparent(), null));
        Rectangle2D area = WidgetHarness.fx(first::pictureArea);
        double edgeX = area.getMinX() + 0.25 * area.getWidth() + 1;
        double midY = area.getMinY() + 0.5 * area.getHeight();
        assertThat(boxes.getPixelReader().getColor((int) edgeX, (int) midY).getOpacity()).isGreaterThan(0.5);
        assertThat(boxes.getPixelReader().getColor((int) (area.getMinX() + area.getWidth() / 2), (int) midY)
                .getOpacity()).isZero();

        // a second alarm waits, and the header says so; then it takes the tile
        s = at(s, 40, alert("AL-2", "CAM-4"));
        WidgetHarness.show(w, s);
        assertThat(WidgetHarness.texts(w.node())).contains("另有 1 条告警排队");
        s = tick(s, 96);
        WidgetHarness.show(w, s);
        assertThat(drawn(w).get(0)).isEqualTo("CAM-4");
        assertThat(first.alarm.getText()).startsWith("AI预警 · 火警 · 置信度 90%");
        assertThat(WidgetHarness.texts(w.node())).noneMatch(t -> t.contains("排队"));
        assertThat(focused).hasSize(2);

        // reviewed: the frame goes
        WidgetHarness.show(w, at(s, 100, new Event.AiAlertReviewed("AL-2", AiAlert.Review.REJECTED, null, null, null)));
        assertThat(first.getStyleClass()).doesNotContain(VideoTile.TILE_ALARM);
        assertThat(first.alarm.isVisible()).isFalse();
        assertThat(drawn(w)).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
    }

    @Test
    void aSensorAlarmSaysItsReading() throws Exception {
        VideoWidget w = mount("{\"split\":4,\"group\":\"key-points\"}");
        Situation s = nineCameras();
        WidgetHarness.show(w, s);
        WidgetHarness.show(w, at(s, 20, new Event.SensorReported("S-1", 35)));
        assertThat(drawn(w).get(0)).isEqualTo("CAM-2");
        assertThat(w.tiles().get(0).alarm.getText()).startsWith("物联感知告警 · 积水 S-1 · 35 cm").contains("20:00 起告警");
    }

    @Test
    void aPinnedTileWearsThePinAndTheHeaderSaysWhenEveryTileIsPinned() throws Exception {
        VideoWidget w = mount("{\"split\":4,\"group\":\"all\"}");
        Situation s = nineCameras(true);
        WidgetHarness.show(w, s);
        WidgetHarness.fx(() -> {
            w.pin(0, true);
            w.choose(2, "CAM-9");
            return null;
        });
        assertThat(drawn(w)).containsExactly("CAM-1", "CAM-2", "CAM-9", "CAM-3");
        assertThat(w.tiles().get(0).pin.isVisible()).isTrue();
        assertThat(w.tiles().get(1).pin.isVisible()).isFalse();

        WidgetHarness.show(w, at(s, 10, new Event.AiAlertRaised("AL-1", "CAM-6", "占道经营", "801", 0.8, null)));
        assertThat(drawn(w)).containsExactly("CAM-1", "CAM-2", "CAM-9", "CAM-6");
        assertThat(w.tiles().get(3).getStyleClass()).contains(VideoTile.TILE_ALARM);

        WidgetHarness.fx(() -> {
            for (int i = 0; i < 4; i++) {
                w.pin(i, true);
            }
            return null;
        });
        assertThat(w.tiles().get(3).getStyleClass()).doesNotContain(VideoTile.TILE_ALARM)
                .contains(VideoTile.TILE_PINNED);
        assertThat(WidgetHarness.texts(w.node())).contains("1 条告警排队 · 画面均已锁定");

        WidgetHarness.fx(() -> {
            w.pin(2, false);
            return null;
        });
        assertThat(w.tiles().get(2).pin.isVisible()).isFalse();
        assertThat(drawn(w).get(2)).isEqualTo("CAM-6");
        assertThat(WidgetHarness.texts(w.node())).noneMatch(t -> t.contains("排队"));
    }

    @Test
    void doubleClickMaximisesATileAndAgainRestoresTheGrid() throws Exception {
        VideoWidget w = mount("{\"split\":4,\"group\":\"all\"}");
        WidgetHarness.show(w, nineCameras());
        VideoTile second = w.tiles().get(1);
        FxRobot robot = new FxRobot();
        robot.doubleClickOn(centre(second), MouseButton.PRIMARY);
        layOut(w);
        assertThat(w.grid().maximised()).isEqualTo(1);
        assertThat(second.getWidth()).isGreaterThan(w.tiles().get(0).getParent().getLayoutBounds().getWidth() * 0.9);
        assertThat(w.tiles().get(0).isVisible()).isFalse();
        robot.doubleClickOn(centre(second), MouseButton.PRIMARY);
        layOut(w);
        assertThat(w.grid().maximised()).isEqualTo(-1);
        assertThat(w.tiles().get(0).isVisible()).isTrue();
        assertThat(second.getWidth()).isLessThan(w.tiles().get(0).getParent().getLayoutBounds().getWidth() * 0.6);

        // an alarm for a tile hidden behind the maximised one brings the grid back
        VideoWidget alarmed = mount("{\"split\":4,\"group\":\"all\"}");
        Situation s = nineCameras(true);
        WidgetHarness.show(alarmed, s);
        WidgetHarness.fx(() -> {
            alarmed.maximise(alarmed.tiles().get(3));
            return null;
        });
        assertThat(alarmed.tiles().get(0).isVisible()).isFalse();
        WidgetHarness.show(alarmed, at(s, 10, alert("AL-1", "CAM-6")));
        assertThat(alarmed.tiles().get(0).isVisible()).isTrue();
        assertThat(drawn(alarmed).get(0)).isEqualTo("CAM-6");
    }

    @Test
    void theTileMenuPinsAndClearsAndACameraDroppedOnATileStaysThere() throws Exception {
        VideoWidget w = mount("{\"split\":4,\"group\":\"all\"}");
        WidgetHarness.show(w, nineCameras());
        FxRobot robot = new FxRobot();

        // dragged from the first tile onto the last: the camera stays there, the tour's page fills the others
        robot.drag(centre(w.tiles().get(0)), MouseButton.PRIMARY).dropTo(centre(w.tiles().get(3)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(w.grid().chosen(3)).isEqualTo("CAM-1");
        assertThat(drawn(w)).containsExactly("CAM-2", "CAM-3", "CAM-4", "CAM-1");

        assertThat(menu(w.tiles().get(1), "锁定此画面（告警不占用）").isDisable()).isFalse();
        assertThat(menu(w.tiles().get(1), "恢复轮巡画面").isDisable()).isTrue(); // nothing chosen there
        WidgetHarness.fx(() -> {
            menu(w.tiles().get(1), "锁定此画面（告警不占用）").fire();
            return null;
        });
        assertThat(w.grid().pinned(1)).isTrue();
        assertThat(w.tiles().get(1).pin.isVisible()).isTrue();
        assertThat(menu(w.tiles().get(1), "解除锁定")).isNotNull();

        WidgetHarness.fx(() -> {
            menu(w.tiles().get(3), "恢复轮巡画面").fire();
            return null;
        });
        assertThat(w.grid().chosen(3)).isNull();
        assertThat(drawn(w)).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
    }

    @Test
    void aCameraOpenedElsewhereOnTheWallComesToTheLeastImportantTile() throws Exception {
        WallContext context = new WallContext(() -> null, "test");
        VideoWidget w = WidgetHarness.mount(() -> new VideoWidget(WidgetHarness.placement(WidgetType.VIDEO,
                "{\"split\":4,\"group\":\"all\"}"), context), 1438, 1080);
        WidgetHarness.show(w, nineCameras());
        assertThat(WidgetHarness.fx(() -> context.links().openCamera("CAM-8"))).isTrue();
        assertThat(drawn(w)).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-8");
    }

    @Test
    void withoutLibvlcAStreamThatIsNotMjpegSaysWhatToInstall() throws Exception {
        WallContext context = new WallContext(() -> null, "http://127.0.0.1:9", "token");
        VideoWidget w = WidgetHarness.mount(() -> new VideoWidget(WidgetHarness.placement(WidgetType.VIDEO,
                "{\"split\":1,\"group\":\"all\"}"), context, Libvlc.absent("test")), 800, 500);
        Situation s = at(Fixtures.district(), 0, new Event.CameraRegistered(new Camera("CAM-0", "南门", Fixtures.EAST,
                null, false, true, "http://127.0.0.1:9/live/cam0.ts")));
        WidgetHarness.show(w, s);
        assertThat(drawn(w)).containsExactly("CAM-0");
        // the tile's pump says it on its next pulse: a state to wait for, however slow the machine
        await().atMost(Duration.ofSeconds(30)).until(() -> WidgetHarness.fx(() -> w.tiles().get(0).state.getText())
                .equals("未安装 libvlc · 请安装：apt-get install libvlc5 vlc-plugin-base"));
        assertThat(w.tiles().get(0).state.getStyleClass()).contains(Theme.CRITICAL);
        WidgetHarness.fx(() -> {
            w.closeStreams();
            return null;
        });
    }

    /**
     * The item of a tile's menu with this text, as a right-click on the tile opens it (the menu is closed again).
     * Headless glass gives no context-menu event for a robot's right-click, so the test sends the tile the one it would.
     */
    static MenuItem menu(VideoTile tile, String text) throws Exception {
        return WidgetHarness.fx(() -> {
            Point2D at = tile.localToScreen(tile.getWidth() / 2, tile.getHeight() / 2);
            tile.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, tile.getWidth() / 2,
                    tile.getHeight() / 2, at.getX(), at.getY(), false, null));
            ContextMenu menu = Window.getWindows().stream().filter(x -> x instanceof ContextMenu && x.isShowing())
                    .map(ContextMenu.class::cast).reduce((a, b) -> b).orElseThrow();
            menu.hide();
            return menu.getItems().stream().filter(i -> text.equals(i.getText())).findFirst().orElseThrow();
        });
    }

    /** A tile's centre on the screen, for the robot. */
    static Point2D centre(VideoTile tile) throws Exception {
        return WidgetHarness.fx(() -> tile.localToScreen(tile.getWidth() / 2, tile.getHeight() / 2));
    }

    static void layOut(VideoWidget w) throws Exception {
        WidgetHarness.fx(() -> {
            w.node().applyCss();
            ((Parent) w.node()).layout();
            return null;
        });
    }

    static SnapshotParameters transparent() {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        return p;
    }
}

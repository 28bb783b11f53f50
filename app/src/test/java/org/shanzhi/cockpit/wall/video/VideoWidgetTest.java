package org.shanzhi.cockpit.wall.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WidgetHarness;
import org.shanzhi.cockpit.wall.layout.WidgetType;

class VideoWidgetTest {

    static final Instant EVENING = Instant.parse("2026-05-30T20:00:00+08:00");

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

    /** Folds events at a time ({@code seconds} after 20:00). */
    static Situation at(Situation s, long seconds, Event... events) {
        for (Event e : events) {
            s = s.apply(new Recorded(s.seq() + 1, EVENING.plusSeconds(seconds), e));
        }
        return s;
    }

    /** A tick of situation time: nothing changes but the clock. */
    static Situation tick(Situation s, long seconds) {
        return at(s, seconds, new Event.SensorReported("S-1", 0));
    }

    /** The fixture's CAM-1 (AI) … CAM-3 (offline) and CAM-4 … CAM-9 online in the east community. */
    static Situation nineCameras() {
        return nineCameras(false);
    }

    /** As {@link #nineCameras()}, CAM-4 … CAM-9 with AI analysis when {@code ai}. */
    static Situation nineCameras(boolean ai) {
        List<Event> more = new ArrayList<>();
        for (int i = 4; i <= 9; i++) {
            more.add(new Event.CameraRegistered(new Camera("CAM-" + i, "东路" + i + "号杆", new GeoPoint(116.41, 39.81),
                    null, ai, true, null)));
        }
        return at(Fixtures.district(), 0, more.toArray(Event[]::new));
    }

    @Test
    void tilesNameTheirCameraAndSayPlainlyThatNothingPlays() throws Exception {
        VideoWidget w = mount("{\"split\":4,\"group\":\"all\"}");
        WidgetHarness.show(w, tick(Fixtures.district(), 0));
        assertThat(w.tiles()).hasSize(4);
        assertThat(w.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", null);

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
    void groupsAndSplits() throws Exception {
        VideoWidget one = mount("{\"split\":1,\"group\":\"key-points\"}");
        WidgetHarness.show(one, nineCameras());
        assertThat(one.cameraIds()).containsExactly("CAM-1");
        assertThat(WidgetHarness.texts(one.node())).contains("重点点位(AI)", "共 1 路 · 第 1/1 页");

        VideoWidget east = mount("{\"split\":16,\"group\":\"110106016002\"}");
        WidgetHarness.show(east, nineCameras());
        assertThat(east.tiles()).hasSize(16);
        List<String> ids = east.cameraIds().subList(0, 8);
        assertThat(ids).containsExactly("CAM-2", "CAM-3", "CAM-4", "CAM-5", "CAM-6", "CAM-7", "CAM-8", "CAM-9");
        assertThat(WidgetHarness.texts(east.node())).contains("东社区");

        VideoWidget nine = mount("{\"split\":9}");
        WidgetHarness.show(nine, nineCameras());
        assertThat(nine.tiles()).hasSize(9);
    }

    @Test
    void aGroupWithoutCamerasSaysSo() throws Exception {
        VideoWidget units = mount("{\"split\":4,\"group\":\"units\"}");
        WidgetHarness.show(units, nineCameras());
        assertThat(units.cameraIds()).containsOnlyNulls();
        assertThat(WidgetHarness.texts(units.node())).contains("单兵视频", "单兵视频未接入");

        VideoWidget unknown = mount("{\"split\":4,\"group\":\"110106016099\"}");
        WidgetHarness.show(unknown, nineCameras());
        assertThat(WidgetHarness.texts(unknown.node())).contains("分组「110106016099」无摄像机");

        VideoWidget nothing = mount("{}");
        WidgetHarness.show(nothing, Situation.empty());
        assertThat(WidgetHarness.texts(nothing.node())).contains("暂无数据");
    }

    @Test
    void theTourTurnsThePageEveryTourSecondsOfSituationTime() throws Exception {
        VideoWidget w = mount("{\"split\":4,\"group\":\"all\",\"tourSeconds\":30}");
        Situation s = nineCameras();
        WidgetHarness.show(w, s);
        assertThat(w.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
        assertThat(WidgetHarness.texts(w.node())).contains("共 9 路 · 第 1/3 页 · 轮巡 每30秒");

        s = tick(s, 29);
        WidgetHarness.show(w, s);
        assertThat(w.page()).isZero();

        s = tick(s, 30);
        WidgetHarness.show(w, s);
        assertThat(w.cameraIds()).containsExactly("CAM-5", "CAM-6", "CAM-7", "CAM-8");
        assertThat(WidgetHarness.texts(w.node())).contains("共 9 路 · 第 2/3 页 · 轮巡 每30秒");

        s = tick(s, 65);
        WidgetHarness.show(w, s);
        assertThat(w.cameraIds()).containsExactly("CAM-9", null, null, null);

        s = tick(s, 90);
        WidgetHarness.show(w, s);
        assertThat(w.page()).isZero();

        VideoWidget still = mount("{\"split\":4,\"group\":\"all\"}");
        WidgetHarness.show(still, nineCameras());
        WidgetHarness.show(still, tick(nineCameras(), 600));
        assertThat(still.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
    }

    @Test
    void anAlarmTakesTheAlarmTileForItsTimeWhileTheNextOnesQueue() throws Exception {
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
        assertThat(w.page()).isEqualTo(1);
        assertThat(w.cameraIds()).containsExactly("CAM-1", "CAM-5", "CAM-6", "CAM-7");
        VideoTile first = w.tiles().get(0);
        assertThat(first.getStyleClass()).contains(VideoTile.TILE_ALARM);
        assertThat(first.alarm.isVisible()).isTrue();
        assertThat(first.alarm.getText()).startsWith("AI预警 · 人群密度 · 置信度 87%").contains("20:00 起待研判");
        assertThat(w.tiles().get(1).alarm.isVisible()).isFalse();
        assertThat(focused).containsExactly(s.cameras().get("CAM-1").at());
        // the box is drawn over the picture's place: its edge in the alarm colour, its inside left clear
        javafx.scene.image.Image boxes = WidgetHarness.fx(() -> first.boxes.snapshot(transparent(), null));
        javafx.geometry.Rectangle2D area = WidgetHarness.fx(first::pictureArea);
        double edgeX = area.getMinX() + 0.25 * area.getWidth() + 1;
        double midY = area.getMinY() + 0.5 * area.getHeight();
        assertThat(boxes.getPixelReader().getColor((int) edgeX, (int) midY).getOpacity()).isGreaterThan(0.5);
        assertThat(boxes.getPixelReader().getColor((int) (area.getMinX() + area.getWidth() / 2), (int) midY)
                .getOpacity()).isZero();

        // a second alarm waits for the first one's time to run out
        s = at(s, 40, new Event.AiAlertRaised("AL-2", "CAM-4", "火警", "881", 0.9, null));
        WidgetHarness.show(w, s);
        assertThat(w.cameraIds().get(0)).isEqualTo("CAM-1");
        assertThat(w.queuedAlarms()).isEqualTo(1);
        assertThat(WidgetHarness.texts(w.node())).contains("另有 1 条告警排队");
        s = tick(s, 96);
        WidgetHarness.show(w, s);
        assertThat(w.cameraIds().get(0)).isEqualTo("CAM-4");
        assertThat(first.alarm.getText()).startsWith("AI预警 · 火警 · 置信度 90%");
        assertThat(w.queuedAlarms()).isZero();
        assertThat(focused).hasSize(2);

        // reviewed: the tour goes on in its tile
        s = at(s, 100, new Event.AiAlertReviewed("AL-2", AiAlert.Review.REJECTED, null, null));
        WidgetHarness.show(w, s);
        assertThat(first.getStyleClass()).doesNotContain(VideoTile.TILE_ALARM);
        assertThat(first.alarm.isVisible()).isFalse();
        assertThat(w.page()).isZero();
        assertThat(w.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
    }

    @Test
    void alarmsComeFromAnyCameraAndSensorsBringTheirNearestCamera() throws Exception {
        VideoWidget east = mount("{\"split\":4,\"group\":\"110106016002\"}");
        WidgetHarness.show(east, at(nineCameras(), 10, new Event.AiAlertRaised("AL-2", "CAM-1", "火警", "881", 0.9, null)));
        assertThat(east.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");

        VideoWidget w = mount("{\"split\":4,\"group\":\"key-points\"}");
        Situation s = nineCameras();
        WidgetHarness.show(w, s);
        s = at(s, 20, new Event.SensorReported("S-1", 35));
        WidgetHarness.show(w, s);
        assertThat(w.cameraIds().get(0)).isEqualTo("CAM-2"); // online and nearest; CAM-3 is as near but offline
        assertThat(w.tiles().get(0).alarm.getText()).startsWith("传感器告警 · 积水 S-1 · 35 cm");
        s = at(s, 30, new Event.SensorReported("S-1", 5));
        WidgetHarness.show(w, s);
        assertThat(w.cameraIds()).containsExactly("CAM-1", null, null, null);

        // a wall opened late shows an alarm still recent, not the old ones
        VideoWidget late = mount("{\"split\":4,\"group\":\"all\",\"alarmSeconds\":60}");
        Situation old = at(nineCameras(true), 0, new Event.AiAlertRaised("AL-OLD", "CAM-4", "火警", "881", 0.9, null));
        old = at(old, 10, new Event.AiAlertRaised("AL-NEW", "CAM-5", "火警", "881", 0.9, null));
        WidgetHarness.show(late, tick(old, 65));
        assertThat(late.cameraIds().get(0)).isEqualTo("CAM-5");
        assertThat(late.queuedAlarms()).isZero();
    }

    @Test
    void aPinnedTileKeepsItsPictureAndChosenCamerasStay() throws Exception {
        VideoWidget w = mount("{\"split\":4,\"group\":\"all\"}");
        Situation s = nineCameras(true);
        WidgetHarness.show(w, s);
        WidgetHarness.fx(() -> {
            w.pin(0, true);
            w.choose(2, "CAM-9");
            return null;
        });
        assertThat(w.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-9", "CAM-3");
        assertThat(w.tiles().get(0).pin.isVisible()).isTrue();

        s = at(s, 10, new Event.AiAlertRaised("AL-1", "CAM-6", "占道经营", "801", 0.8, null));
        WidgetHarness.show(w, s);
        // not the pinned first tile, not the chosen one: the least important
        assertThat(w.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-9", "CAM-6");
        assertThat(w.tiles().get(3).getStyleClass()).contains(VideoTile.TILE_ALARM);

        // a camera opened from the map goes to the least important tile the alarm leaves free
        WidgetHarness.fx(() -> {
            w.open("CAM-8");
            return null;
        });
        assertThat(w.cameraIds()).containsExactly("CAM-1", "CAM-8", "CAM-9", "CAM-6");
        WidgetHarness.fx(() -> {
            w.choose(2, null);
            w.choose(1, null);
            return null;
        });
        assertThat(w.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-6");

        // every tile pinned: alarms wait, and the header says why
        WidgetHarness.fx(() -> {
            for (int i = 0; i < 4; i++) {
                w.pin(i, true);
            }
            return null;
        });
        assertThat(w.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
        assertThat(WidgetHarness.texts(w.node())).contains("1 条告警排队 · 画面均已锁定");

        // unpinned: the waiting alarm comes up there at once
        WidgetHarness.fx(() -> {
            w.pin(2, false);
            return null;
        });
        assertThat(w.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-6", "CAM-3");
        assertThat(w.queuedAlarms()).isZero();

        // a camera is on one tile only: the alarm's camera is not opened again, a chosen one not twice
        WidgetHarness.fx(() -> {
            for (int i = 0; i < 4; i++) {
                w.pin(i, false);
            }
            w.open("CAM-6");
            w.choose(0, "CAM-9");
            w.choose(1, "CAM-9");
            return null;
        });
        assertThat(w.cameraIds()).containsExactly("CAM-9", null, "CAM-6", "CAM-1");
    }

    @Test
    void doubleClickMaximisesATileAndAgainRestoresTheGrid() throws Exception {
        VideoWidget w = mount("{\"split\":4,\"group\":\"all\"}");
        WidgetHarness.show(w, nineCameras());
        VideoTile second = w.tiles().get(1);
        WidgetHarness.fx(() -> {
            w.maximise(second);
            return null;
        });
        WidgetHarness.fx(() -> {
            w.node().applyCss();
            ((javafx.scene.Parent) w.node()).layout();
            return null;
        });
        assertThat(second.getWidth()).isGreaterThan(w.tiles().get(0).getParent().getLayoutBounds().getWidth() * 0.9);
        assertThat(w.tiles().get(0).isVisible()).isFalse();
        WidgetHarness.fx(() -> {
            w.maximise(null);
            w.node().applyCss();
            ((javafx.scene.Parent) w.node()).layout();
            return null;
        });
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
        WidgetHarness.show(alarmed, at(s, 10, new Event.AiAlertRaised("AL-1", "CAM-6", "火警", "881", 0.9, null)));
        assertThat(alarmed.tiles().get(0).isVisible()).isTrue();
        assertThat(alarmed.cameraIds().get(0)).isEqualTo("CAM-6");
    }

    @Test
    void withoutLibvlcAStreamThatIsNotMjpegSaysWhatToInstall() throws Exception {
        WallContext context = new WallContext(() -> null, "http://127.0.0.1:9", "token");
        VideoWidget w = WidgetHarness.mount(() -> new VideoWidget(WidgetHarness.placement(WidgetType.VIDEO,
                "{\"split\":1,\"group\":\"all\"}"), context, Libvlc.absent("test")), 800, 500);
        Situation s = at(Fixtures.district(), 0, new Event.CameraRegistered(new Camera("CAM-0", "南门", Fixtures.EAST,
                null, false, true, "http://127.0.0.1:9/live/cam0.ts")));
        WidgetHarness.show(w, s);
        assertThat(w.cameraIds()).containsExactly("CAM-0");
        await().atMost(Duration.ofSeconds(5)).until(() -> WidgetHarness.fx(() -> w.tiles().get(0).state.getText())
                .equals("未安装 libvlc · 请安装：apt-get install libvlc5 vlc-plugin-base"));
        assertThat(w.tiles().get(0).state.getStyleClass()).contains(Theme.CRITICAL);
        WidgetHarness.fx(() -> {
            w.closeStreams();
            return null;
        });
    }

    static javafx.scene.SnapshotParameters transparent() {
        javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
        p.setFill(javafx.scene.paint.Color.TRANSPARENT);
        return p;
    }
}

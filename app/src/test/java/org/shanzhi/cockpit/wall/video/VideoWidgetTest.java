package org.shanzhi.cockpit.wall.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
        List<Event> more = new ArrayList<>();
        for (int i = 4; i <= 9; i++) {
            more.add(new Event.CameraRegistered(new Camera("CAM-" + i, "东路" + i + "号杆", new GeoPoint(116.41, 39.81),
                    null, false, true, null)));
        }
        return at(Fixtures.district(), 0, more.toArray(Event[]::new));
    }

    @Test
    void tilesNameTheirCameraAndSayPlainlyThatNothingPlays() throws Exception {
        VideoWidget w = mount("{\"split\":4,\"group\":\"all\"}");
        WidgetHarness.show(w, tick(Fixtures.district(), 0));
        assertThat(w.tiles()).hasSize(4);
        assertThat(w.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", null);

        VideoWidget.Tile west = w.tiles().get(0);
        assertThat(WidgetHarness.texts(west)).contains("西门", "CAM-1", "AI", "在线 · 视频播放未接入");
        assertThat(west.ai.isVisible()).isTrue();
        assertThat(w.tiles().get(1).ai.isVisible()).isFalse();

        VideoWidget.Tile north = w.tiles().get(2);
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
    void aPendingAlertPutsItsCameraInTheFirstTile() throws Exception {
        VideoWidget w = mount("{\"split\":4,\"group\":\"all\",\"tourSeconds\":30}");
        Situation s = nineCameras();
        WidgetHarness.show(w, s);
        s = at(s, 35, new Event.AiAlertRaised("AL-1", "CAM-1", "人群密度", "856", 0.87, null));
        WidgetHarness.show(w, s);
        assertThat(w.page()).isEqualTo(1);
        assertThat(w.cameraIds()).containsExactly("CAM-1", "CAM-5", "CAM-6", "CAM-7");
        VideoWidget.Tile first = w.tiles().get(0);
        assertThat(first.getStyleClass()).contains(VideoWidget.TILE_ALARM);
        assertThat(first.alarm.isVisible()).isTrue();
        assertThat(first.alarm.getText()).startsWith("AI预警 · 人群密度 · 置信度 87%").contains("20:00 起待研判");
        assertThat(w.tiles().get(1).getStyleClass()).doesNotContain(VideoWidget.TILE_ALARM);
        assertThat(w.tiles().get(1).alarm.isVisible()).isFalse();

        // on its own page the alarm camera is not shown twice
        s = tick(s, 95);
        WidgetHarness.show(w, s);
        assertThat(w.page()).isZero();
        assertThat(w.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");

        // reviewed: the tour goes on without it
        s = at(s, 100, new Event.AiAlertReviewed("AL-1", AiAlert.Review.REJECTED, null, null));
        WidgetHarness.show(w, s);
        assertThat(w.tiles().get(0).getStyleClass()).doesNotContain(VideoWidget.TILE_ALARM);
        assertThat(w.tiles().get(0).alarm.isVisible()).isFalse();

        // an alert outside the group does not take a tile
        VideoWidget east = mount("{\"split\":4,\"group\":\"110106016002\"}");
        WidgetHarness.show(east, at(nineCameras(), 10, new Event.AiAlertRaised("AL-2", "CAM-1", "火警", "881", 0.9, null)));
        assertThat(east.cameraIds()).containsExactly("CAM-2", "CAM-3", "CAM-4", "CAM-5");
        assertThat(Arrays.asList(east.tiles().get(0).getStyleClass().toArray())).doesNotContain(VideoWidget.TILE_ALARM);
    }
}

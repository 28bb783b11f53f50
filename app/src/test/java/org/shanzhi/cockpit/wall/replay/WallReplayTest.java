package org.shanzhi.cockpit.wall.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.shanzhi.cockpit.domain.Event.CameraStatusChanged;
import org.shanzhi.cockpit.domain.Event.WarningIssued;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.WeatherWarning;
import org.shanzhi.cockpit.feed.SituationSource;
import org.shanzhi.cockpit.hub.drill.DrillDebriefs;
import org.shanzhi.cockpit.json.Json;
import org.shanzhi.cockpit.recording.Recording;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Wall;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.layout.LayoutLoader;

/**
 * The wall in replay as a trainer sees it: a recording opened over the live situation puts the 回放 banner with the
 * replay's time on every screen and the timeline under the wall; the panels follow a drag on the timeline and a
 * typed time (one beyond the end stops at the end and says so); leaving shows the live situation again.
 */
class WallReplayTest {

    static final Instant T0 = Fixtures.T0; // 08:00 in Beijing
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    static Path recording;
    Wall wall;

    /**
     * The district, then: 08:20 the third camera comes online (3 / 3), 08:30 a gale warning, 09:00 and 09:20 two
     * cameras go offline (1 / 3). The replay runs from 08:15 (2 / 3) to 09:20.
     */
    @BeforeAll
    static void aRecording() throws Exception {
        FxToolkit.registerPrimaryStage();
        Path layouts = Files.createDirectories(dir.resolve("layouts"));
        try (var files = Files.list(Path.of("..", "layouts"))) {
            for (Path f : files.toList()) {
                Files.copy(f, layouts.resolve(f.getFileName()));
            }
        }
        Situation s = Fixtures.district();
        recording = dir.resolve("morning.shanzhi");
        List<Recorded> events = List.of(
                new Recorded(s.seq() + 1, T0.plus(Duration.ofMinutes(20)), new CameraStatusChanged("CAM-3", true)),
                new Recorded(s.seq() + 2, T0.plus(Duration.ofMinutes(30)), new WarningIssued("W-1",
                        WeatherWarning.Hazard.GALE, WeatherWarning.Level.ORANGE, "区气象台", T0.plus(Duration.ofHours(12)))),
                new Recorded(s.seq() + 3, T0.plus(Duration.ofMinutes(60)), new CameraStatusChanged("CAM-1", false)),
                new Recorded(s.seq() + 4, T0.plus(Duration.ofMinutes(80)), new CameraStatusChanged("CAM-2", false)));
        try (Recording.Writer w = new Recording.Writer(recording, "test")) {
            for (Recorded r : events) {
                w.add(s, r.seq(), r.time(), Json.typeOf(r.event()), Json.write(r.event()), null);
                s = s.apply(r);
            }
            w.finish(T0.plus(Duration.ofMinutes(15)), T0.plus(Duration.ofMinutes(90)));
        }
    }

    @BeforeEach
    void open() throws Exception {
        I18n.setLocale(I18n.DEFAULT);
        SituationSource live = SituationSource.fixed(Fixtures.district());
        LayoutLoader loader = LayoutLoader.of(dir.resolve("layouts"));
        wall = fx(() -> {
            Wall w = new Wall(live, new WallContext(live::status, "test"), loader);
            w.start(loader.load("laptop").orElseThrow());
            return w;
        });
        until(() -> texts(".kpi-caption").contains("在线 2 / 3 路"));
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            wall.stop();
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w instanceof javafx.stage.Stage s && s != FxToolkit.toolkitContext().getRegisteredStage()) {
                    s.setOnCloseRequest(null);
                    s.close();
                }
            }
            return null;
        });
    }

    @Test
    void aReplayShowsItsBannerAndTimelineThePanelsFollowASeekAndLeavingIsLiveAgain() throws Exception {
        assertThat(fx(() -> texts(".replay-banner"))).isEmpty();
        // while live the bar is not shown (nor built: a wall's start does not pay for it)
        assertThat(fx(() -> all(".replay-bar").stream().noneMatch(Node::isVisible))).isTrue();

        fx(() -> {
            wall.replay().openFile(recording);
            return null;
        });
        // every screen of the layout says 回放 with the replay's time, paused at its start
        until(() -> texts(".replay-banner").contains("回放 · 2026-05-30 08:15:00 · 已暂停"));
        int screens = fx(() -> all(".wall-screen").size());
        assertThat(fx(() -> texts(".replay-banner").lines().count())).isEqualTo((long) screens);
        assertThat(fx(() -> all(".replay-bar").get(0).isVisible() && all(".replay-strip").get(0).isVisible())).isTrue();
        assertThat(fx(() -> texts(".replay-time"))).contains("05-30 08:15:00 / 结尾 09:20:00");
        until(() -> texts(".kpi-caption").contains("在线 2 / 3 路"));

        // a press on the timeline at 08:50 (the strip runs from 08:15 to 09:20): the third camera is back
        press(35.0 / 65);
        until(() -> texts(".kpi-caption").contains("在线 3 / 3 路") && texts(".replay-banner").contains("08:50:00"));
        // at its right end: two cameras are down
        press(1);
        until(() -> texts(".kpi-caption").contains("在线 1 / 3 路") && texts(".replay-banner").contains("09:20:00"));

        // a typed time
        goTo("08:25");
        until(() -> texts(".kpi-caption").contains("在线 3 / 3 路") && texts(".replay-banner").contains("08:25:00"));
        // beyond the end: the wall stops at the end and says so
        goTo("10:00");
        until(() -> texts(".kpi-caption").contains("在线 1 / 3 路") && texts(".replay-banner").contains("09:20:00"));
        assertThat(fx(() -> texts(".replay-bar .kpi-caption"))).contains("超出回放范围").contains("已停在结尾 05-30 09:20:00");

        // the previous marker is the gale warning of 08:30
        fx(() -> {
            button("◀ 上一标记").fire();
            return null;
        });
        until(() -> texts(".replay-banner").contains("08:30:00") && texts(".kpi-caption").contains("在线 3 / 3 路"));
        assertThat(fx(() -> texts(".replay-bar .kpi-caption"))).contains("08:30:00 预警 · W-1");

        // back to live, with no restart: the live situation is shown again, and the banner and the bar are gone
        fx(() -> {
            button("退出回放 · 回到实时").fire();
            return null;
        });
        // every screen says so for a moment, in the banner's place: nothing to acknowledge, no alarm bar
        until(() -> texts(".replay-banner").contains("已退出回放") && texts(".kpi-caption").contains("在线 2 / 3 路"));
        assertThat(fx(() -> all(".replay-bar").get(0).isVisible())).isFalse();
        assertThat(fx(() -> all(".alarm-bar").get(0).isVisible())).isFalse();
        until(() -> texts(".replay-banner").isEmpty());
    }

    /**
     * Playing into the end opens the debrief of the range replayed, once: a page written under the wall's data, shown
     * in a window of its own with the line saying where the file is; the bar's 复盘报告 opens it at any time.
     */
    @Test
    void theReplaysBannerTakesARowOfItsOwnAndTheScreenKeepsTheWindowsWidthAboveTheReplaysControls() throws Exception {
        fx(() -> {
            wall.replay().openFile(recording);
            return null;
        });
        until(() -> texts(".replay-banner").contains("回放 · 2026-05-30 08:15:00"));
        // the banner above the widgets, not over the map's search or a tile's header; the screen as wide as its
        // window (no black bands beside it), its widgets in the height the replay's controls leave
        until(() -> {
            for (Node screen : all(".wall-screen")) {
                Node banner = screen.lookup(".replay-banner");
                Node grid = screen.lookup(".screen-grid");
                Bounds b = banner.localToScene(banner.getLayoutBounds());
                Bounds g = grid.localToScene(grid.getLayoutBounds());
                Bounds sc = screen.localToScene(screen.getLayoutBounds());
                Bounds bar = all(".replay-bar").get(0).localToScene(all(".replay-bar").get(0).getLayoutBounds());
                if (b.getMaxY() > g.getMinY() || sc.getWidth() < screen.getScene().getWidth() - 1
                        || sc.getMaxY() > bar.getMinY() + 1) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void playingIntoTheEndOpensTheDebriefOnceAndTheButtonOpensItAnyTime() throws Exception {
        Path debriefs = dir.resolve("debriefs");
        fx(() -> {
            wall.replay().debriefs(new Debriefs(DrillDebriefs::ofShipped, debriefs));
            wall.replay().openFile(recording);
            return null;
        });
        until(() -> texts(".replay-banner").contains("回放 · 2026-05-30 08:15:00 · 已暂停"));
        goTo("09:19:30");
        until(() -> texts(".replay-banner").contains("09:19:30"));
        assertThat(fx(() -> wall.replay().debriefWindow().shows())).as("a seek near the end").isZero();
        fx(() -> {
            wall.replay().replays().replay().speed(64);
            button("▶ 播放").fire();
            return null;
        });
        until(() -> wall.replay().debriefWindow().shown() != null);
        Path file = fx(() -> wall.replay().debriefWindow().shown());
        assertThat(file.getParent()).isEqualTo(debriefs);
        String html = Files.readString(file);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("复盘").doesNotContain("src=\"http").doesNotContain("href=\"http");
        assertThat(texts(".replay-banner")).contains("已到回放结尾");
        assertThat(fx(() -> wall.replay().debriefWindow().stage().getTitle()))
                .isEqualTo("复盘报告 · 2026-05-30 08:15 – 2026-05-30 09:20");
        assertThat(fx(() -> ((TextField) wall.replay().debriefWindow().stage().getScene().getRoot()
                .lookup(".debrief-file")).getText())).isEqualTo("报告文件：" + file.toAbsolutePath());
        assertThat(fx(() -> texts(".replay-bar .kpi-caption"))).contains("报告文件：" + file.toAbsolutePath());
        // the page itself, from the file: nothing fetched
        await().atMost(PATIENCE).until(() -> fx(() -> wall.replay().debriefWindow().page().getEngine().getLoadWorker()
                .getState() == javafx.concurrent.Worker.State.SUCCEEDED));
        assertThat(fx(() -> wall.replay().debriefWindow().page().getEngine().getLocation()))
                .isEqualTo(file.toUri().toString());
        assertThat(fx(() -> wall.replay().debriefWindow().page().getEngine().getTitle())).contains("复盘");

        // standing at the end does not open it again; the button does
        fx(() -> {
            wall.replay().debriefWindow().stage().hide();
            return null;
        });
        assertThat(fx(() -> wall.replay().debriefWindow().shows())).isEqualTo(1);
        fx(() -> {
            button("复盘报告").fire();
            return null;
        });
        until(() -> wall.replay().debriefWindow().shown() != null);
        assertThat(fx(() -> wall.replay().debriefWindow().shows())).isEqualTo(2);
    }

    /** The bar's status line follows the replay: paused at the start, playing at its speed, paused, at the end. */
    @Test
    void theBarsStatusFollowsPlayPauseAndTheEnd() throws Exception {
        fx(() -> {
            wall.replay().openFile(recording);
            return null;
        });
        until(() -> texts(".replay-status").equals("回放 05-30 08:15:00 至 05-30 09:20:00，共 4 条事件；已暂停\n"));
        fx(() -> {
            wall.replay().replays().replay().speed(8);
            button("▶ 播放").fire();
            return null;
        });
        until(() -> texts(".replay-status").contains("共 4 条事件；播放中 8×"));
        fx(() -> {
            button("暂停").fire();
            return null;
        });
        until(() -> texts(".replay-status").contains("；已暂停"));
        goTo("10:00");
        until(() -> texts(".replay-status").contains("；已到结尾"));
        assertThat(fx(() -> texts(".replay-bar .kpi-caption"))).doesNotContain("开头").doesNotContain("播放中");
    }

    @Test
    void aFileDamagedInItsOnlySegmentIsRefusedAndTheWallStaysLive() throws Exception {
        byte[] bytes = Files.readAllBytes(recording);
        Path cut = Files.write(dir.resolve("cut.shanzhi"), java.util.Arrays.copyOf(bytes, bytes.length - 10));
        fx(() -> {
            wall.replay().openFile(cut);
            return null;
        });
        // the only segment is damaged: nothing to replay, the wall stays live and says why
        until(() -> texts(".alarm-bar .label").contains("回放文件无法打开"));
        assertThat(fx(() -> texts(".replay-banner"))).isEmpty();
        assertThat(fx(() -> texts(".kpi-caption"))).contains("在线 2 / 3 路");
    }

    /** The wall's menu names the layouts by their own titles, in the wall's language, with their shortcuts. */
    @Test
    void theMenuNamesTheLayoutsByTheirTitles() throws Exception {
        List<String> items = fx(() -> {
            Node stage = all(".wall-stage").get(0);
            Event.fireEvent(stage, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 10, 10, 10, 10, false, null));
            javafx.scene.control.ContextMenu menu = Window.getWindows().stream()
                    .filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing())
                    .map(w -> (javafx.scene.control.ContextMenu) w).findFirst().orElseThrow();
            List<String> texts = menu.getItems().stream().map(javafx.scene.control.MenuItem::getText)
                    .filter(t -> t != null).toList();
            menu.hide();
            return texts;
        });
        assertThat(items).contains("布局：同屏指挥  (Ctrl+1)", "布局：笔记本  (Ctrl+4)", "布局：大屏 3×2  (Ctrl+7)",
                "回放指挥平台记录…");
        assertThat(items).noneMatch(t -> t.contains("laptop") || t.contains("wall-3x2"));
    }

    private void press(double fraction) throws Exception {
        fx(() -> {
            Node strip = all(".replay-strip").get(0);
            // a mouse event is given in the scene's coordinates; the strip reads its own
            javafx.geometry.Point2D at = strip.localToScene(Math.min(strip.getLayoutBounds().getWidth() * fraction,
                    strip.getLayoutBounds().getWidth() - 0.01), 10);
            Event.fireEvent(strip, new MouseEvent(MouseEvent.MOUSE_PRESSED, at.getX(), at.getY(), 0, 0,
                    MouseButton.PRIMARY, 1,
                    false, false, false, false, true, false, false, false, false, false, null));
            return null;
        });
    }

    private void goTo(String time) throws Exception {
        fx(() -> {
            TextField f = (TextField) all(".replay-bar .text-field").get(0);
            f.setText(time);
            f.fireEvent(new javafx.event.ActionEvent());
            return null;
        });
    }

    static Button button(String text) {
        return (Button) all(".replay-bar .button").stream().filter(b -> ((Button) b).getText().equals(text))
                .findFirst().orElseThrow();
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    static void until(Callable<Boolean> shown) {
        await().atMost(PATIENCE).until(() -> fx(shown));
    }

    static List<Node> all(String selector) {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w != FxToolkit.toolkitContext().getRegisteredStage())
                .flatMap(w -> w.getScene().getRoot().lookupAll(selector).stream()).toList();
    }

    static String texts(String selector) {
        StringBuilder b = new StringBuilder();
        for (Node n : all(selector)) {
            if (n instanceof Label l && l.isVisible() && !l.getText().isEmpty()) {
                b.append(l.getText()).append('\n');
            }
        }
        return b.toString();
    }
}

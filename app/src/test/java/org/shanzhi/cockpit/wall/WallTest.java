package org.shanzhi.cockpit.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.FeedStatus;
import org.shanzhi.cockpit.feed.SituationSource;
import org.shanzhi.cockpit.wall.layout.LayoutLoader;

/** The wall as an operator sees it: its windows, the connection bar, the stale banner, alarms, layout errors. */
class WallTest {

    /** A source the test drives: what the feed would hand the wall. */
    static final class Source implements SituationSource {
        volatile Situation latest;
        volatile long version;
        volatile FeedStatus status = new FeedStatus(FeedStatus.State.LIVE, Instant.now(), 0, 0, 0, 0, null);

        void push(Situation s) {
            latest = s;
            version++;
        }

        @Override
        public Situation latest() {
            return latest;
        }

        @Override
        public long version() {
            return version;
        }

        @Override
        public FeedStatus status() {
            return status;
        }
    }

    /** The wall's clock, set by the test: ages are counted from it. */
    static final class TestClock extends Clock {
        volatile Instant now = Instant.parse("2026-05-30T12:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Generous: a wall under a loaded machine's pulses; a state that comes is seen at once. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path layouts;
    Source source;
    TestClock clock;
    Wall wall;
    WallContext context;

    @BeforeAll
    static void copyLayouts() throws Exception {
        FxToolkit.registerPrimaryStage();
        try (var files = Files.list(Path.of("..", "layouts"))) {
            for (Path f : files.toList()) {
                Files.copy(f, layouts.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @BeforeEach
    void open() throws Exception {
        I18n.setLocale(I18n.DEFAULT);
        source = new Source();
        clock = new TestClock();
        source.status = new FeedStatus(FeedStatus.State.LIVE, clock.now, 0, 0, 0, 0, null);
        source.push(Fixtures.district());
        LayoutLoader loader = LayoutLoader.of(layouts);
        context = new WallContext(source::status, "test");
        wall = fx(() -> {
            Wall w = new Wall(source, context, loader, clock);
            w.start(loader.load("laptop").orElseThrow());
            return w;
        });
        // the first frame with the situation has reached the windows
        until(() -> texts(".status-state").contains("实时")
                && texts(".kpi-caption").contains("累计事件 " + source.latest.seq() + " 条"));
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

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    /** Waits until the windows show what {@code shown} looks for, read on the FX thread. */
    static void until(Callable<Boolean> shown) {
        await().atMost(PATIENCE).until(() -> fx(shown));
    }

    static List<Node> all(String selector) {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w != FxToolkit.toolkitContext().getRegisteredStage()) // not other tests'
                .flatMap(w -> w.getScene().getRoot().lookupAll(selector).stream()).toList();
    }

    static String texts(String selector) {
        StringBuilder b = new StringBuilder();
        for (Node n : all(selector)) {
            if (n instanceof Label l && l.isVisible()) {
                b.append(l.getText()).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void laptopShowsTheFourPanelsAndALiveBar() throws Exception {
        assertThat(fx(() -> all(".panel"))).hasSize(4);
        assertThat(fx(() -> texts(".panel-title"))).contains("城市运行", "监测预警", "社情民意", "安全稳定");
        assertThat(fx(() -> texts(".status-state"))).contains("实时");
        until(() -> texts(".kpi-caption").contains("在线 2 / 3 路"));
    }

    @Test
    void aStaleHubIsSaidWithItsAgeAndTheAgeTicks() throws Exception {
        assertThat(fx(() -> texts(".stale-banner"))).isEmpty();
        source.status = new FeedStatus(FeedStatus.State.STALE, clock.now.minusSeconds(42), 10, 0, 0, 1, "down");
        until(() -> texts(".stale-banner").equals("数据已过期 · 42 秒未更新 · 正在重连\n"));
        assertThat(fx(() -> texts(".status-state"))).isEqualTo("● 数据已过期 42 秒\n");

        clock.now = clock.now.plusSeconds(5); // no new situation: the wall's own clock moves the age on
        until(() -> texts(".stale-banner").contains("47 秒未更新") && texts(".status-state").contains("47 秒"));

        source.status = new FeedStatus(FeedStatus.State.LIVE, clock.now, 10, 0, 0, 1, null);
        until(() -> texts(".stale-banner").isEmpty() && texts(".status-state").contains("实时"));
    }

    @Test
    void aCaseOpenedFromTheMapOrTheBoardPopsOutUnlessTheLayoutHasAnIncidentScreen() throws Exception {
        source.push(Fixtures.with(source.latest, new Event.IncidentOpened("INC-7", "井盖缺失", "市政设施",
                Incident.Source.INSPECTOR, Incident.Severity.HIGH, null, Fixtures.WEST, null, null)));
        int windows = fx(() -> Window.getWindows().size());
        assertThat(fx(() -> context.links().openIncident("INC-7"))).isTrue();
        until(() -> Window.getWindows().size() == windows + 1 && texts(".dispatch-title").contains("井盖缺失"));
        assertThat(fx(() -> Window.getWindows().stream().anyMatch(w -> w instanceof javafx.stage.Stage st
                && "案件指挥 · INC-7".equals(st.getTitle())))).isTrue();
        // the same case again brings its window forward rather than opening another
        fx(() -> context.links().openIncident("INC-7"));
        assertThat(fx(() -> Window.getWindows().size())).isEqualTo(windows + 1);

        fx(() -> {
            wall.switchTo("command");
            return null;
        });
        until(() -> !all(".incident").isEmpty());
        int after = fx(() -> Window.getWindows().size());
        fx(() -> context.links().openIncident("INC-7"));
        until(() -> texts(".panel-clock").lines().noneMatch(l -> l.startsWith("自动")));
        assertThat(fx(() -> Window.getWindows().size())).isEqualTo(after);
    }

    @Test
    void aSeriousNewCaseRaisesAnAlarmToAcknowledge() throws Exception {
        Situation s = Fixtures.with(source.latest, new Event.IncidentOpened("INC-9", "燃气泄漏", "燃气",
                Incident.Source.SENSOR, Incident.Severity.CRITICAL, null, Fixtures.EAST, null, null));
        Node bar = fx(() -> all("." + Alarms.BAR).get(0));
        assertThat(fx(bar::isVisible)).isFalse();
        source.push(s);
        until(bar::isVisible);
        assertThat(fx(() -> texts("." + Alarms.BAR + " .label"))).contains("特急").contains("燃气泄漏");
        // in the layout's flow: once laid out (the next pulse), the screens fit below the bar, which covers none of them
        Callable<Double> screenTop = () -> all(".wall-screen").get(0).localToScene(
                all(".wall-screen").get(0).getBoundsInLocal()).getMinY();
        until(() -> bar.localToScene(bar.getBoundsInLocal()).getMaxY() <= screenTop.call() + 1);
        assertThat(fx(() -> bar.localToScene(bar.getBoundsInLocal()).getMaxY()))
                .isLessThanOrEqualTo(fx(screenTop) + 1);
        fx(() -> {
            bar.lookupAll(".button").stream().filter(n -> n instanceof Button b && b.getText().equals("确认"))
                    .findFirst().map(Button.class::cast).orElseThrow().fire();
            return null;
        });
        until(() -> !bar.isVisible());
    }

    @Test
    void duringAReplayTheAlarmBarSaysItsAlarmsAreLive() throws Exception {
        Alarms alarms = fx(Alarms::new);
        String shown = fx(() -> {
            alarms.tell("特急事件：燃气泄漏");
            alarms.replaying(true);
            return ((Label) alarms.node().getChildren().get(0)).getText();
        });
        assertThat(shown).isEqualTo("实时 · 特急事件：燃气泄漏");
        assertThat(fx(() -> {
            alarms.replaying(false);
            return ((Label) alarms.node().getChildren().get(0)).getText();
        })).isEqualTo("特急事件：燃气泄漏");
    }

    @Test
    void aBrokenLayoutIsRefusedWithFileLineAndFieldAndTheCurrentOneStays() throws Exception {
        String good = Files.readString(layouts.resolve("laptop.json"));
        Files.writeString(layouts.resolve("broken.json"), good.replace("\"name\": \"laptop\"", "\"name\": \"broken\"")
                .replaceFirst("\"column\": 1", "\"column\": 9"));
        fx(() -> {
            wall.switchTo("broken");
            return null;
        });
        until(() -> texts("." + Alarms.BAR + " .label").contains("broken.json:"));
        assertThat(fx(() -> texts("." + Alarms.BAR + " .label"))).contains("column");
        assertThat(fx(() -> wall.layout().name())).isEqualTo("laptop");
        assertThat(fx(() -> all(".panel"))).hasSize(4);
    }

    @Test
    void switchingLayoutsOpensTheirScreens() throws Exception {
        fx(() -> {
            wall.switchTo("wall-3x2");
            return null;
        });
        assertThat(fx(() -> wall.layout().name())).isEqualTo("wall-3x2");
        until(() -> all(".wall-screen").size() == 6);
        // the new layout's widgets are shown the frame: its status bars and panels have the situation
        until(() -> texts(".kpi-caption").contains("累计事件 " + source.latest.seq() + " 条"));
    }
}

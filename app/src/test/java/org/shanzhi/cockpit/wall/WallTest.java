package org.shanzhi.cockpit.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Window;
import org.controlsfx.control.NotificationPane;
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

    @TempDir
    static Path layouts;
    Source source;
    Wall wall;

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
        source.push(Fixtures.district());
        LayoutLoader loader = LayoutLoader.of(layouts);
        wall = fx(() -> {
            Wall w = new Wall(source, new WallContext(source::status, "test"), loader);
            w.start(loader.load("laptop").orElseThrow());
            return w;
        });
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
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

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private static List<Node> all(String selector) {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w != FxToolkit.toolkitContext().getRegisteredStage()) // not other tests'
                .flatMap(w -> w.getScene().getRoot().lookupAll(selector).stream()).toList();
    }

    private static String texts(String selector) {
        StringBuilder b = new StringBuilder();
        for (Node n : all(selector)) {
            if (n instanceof Label l && l.isVisible()) {
                b.append(l.getText()).append('\n');
            }
        }
        return b.toString();
    }

    private static void pulses() {
        WaitForAsyncUtils.sleep(400, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void laptopShowsTheFourPanelsAndALiveBar() {
        assertThat(all(".panel")).hasSize(4);
        assertThat(texts(".panel-title")).contains("城市运行", "监测预警", "社情民意", "安全稳定");
        assertThat(texts(".status-state")).contains("实时");
        assertThat(texts(".kpi-caption")).contains("在线 2 / 3 路");
    }

    @Test
    void aStaleHubIsSaidWithItsAge() {
        source.status = new FeedStatus(FeedStatus.State.STALE, Instant.now().minusSeconds(42), 10, 0, 0, 1, "down");
        pulses();
        assertThat(texts(".stale-banner")).contains("数据已过期").contains("42");
        assertThat(texts(".status-state")).contains("数据已过期");
    }

    @Test
    void aSeriousNewCaseRaisesAnAlarmToAcknowledge() throws Exception {
        Situation s = Fixtures.with(source.latest, new Event.IncidentOpened("INC-9", "燃气泄漏", "燃气",
                Incident.Source.SENSOR, Incident.Severity.CRITICAL, null, Fixtures.EAST, null, null));
        source.push(s);
        pulses();
        NotificationPane pane = (NotificationPane) all(".notification-pane").get(0);
        assertThat(pane.isShowing()).isTrue();
        assertThat(pane.getText()).contains("特急").contains("燃气泄漏");
        fx(() -> {
            pane.lookupAll(".button").stream().filter(n -> n instanceof Button b && b.getText().equals("确认"))
                    .findFirst().map(Button.class::cast).orElseThrow().fire();
            return null;
        });
        pulses();
        assertThat(pane.isShowing()).isFalse();
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
        pulses();
        assertThat(wall.layout().name()).isEqualTo("laptop");
        NotificationPane pane = (NotificationPane) all(".notification-pane").get(0);
        assertThat(pane.getText()).contains("broken.json:").contains("column");
        assertThat(all(".panel")).hasSize(4);
    }

    @Test
    void switchingLayoutsOpensTheirScreens() throws Exception {
        fx(() -> {
            wall.switchTo("wall-3x2");
            return null;
        });
        pulses();
        assertThat(wall.layout().name()).isEqualTo("wall-3x2");
        assertThat(all(".wall-screen")).hasSize(6);
    }
}

package org.shanzhi.cockpit.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shanzhi.cockpit.wall.WallTest.all;
import static org.shanzhi.cockpit.wall.WallTest.fx;
import static org.shanzhi.cockpit.wall.WallTest.texts;
import static org.shanzhi.cockpit.wall.WallTest.until;

import java.nio.file.Path;
import java.util.List;

import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.feed.HubFeed;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.TestHub;
import org.shanzhi.cockpit.wall.layout.LayoutLoader;

/** The wall on a real hub through the real feed: it follows the hub's seq, raises its alarms, and says when it is gone. */
class WallOnHubTest {

    @TempDir
    Path data;
    Wall wall;

    @BeforeAll
    static void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
        I18n.setLocale(I18n.DEFAULT);
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            if (wall != null) {
                wall.stop();
            }
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
    void theWallFollowsTheHubAndSaysWhenItIsGone() throws Exception {
        TestHub hub = new TestHub(data.resolve("hub"));
        try (HubFeed feed = new HubFeed(hub.runtime.baseUrl(), hub.token(Role.VIEWER)).start()) {
            assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
            LayoutLoader loader = LayoutLoader.fromClasspath();
            wall = fx(() -> {
                Wall w = new Wall(feed, new WallContext(feed::status, hub.runtime.baseUrl()), loader);
                w.start(loader.load("laptop").orElseThrow());
                return w;
            });
            long seq = hub.runtime.hub().situation().seq();
            until(() -> texts(".status-state").contains("实时") && texts(".kpi-caption").contains("累计事件 " + seq + " 条"));
            assertThat(fx(() -> texts(".kpi-caption"))).contains("在线 2 / 3 路");

            assertThat(hub.ingest(List.of(new Event.IncidentOpened("INC-9", "燃气泄漏", "燃气", Incident.Source.SENSOR,
                    Incident.Severity.CRITICAL, null, Fixtures.EAST, null, null))).status()).isEqualTo(200);
            until(() -> all("." + Alarms.BAR).get(0).isVisible() && texts("." + Alarms.BAR + " .label").contains("燃气泄漏"));
            until(() -> texts(".kpi-caption").contains("累计事件 " + (seq + 1) + " 条")); // the bar updates 4 times a second

            hub.close();
            until(() -> texts(".status-state").contains("连接中断"));
        } finally {
            hub.close();
        }
    }
}

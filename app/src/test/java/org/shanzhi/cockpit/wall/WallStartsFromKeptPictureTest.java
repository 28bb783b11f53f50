package org.shanzhi.cockpit.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shanzhi.cockpit.wall.WallTest.all;
import static org.shanzhi.cockpit.wall.WallTest.fx;
import static org.shanzhi.cockpit.wall.WallTest.texts;
import static org.shanzhi.cockpit.wall.WallTest.until;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.HubFeed;
import org.shanzhi.cockpit.feed.SituationCache;
import org.shanzhi.cockpit.hub.Hub;
import org.shanzhi.cockpit.hub.HubRuntime;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.Tokens;
import org.shanzhi.cockpit.wall.layout.LayoutLoader;

/**
 * A wall started before its hub paints the situation it kept from its last run at once, says 正在连接 with the
 * picture's age and takes no command on it; when the hub comes up it shows the hub's situation, live.
 */
class WallStartsFromKeptPictureTest {

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
    void theKeptPictureIsShownConnectingWithItsAgeUntilTheHubAnswersThenLive() throws Exception {
        Situation kept = Fixtures.district();
        Path file = data.resolve("wall").resolve("situation.gz");
        SituationCache.write(file, kept, Instant.now().minus(Duration.ofMinutes(5)));
        int port = freePort();
        HubRuntime.Config config = HubRuntime.Config.local(data.resolve("hub")).withPort(port);
        String token = Tokens.loadOrCreate(config.tokens()).tokenOf(Role.OPERATOR);
        String url = "http://127.0.0.1:" + port;

        HubRuntime hub = null;
        try (HubFeed feed = new HubFeed(url, token).start(); SituationCache cache = new SituationCache(feed, file)) {
            WallContext context = new WallContext(cache::status, url, token, "operator", new WallLinks());
            LayoutLoader loader = LayoutLoader.fromClasspath();
            wall = fx(() -> {
                Wall w = new Wall(cache, context, loader);
                w.start(loader.load("laptop").orElseThrow());
                return w;
            });

            // no hub yet: the kept picture, marked as connecting with its age, and no command may rest on it
            until(() -> texts(".kpi-caption").contains("累计事件 " + kept.seq() + " 条"));
            until(() -> texts(".stale-banner").contains("正在连接 · 显示的是5分钟前保存的画面"));
            assertThat(fx(() -> texts(".status-state"))).contains("正在连接指挥平台", "5分钟前的画面");
            assertThat(fx(() -> all(".stale-banner").stream().allMatch(Node::isVisible))).isTrue();
            assertThat(context.notYetConnected()).isTrue();
            assertThat(context.commands().waiting()).isZero();

            // the hub comes up with a situation of its own (one more event than the picture): live, the banner gone
            hub = HubRuntime.start(config);
            List<Hub.Pending> batch = new ArrayList<>();
            List<Event> events = new ArrayList<>(Fixtures.inventory());
            events.add(new Event.IncidentOpened("INC-LIVE", "井盖缺失", "井盖", Incident.Source.INSPECTOR,
                    Incident.Severity.LOW, null, Fixtures.EAST, null, null));
            for (Event e : events) {
                batch.add(new Hub.Pending(hub.hub().clock().now(), e));
            }
            hub.hub().append(batch, Hub.Origin.system("test"));
            long seq = hub.hub().situation().seq();
            until(() -> texts(".status-state").contains("实时") && texts(".kpi-caption").contains("累计事件 " + seq + " 条"));
            assertThat(fx(() -> all(".stale-banner").stream().noneMatch(Node::isVisible))).isTrue();
            assertThat(context.notYetConnected()).isFalse();
            assertThat(cache.latest()).isSameAs(feed.latest());
        } finally {
            if (hub != null) {
                hub.close();
            }
        }
        // the hub's situation, not the picture, is what the next start will paint
        assertThat(SituationCache.read(file).situation().seq()).isGreaterThan(kept.seq());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

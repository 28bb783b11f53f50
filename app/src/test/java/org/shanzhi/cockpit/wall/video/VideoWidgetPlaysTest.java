package org.shanzhi.cockpit.wall.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import javafx.scene.Node;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.TestHub;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WidgetHarness;
import org.shanzhi.cockpit.wall.layout.WidgetType;

/** The video grid plays the hub's simulated cameras, and closes the streams when it leaves its window. */
class VideoWidgetPlaysTest {

    @TempDir
    static Path data;
    static TestHub hub;

    @BeforeAll
    static void start() throws Exception {
        WidgetHarness.start();
        I18n.setLocale(I18n.DEFAULT);
        hub = new TestHub(data);
        assertThat(hub.ingest(Fixtures.inventory()).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void throughLibvlc() throws Exception {
        TestMedia.requireVlc();
        onlineTilesShowFramesAndLeavingTheWindowStopsThem(Libvlc.shared());
    }

    @Test
    void libvlcPlaysTheHubsCamerasOnWithoutTheWatchdogRestartingThem() throws Exception {
        // their MJPEG has no stream clock: a watchdog that watched the clock would call them stalled every 4 s
        TestMedia.requireVlc();
        WallContext context = new WallContext(() -> null, hub.runtime.baseUrl(), hub.token(Role.VIEWER));
        VideoWidget w = WidgetHarness.mount(() -> new VideoWidget(
                WidgetHarness.placement(WidgetType.VIDEO, "{\"split\":1,\"group\":\"all\"}"), context,
                Libvlc.shared()), 800, 500);
        WidgetHarness.show(w, hub.runtime.hub().situation());
        VideoTile tile = w.tiles().get(0);
        await().atMost(TestMedia.PATIENCE).until(() -> WidgetHarness.fx(() -> tile.playback().shown()) > 0);
        long until = System.nanoTime() + Duration.ofSeconds(VlcPlayback.STALL_S + 4).toNanos();
        while (System.nanoTime() < until) {
            assertThat(WidgetHarness.fx(() -> tile.playback().status().state())).isEqualTo(Playback.State.PLAYING);
            Thread.sleep(250);
        }
        WidgetHarness.fx(() -> {
            w.closeStreams();
            return null;
        });
    }

    @Test
    void withoutLibvlcThroughThePureJavaReader() throws Exception {
        onlineTilesShowFramesAndLeavingTheWindowStopsThem(Libvlc.absent("test: a machine without libvlc"));
    }

    void onlineTilesShowFramesAndLeavingTheWindowStopsThem(Libvlc vlc) throws Exception {
        WallContext context = new WallContext(() -> null, hub.runtime.baseUrl(), hub.token(Role.VIEWER));
        VideoWidget w = WidgetHarness.mount(() -> new VideoWidget(
                WidgetHarness.placement(WidgetType.VIDEO, "{\"split\":4,\"group\":\"all\"}"), context, vlc), 800, 500);
        WidgetHarness.show(w, hub.runtime.hub().situation());
        await().atMost(TestMedia.PATIENCE).until(() -> WidgetHarness.fx(() -> pictures(w.node())) == 2);
        assertThat(hub.runtime.server().cameras().rendering()).isEqualTo(2);
        await().atMost(TestMedia.PATIENCE).until(() -> WidgetHarness.fx(() -> WidgetHarness.texts(w.node())
                .stream().noneMatch(t -> t.contains("连接中") || t.contains("未接入"))));
        assertThat(WidgetHarness.texts(w.node())).contains("离线");

        WidgetHarness.fx(() -> {
            // the widget leaves its window (as on a layout switch); the shared test stage stays shown for others
            ((javafx.stage.Stage) w.node().getScene().getWindow()).setScene(new javafx.scene.Scene(
                    new javafx.scene.layout.Pane(), 100, 100));
            return null;
        });
        await().atMost(TestMedia.PATIENCE).until(() -> hub.runtime.server().cameras().rendering() == 0);
    }

    /** Visible pictures with a frame (at most the hub's 640 wide: libvlc decodes to the tile's size). */
    static long pictures(Node root) {
        return root.lookupAll("ImageView").stream().map(n -> (ImageView) n)
                .filter(v -> v.isVisible() && v.getImage() != null && v.getImage().getWidth() > 0
                        && v.getImage().getWidth() <= 640).count();
    }
}

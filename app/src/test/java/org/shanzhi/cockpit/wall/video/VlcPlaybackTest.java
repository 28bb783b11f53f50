package org.shanzhi.cockpit.wall.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WidgetHarness;
import org.shanzhi.cockpit.wall.layout.WidgetType;

/** Tiles play real media through libvlc into their own PixelBuffer, and heal when streams stall or come late. */
class VlcPlaybackTest {

    @BeforeAll
    static void start() throws Exception {
        WidgetHarness.start();
        I18n.setLocale(I18n.DEFAULT);
        TestMedia.requireVlc();
    }

    /** A grid of {@code split} tiles showing cameras CAM-00 … with these stream URLs. */
    static VideoWidget playing(int split, String... urls) throws Exception {
        WallContext context = new WallContext(() -> null, "http://127.0.0.1:9", "token");
        VideoWidget w = WidgetHarness.mount(() -> new VideoWidget(WidgetHarness.placement(WidgetType.VIDEO,
                "{\"split\":" + split + ",\"group\":\"all\"}"), context, Libvlc.shared()), 960, 540);
        List<Event> cams = new ArrayList<>();
        for (int i = 0; i < urls.length; i++) {
            cams.add(new Event.CameraRegistered(new Camera(String.format("CAM-0%d", i), "测试" + i, Fixtures.EAST,
                    null, false, true, urls[i])));
        }
        Situation s = Situation.empty();
        for (Event e : Fixtures.inventory()) {
            s = s.apply(new Recorded(s.seq() + 1, Fixtures.T0, e));
        }
        for (Event e : cams) {
            s = s.apply(new Recorded(s.seq() + 1, Fixtures.T0, e));
        }
        WidgetHarness.show(w, s);
        return w;
    }

    static long shown(VideoTile t) throws Exception {
        return WidgetHarness.fx(() -> t.playback() == null ? 0 : t.playback().shown());
    }

    static Playback.State state(VideoTile t) throws Exception {
        return WidgetHarness.fx(() -> t.playback().status().state());
    }

    /** What the tile says of its state. */
    static String said(VideoTile t) throws Exception {
        return WidgetHarness.fx(() -> t.state.getText());
    }

    static void close(VideoWidget w) throws Exception {
        WidgetHarness.fx(() -> {
            w.closeStreams();
            return null;
        });
    }

    @Test
    void aClipFilePlaysIntoTheTile() throws Exception {
        VideoWidget w = playing(1, TestMedia.clip().toUri().toString());
        VideoTile tile = w.tiles().get(0);
        assertThat(w.cameraIds()).containsExactly("CAM-00");
        await().atMost(TestMedia.PATIENCE).until(() -> shown(tile) >= 50);
        WidgetHarness.fx(() -> {
            assertThat(tile.picture.isVisible()).isTrue();
            // drawn at the clip's 16:9, whatever size of buffer libvlc chose to fill
            assertThat(tile.picture.getImage().getWidth()).isEqualTo(640);
            assertThat(tile.playback().aspect()).isCloseTo(640.0 / 360, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(tile.picture.getFitWidth() / tile.picture.getFitHeight())
                    .isCloseTo(640.0 / 360, org.assertj.core.data.Offset.offset(0.01));
            assertThat(tile.playback().decoded()).isGreaterThanOrEqualTo(tile.playback().shown());
            assertThat(tile.state.getText()).isEmpty();
            return null;
        });
        close(w);
    }

    @Test
    void anHlsPlaylistOverHttpPlays() throws Exception {
        com.sun.net.httpserver.HttpServer server = TestMedia.serve(TestMedia.hls());
        try {
            VideoWidget w = playing(1, "http://127.0.0.1:" + server.getAddress().getPort() + "/index.m3u8");
            VideoTile tile = w.tiles().get(0);
            await().atMost(TestMedia.PATIENCE).until(() -> shown(tile) >= 25);
            assertThat(state(tile)).isEqualTo(Playback.State.PLAYING);
            close(w);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void coloursReachTheScreenUnchanged() throws Exception {
        VideoWidget w = playing(1, TestMedia.solid("red").toUri().toString());
        VideoTile tile = w.tiles().get(0);
        await().atMost(TestMedia.PATIENCE).until(() -> shown(tile) >= 5);
        javafx.scene.paint.Color centre = WidgetHarness.fx(() -> {
            javafx.scene.image.Image img = tile.picture.getImage();
            return img.getPixelReader().getColor((int) img.getWidth() / 2, (int) img.getHeight() / 2);
        });
        assertThat(centre.getRed()).isGreaterThan(0.8);
        assertThat(centre.getGreen()).isLessThan(0.2);
        assertThat(centre.getBlue()).isLessThan(0.2);
        assertThat(centre.getOpacity()).isEqualTo(1.0);
        close(w);
    }

    @Test
    void aCorruptFileSaysNoSignalAndTheOtherTilesPlayOn() throws Exception {
        java.nio.file.Path corrupt = TestMedia.clip().resolveSibling("corrupt.mp4");
        byte[] junk = new byte[256 * 1024];
        new java.util.Random(7).nextBytes(junk);
        java.nio.file.Files.write(corrupt, junk);
        VideoWidget w = playing(4, corrupt.toUri().toString(), TestMedia.clip().toUri().toString());
        VideoTile bad = w.tiles().get(0);
        VideoTile good = w.tiles().get(1);
        await().atMost(TestMedia.PATIENCE).until(() -> state(bad) == Playback.State.NO_SIGNAL);
        await().atMost(TestMedia.PATIENCE).until(() -> said(bad).startsWith("无信号")); // the tile says so on its next pulse
        await().atMost(TestMedia.PATIENCE).until(() -> shown(good) >= 25);
        assertThat(shown(bad)).isZero();
        close(w);
    }

    @Test
    void anHttpStreamFromCvlcPlaysAndATileWhoseFramesStopRestartsItself() throws Exception {
        int port = TestMedia.freePort();
        try (TestMedia.Streamer cvlc = TestMedia.http(port)) {
            VideoWidget w = playing(1, "http://127.0.0.1:" + port + "/c.ts");
            VideoTile tile = w.tiles().get(0);
            await().atMost(TestMedia.PATIENCE).until(() -> shown(tile) >= 25);
            assertThat(state(tile)).isEqualTo(Playback.State.PLAYING);

            cvlc.freeze(); // the connection stays open, the frames stop
            await().atMost(TestMedia.PATIENCE).until(() -> state(tile) != Playback.State.PLAYING);
            await().atMost(TestMedia.PATIENCE).until(() -> said(tile)
                    .matches("(画面停滞 · 自 .* · 正在重启播放器|无信号 · 自 .* · \\d+ 秒后重试)"));

            cvlc.thaw();
            long before = shown(tile);
            await().atMost(TestMedia.PATIENCE).until(() -> state(tile) == Playback.State.PLAYING
                    && shown(tile) >= before + 25);
            close(w);
        }
    }

    @Test
    void streamsThatAreNotThereSayNoSignalAndPlayWhenTheyComeBack() throws Exception {
        int port = TestMedia.freePort();
        String[] urls = new String[4];
        for (int i = 0; i < 4; i++) {
            urls[i] = "http://127.0.0.1:" + port + "/c.ts"; // the same dead server four times
        }
        VideoWidget w = playing(4, urls);
        for (VideoTile t : w.tiles()) {
            await().atMost(TestMedia.PATIENCE).until(() -> state(t) == Playback.State.NO_SIGNAL);
            await().atMost(TestMedia.PATIENCE).until(() -> said(t).matches("无信号 · 自 \\d\\d:\\d\\d · \\d+ 秒后重试"));
            assertThat(WidgetHarness.fx(() -> t.playback().status().retryAt())).isNotNull();
        }
        try (TestMedia.Streamer cvlc = TestMedia.http(port)) {
            VideoTile first = w.tiles().get(0);
            await().atMost(TestMedia.PATIENCE).until(() -> shown(first) >= 10);
            assertThat(state(first)).isEqualTo(Playback.State.PLAYING);
        }
        close(w);
    }
}

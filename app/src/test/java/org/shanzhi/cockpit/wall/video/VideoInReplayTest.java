package org.shanzhi.cockpit.wall.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.shanzhi.cockpit.domain.Event.CameraStatusChanged;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.SituationSource;
import org.shanzhi.cockpit.hub.Role;
import org.shanzhi.cockpit.hub.TestHub;
import org.shanzhi.cockpit.json.Json;
import org.shanzhi.cockpit.recording.Recording;
import org.shanzhi.cockpit.replay.Replay;
import org.shanzhi.cockpit.replay.ReplaySource;
import org.shanzhi.cockpit.replay.ReplaySwitch;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WidgetHarness;
import org.shanzhi.cockpit.wall.layout.WidgetType;

/**
 * The video tiles in a replay: the hub keeps no recorded video, so no tile plays a live stream as if it were the
 * replay's moment; each shows its camera's present still marked 无录像 with the replay's time; leaving the replay plays
 * the live streams again.
 */
class VideoInReplayTest {

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
    void replayedTilesShowTheCamerasStillMarkedNoRecordingAndLeavingPlaysLiveAgain() throws Exception {
        Situation now = hub.runtime.hub().situation();
        ReplaySwitch replays = new ReplaySwitch(SituationSource.fixed(now));
        WallContext context = new WallContext(() -> null, hub.runtime.baseUrl(), hub.token(Role.VIEWER));
        WidgetHarness.replays(context, replays);
        VideoWidget w = WidgetHarness.mount(() -> new VideoWidget(WidgetHarness.placement(WidgetType.VIDEO,
                "{\"split\":4,\"group\":\"all\"}"), context, Libvlc.absent("test: the pure-Java reader")), 800, 500);
        WidgetHarness.show(w, now);
        await().atMost(TestMedia.PATIENCE).until(() -> WidgetHarness.fx(() -> VideoWidgetPlaysTest.pictures(w.node())) == 2);

        // a replay of a minute in which the cameras were as now: its start is what the wall shows
        Instant start = now.time().minus(Duration.ofHours(1));
        Replay replay = new Replay(Recording.read(recording(now, start)));
        ReplaySource source = new ReplaySource(replay, () -> 0L);
        WidgetHarness.fx(() -> {
            replays.enter(source);
            return null;
        });
        WidgetHarness.show(w, source.latest());
        String time = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .withZone(org.shanzhi.cockpit.domain.Kpi.BEIJING).format(source.time());
        // nothing plays: no tile holds a stream, and the hub stops rendering once the stills are read
        assertThat(WidgetHarness.fx(() -> w.tiles().stream().allMatch(t -> t.playback() == null))).isTrue();
        await().atMost(TestMedia.PATIENCE).until(() -> hub.runtime.server().cameras().rendering() == 0);
        // each online camera's tile: its present still, marked 无录像 with the replay's time
        await().atMost(TestMedia.PATIENCE).until(() -> {
            WidgetHarness.show(w, source.latest());
            return WidgetHarness.fx(() -> VideoWidgetPlaysTest.pictures(w.node())) == 2;
        });
        List<String> texts = WidgetHarness.fx(() -> WidgetHarness.texts(w.node()));
        assertThat(texts.stream().filter(t -> t.equals("无录像 · 摄像机当前画面 · 回放时刻 " + time))).hasSize(2);
        assertThat(texts).anyMatch(t -> t.startsWith("离线 · 无录像"));
        assertThat(texts).noneMatch(t -> t.contains("连接中"));
        assertThat(texts).anyMatch(t -> t.contains("指挥平台不保存录像"));
        assertThat(WidgetHarness.fx(() -> w.tiles().stream().allMatch(t -> t.playback() == null))).isTrue();

        // back to live: the streams play again, and the marks are gone
        WidgetHarness.fx(() -> {
            replays.leave();
            return null;
        });
        WidgetHarness.show(w, now);
        await().atMost(TestMedia.PATIENCE).until(() -> WidgetHarness.fx(() -> w.tiles().stream()
                .filter(t -> t.playback() != null).count()) == 2);
        await().atMost(TestMedia.PATIENCE).until(() -> WidgetHarness.fx(() -> WidgetHarness.texts(w.node())
                .stream().noneMatch(t -> t.contains("无录像") || t.contains("连接中"))));
        WidgetHarness.fx(() -> {
            w.closeStreams();
            return null;
        });
    }

    /** A recording from {@code start} of one camera event a minute in, on the situation {@code s}. */
    static Path recording(Situation s, Instant start) throws Exception {
        Path file = data.resolve("minute.shanzhi");
        String camera = s.cameras().keySet().iterator().next();
        Recorded r = new Recorded(s.seq() + 1, start.plus(Duration.ofMinutes(1)),
                new CameraStatusChanged(camera, s.cameras().get(camera).online()));
        try (Recording.Writer w = new Recording.Writer(file, "test")) {
            w.add(s, r.seq(), r.time(), Json.typeOf(r.event()), Json.write(r.event()), null);
            w.finish(start, r.time());
        }
        return file;
    }
}

package org.shanzhi.cockpit.wall.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shanzhi.cockpit.wall.video.VideoFixtures.alert;
import static org.shanzhi.cockpit.wall.video.VideoFixtures.at;
import static org.shanzhi.cockpit.wall.video.VideoFixtures.nineCameras;
import static org.shanzhi.cockpit.wall.video.VideoFixtures.tick;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.VideoAlarms.VideoAlarm;
import org.shanzhi.cockpit.domain.VideoAlarms;

/** Which camera on which tile, the alarm queue, tours, pins and the maximised tile: plain decisions, no JavaFX. */
class VideoGridTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The alarms that came up, in order. */
    final List<VideoAlarm> cameUp = new ArrayList<>();

    VideoGrid grid(String options) throws Exception {
        return new VideoGrid(VideoGrid.Options.of(JSON.readTree(options)), cameUp::add);
    }

    /** At 1× the wall's clock reads the situation's time. */
    static boolean show(VideoGrid g, Situation s) {
        return g.show(s, s == null ? Instant.EPOCH : s.time());
    }

    static List<String> ids(List<VideoAlarm> alarms) {
        return alarms.stream().map(VideoAlarm::id).toList();
    }

    @Test
    void optionsAreReadLenientlyWithTheirDefaults() throws Exception {
        assertThat(VideoGrid.Options.of((JsonNode) null))
                .isEqualTo(new VideoGrid.Options(4, "key-points", 0, 0, 60));
        assertThat(VideoGrid.Options.of(JSON.readTree("{}"))).isEqualTo(new VideoGrid.Options(4, "key-points", 0, 0, 60));
        assertThat(VideoGrid.Options.of(JSON.readTree(
                "{\"split\":5,\"group\":\" \",\"tourSeconds\":3,\"alarmTile\":7,\"alarmSeconds\":1}")))
                .isEqualTo(new VideoGrid.Options(4, "key-points", 5, -1, 5));
        VideoGrid.Options sixteen = VideoGrid.Options.of(JSON.readTree(
                "{\"split\":16,\"group\":\"all\",\"tourSeconds\":-1,\"alarmTile\":15}"));
        assertThat(sixteen).isEqualTo(new VideoGrid.Options(16, "all", 0, 15, 60));
        assertThat(sixteen.side()).isEqualTo(4);
    }

    @Test
    void theGroupChoosesTheCamerasAndTheSplitHowManyAtOnce() throws Exception {
        VideoGrid one = grid("{\"split\":1,\"group\":\"key-points\"}");
        assertThat(show(one, nineCameras())).isTrue();
        assertThat(one.cameraIds()).containsExactly("CAM-1");
        assertThat(one.pageCount()).isEqualTo(1);

        VideoGrid east = grid("{\"split\":16,\"group\":\"110106016002\"}");
        show(east, nineCameras());
        assertThat(east.cameraIds()).hasSize(16);
        assertThat(east.cameraIds().subList(0, 8))
                .containsExactly("CAM-2", "CAM-3", "CAM-4", "CAM-5", "CAM-6", "CAM-7", "CAM-8", "CAM-9");
        assertThat(east.cameraIds().subList(8, 16)).containsOnlyNulls();

        VideoGrid nine = grid("{\"split\":9,\"group\":\"all\"}");
        show(nine, nineCameras());
        assertThat(nine.cameraIds()).doesNotContainNull().hasSize(9);

        VideoGrid units = grid("{\"split\":4,\"group\":\"units\"}");
        show(units, nineCameras());
        assertThat(units.cameraIds()).containsOnlyNulls();
        assertThat(units.members()).isEmpty();
    }

    @Test
    void theSameSituationTwiceChangesNothing() throws Exception {
        VideoGrid g = grid("{\"split\":4,\"group\":\"all\"}");
        Situation s = nineCameras();
        assertThat(show(g, s)).isTrue();
        assertThat(show(g, s)).isFalse();
        assertThat(show(g, null)).isFalse();
    }

    @Test
    void theTourTurnsThePageEveryTourSeconds() throws Exception {
        VideoGrid g = grid("{\"split\":4,\"group\":\"all\",\"tourSeconds\":30}");
        Situation s = nineCameras();
        show(g, s);
        assertThat(g.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
        assertThat(g.page()).isZero();
        assertThat(g.pageCount()).isEqualTo(3);

        show(g, s = tick(s, 29));
        assertThat(g.page()).isZero();
        show(g, s = tick(s, 30));
        assertThat(g.page()).isEqualTo(1);
        assertThat(g.cameraIds()).containsExactly("CAM-5", "CAM-6", "CAM-7", "CAM-8");
        show(g, s = tick(s, 65));
        assertThat(g.cameraIds()).containsExactly("CAM-9", null, null, null);
        show(g, tick(s, 90));
        assertThat(g.page()).isZero();

        VideoGrid still = grid("{\"split\":4,\"group\":\"all\"}");
        show(still, nineCameras());
        show(still, tick(nineCameras(), 600));
        assertThat(still.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
    }

    @Test
    void withTheSituationRacingAt60TimesTheTourTurnsOnTheWallsClock() throws Exception {
        VideoGrid g = grid("{\"split\":4,\"group\":\"all\",\"tourSeconds\":30}");
        Situation s = nineCameras();
        Instant wall = Instant.parse("2026-12-01T09:00:00Z");
        // a pulse every 100 ms of the wall's clock, six seconds of the situation's each
        List<Integer> pages = new ArrayList<>();
        for (int pulse = 0; pulse <= 900; pulse++) {
            g.show(s = tick(s, pulse * 6L), wall.plusMillis(pulse * 100L));
            if (pulse % 50 == 0) {
                pages.add(g.page()); // every 5 s of the wall's clock
            }
        }
        // 90 s of the wall's clock (90 min of the situation's): three turns, one every 30 s
        assertThat(pages).containsExactly(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 0);

        // the same situation, the wall's clock going on: the page turns, and says so
        assertThat(g.show(s, wall.plusSeconds(119))).isFalse();
        assertThat(g.show(s, wall.plusSeconds(120))).isTrue();
        assertThat(g.page()).isEqualTo(1);
        assertThat(g.cameraIds()).containsExactly("CAM-5", "CAM-6", "CAM-7", "CAM-8");
    }

    @Test
    void withTheSituationRacingAt60TimesAnAlarmHoldsItsTileAlarmSecondsOfTheWallsClock() throws Exception {
        VideoGrid g = grid("{\"split\":4,\"group\":\"all\",\"alarmSeconds\":60}");
        Situation s = nineCameras(true);
        Instant wall = Instant.parse("2026-12-01T09:00:00Z");
        g.show(s, wall);
        g.show(s = at(s, 1, alert("AL-1", "CAM-4"), alert("AL-2", "CAM-5")), wall.plusMillis(100));
        assertThat(g.current().id()).isEqualTo("AL-1");
        Duration held = null;
        for (int pulse = 2; pulse <= 1000 && held == null; pulse++) {
            Instant now = wall.plusMillis(pulse * 100L);
            g.show(s = tick(s, pulse * 6L), now);
            if (!"AL-1".equals(g.current().id())) {
                held = Duration.between(wall.plusMillis(100), now);
            }
        }
        // an hour of the situation's time went by; the first alarm held its tile one minute of the wall's clock
        assertThat(held).isEqualTo(Duration.ofSeconds(60));
        assertThat(g.current().id()).isEqualTo("AL-2");
        assertThat(g.cameraIds().get(0)).isEqualTo("CAM-5");

        // the wall's clock alone ends it too: the same situation, a minute later, the grid is the tour's again
        assertThat(g.show(s, wall.plusSeconds(120).plusMillis(100))).isTrue();
        assertThat(g.current()).isNull();
        assertThat(g.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
    }

    @Test
    void anAlarmTakesTheAlarmTileForItsTimeWhileTheNextOnesQueue() throws Exception {
        VideoGrid g = grid("{\"split\":4,\"group\":\"all\",\"tourSeconds\":30,\"alarmSeconds\":60}");
        Situation s = nineCameras(true);
        show(g, s);
        assertThat(cameUp).isEmpty();
        s = at(s, 35, new Event.AiAlertRaised("AL-1", "CAM-1", "人群密度", "856", 0.87,
                List.of(new AiAlert.Box(0.25, 0.25, 0.5, 0.5, "人群"))));
        show(g, s);
        assertThat(g.page()).isEqualTo(1);
        assertThat(g.cameraIds()).containsExactly("CAM-1", "CAM-5", "CAM-6", "CAM-7");
        assertThat(g.alarm(0).id()).isEqualTo("AL-1");
        assertThat(g.alarm(1)).isNull();
        assertThat(g.currentTile()).isZero();
        assertThat(ids(cameUp)).containsExactly("AL-1");

        // a second alarm waits for the first one's time to run out
        show(g, s = at(s, 40, alert("AL-2", "CAM-4")));
        assertThat(g.cameraIds().get(0)).isEqualTo("CAM-1");
        assertThat(g.queued()).isEqualTo(1);
        show(g, s = tick(s, 94));
        assertThat(g.current().id()).isEqualTo("AL-1");
        show(g, s = tick(s, 96));
        assertThat(g.cameraIds().get(0)).isEqualTo("CAM-4");
        assertThat(g.alarm(0).id()).isEqualTo("AL-2");
        assertThat(g.queued()).isZero();
        assertThat(ids(cameUp)).containsExactly("AL-1", "AL-2");

        // reviewed: the tour goes on in its tile
        show(g, at(s, 100, new Event.AiAlertReviewed("AL-2", AiAlert.Review.REJECTED, null, null, null)));
        assertThat(g.current()).isNull();
        assertThat(g.alarm(0)).isNull();
        assertThat(g.page()).isZero();
        assertThat(g.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
    }

    @Test
    void alarmsComeFromAnyCameraAndSensorsBringTheirNearestCamera() throws Exception {
        VideoGrid east = grid("{\"split\":4,\"group\":\"110106016002\"}");
        show(east, at(nineCameras(), 10, alert("AL-2", "CAM-1")));
        assertThat(east.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");

        VideoGrid g = grid("{\"split\":4,\"group\":\"key-points\"}");
        Situation s = nineCameras();
        show(g, s);
        show(g, s = at(s, 20, new Event.SensorReported("S-1", 35)));
        assertThat(g.cameraIds().get(0)).isEqualTo("CAM-2"); // online and nearest; CAM-3 is as near but offline
        assertThat(g.alarm(0).sensor().id()).isEqualTo("S-1");
        show(g, at(s, 30, new Event.SensorReported("S-1", 5)));
        assertThat(g.cameraIds()).containsExactly("CAM-1", null, null, null);

        // a wall opened late shows an alarm still recent, not the old ones
        VideoGrid late = grid("{\"split\":4,\"group\":\"all\",\"alarmSeconds\":60}");
        Situation old = at(nineCameras(true), 0, alert("AL-OLD", "CAM-4"));
        old = at(old, 10, alert("AL-NEW", "CAM-5"));
        show(late, tick(old, 65));
        assertThat(late.cameraIds().get(0)).isEqualTo("CAM-5");
        assertThat(late.queued()).isZero();
    }

    @Test
    void aStormOfAlarmsKeepsTheNewestAndAClearedOneLeavesTheQueue() throws Exception {
        VideoGrid g = grid("{\"split\":4,\"group\":\"all\",\"alarmSeconds\":60}");
        Situation s = nineCameras(true);
        show(g, s);
        Event[] storm = new Event[VideoGrid.MAX_QUEUED + 10];
        for (int i = 0; i < storm.length; i++) {
            storm[i] = alert(String.format("AL-%02d", i), "CAM-" + (4 + i % 6));
        }
        show(g, s = at(s, 10, storm));
        // the oldest ten beyond the queue's bound are dropped; the next comes up, the rest wait
        assertThat(g.current().id()).isEqualTo("AL-10");
        assertThat(g.queued()).isEqualTo(VideoGrid.MAX_QUEUED - 1);
        show(g, at(s, 11, new Event.AiAlertReviewed("AL-11", AiAlert.Review.REJECTED, null, null, null)));
        assertThat(g.queued()).isEqualTo(VideoGrid.MAX_QUEUED - 2);
        assertThat(ids(cameUp)).containsExactly("AL-10");
    }

    @Test
    void aPinnedTileKeepsItsPictureAndChosenCamerasStay() throws Exception {
        VideoGrid g = grid("{\"split\":4,\"group\":\"all\"}");
        Situation s = nineCameras(true);
        show(g, s);
        g.pin(0, true);
        assertThat(g.choose(2, "CAM-9")).isTrue();
        assertThat(g.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-9", "CAM-3");
        assertThat(g.pinned(0)).isTrue();
        assertThat(g.chosen(2)).isEqualTo("CAM-9");
        assertThat(g.choose(1, "CAM-404")).isFalse(); // a camera the situation does not know
        assertThat(g.chosen(1)).isNull();

        show(g, at(s, 10, new Event.AiAlertRaised("AL-1", "CAM-6", "占道经营", "801", 0.8, null)));
        // not the pinned first tile, not the chosen one: the least important
        assertThat(g.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-9", "CAM-6");
        assertThat(g.currentTile()).isEqualTo(3);

        // a camera opened from the map goes to the least important tile the alarm leaves free
        g.open("CAM-8");
        assertThat(g.cameraIds()).containsExactly("CAM-1", "CAM-8", "CAM-9", "CAM-6");
        g.open("CAM-8"); // already there
        assertThat(g.cameraIds()).containsExactly("CAM-1", "CAM-8", "CAM-9", "CAM-6");
        g.choose(2, null);
        g.choose(1, null);
        assertThat(g.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-6");
        assertThat(g.noneChosen()).isTrue();

        // every tile pinned: the alarm leaves its tile and waits
        for (int i = 0; i < 4; i++) {
            g.pin(i, true);
        }
        assertThat(g.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
        assertThat(g.current()).isNull();
        assertThat(g.queued()).isEqualTo(1);

        // unpinned: the waiting alarm comes up there at once
        g.pin(2, false);
        assertThat(g.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-6", "CAM-3");
        assertThat(g.queued()).isZero();
        assertThat(ids(cameUp)).containsExactly("AL-1", "AL-1");

        // a camera is on one tile only: the alarm's camera is not opened again, a chosen one not twice
        for (int i = 0; i < 4; i++) {
            g.pin(i, false);
        }
        g.open("CAM-6");
        g.choose(0, "CAM-9");
        g.choose(1, "CAM-9");
        assertThat(g.cameraIds()).containsExactly("CAM-9", null, "CAM-6", "CAM-1");
    }

    @Test
    void anAlarmForATileHiddenBehindTheMaximisedOneBringsTheGridBack() throws Exception {
        VideoGrid g = grid("{\"split\":4,\"group\":\"all\"}");
        Situation s = nineCameras(true);
        show(g, s);
        g.toggleMaximised(1);
        assertThat(g.maximised()).isEqualTo(1);
        g.toggleMaximised(1);
        assertThat(g.maximised()).isEqualTo(-1);
        g.toggleMaximised(1);
        g.toggleMaximised(3);
        assertThat(g.maximised()).isEqualTo(3);

        show(g, at(s, 10, alert("AL-1", "CAM-6")));
        assertThat(g.currentTile()).isZero();
        assertThat(g.maximised()).isEqualTo(-1);
        assertThat(g.cameraIds().get(0)).isEqualTo("CAM-6");

        // on the maximised tile itself it stays maximised
        VideoGrid on = grid("{\"split\":4,\"group\":\"all\"}");
        show(on, s);
        on.maximise(0);
        show(on, at(s, 10, alert("AL-1", "CAM-6")));
        assertThat(on.maximised()).isZero();
        assertThat(on.alarm(0).cameraId()).isEqualTo("CAM-6");
    }

    @Test
    void beforeAnyCameraTheGridIsVacant() throws Exception {
        VideoGrid g = grid("{\"split\":4,\"group\":\"all\"}");
        show(g, Situation.empty());
        assertThat(g.cameraIds()).containsOnlyNulls();
        g.open("CAM-1"); // not known yet
        assertThat(g.noneChosen()).isTrue();
        show(g, Fixtures.district());
        assertThat(g.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", null);
        Camera first = g.camera(0);
        assertThat(first.name()).isEqualTo("西门");
    }
}

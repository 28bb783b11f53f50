package org.shanzhi.cockpit.wall.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shanzhi.cockpit.wall.video.VideoFixtures.alert;
import static org.shanzhi.cockpit.wall.video.VideoFixtures.at;
import static org.shanzhi.cockpit.wall.video.VideoFixtures.nineCameras;
import static org.shanzhi.cockpit.wall.video.VideoFixtures.tick;

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
        assertThat(one.show(nineCameras())).isTrue();
        assertThat(one.cameraIds()).containsExactly("CAM-1");
        assertThat(one.pageCount()).isEqualTo(1);

        VideoGrid east = grid("{\"split\":16,\"group\":\"110106016002\"}");
        east.show(nineCameras());
        assertThat(east.cameraIds()).hasSize(16);
        assertThat(east.cameraIds().subList(0, 8))
                .containsExactly("CAM-2", "CAM-3", "CAM-4", "CAM-5", "CAM-6", "CAM-7", "CAM-8", "CAM-9");
        assertThat(east.cameraIds().subList(8, 16)).containsOnlyNulls();

        VideoGrid nine = grid("{\"split\":9,\"group\":\"all\"}");
        nine.show(nineCameras());
        assertThat(nine.cameraIds()).doesNotContainNull().hasSize(9);

        VideoGrid units = grid("{\"split\":4,\"group\":\"units\"}");
        units.show(nineCameras());
        assertThat(units.cameraIds()).containsOnlyNulls();
        assertThat(units.members()).isEmpty();
    }

    @Test
    void theSameSituationTwiceChangesNothing() throws Exception {
        VideoGrid g = grid("{\"split\":4,\"group\":\"all\"}");
        Situation s = nineCameras();
        assertThat(g.show(s)).isTrue();
        assertThat(g.show(s)).isFalse();
        assertThat(g.show(null)).isFalse();
    }

    @Test
    void theTourTurnsThePageEveryTourSecondsOfSituationTime() throws Exception {
        VideoGrid g = grid("{\"split\":4,\"group\":\"all\",\"tourSeconds\":30}");
        Situation s = nineCameras();
        g.show(s);
        assertThat(g.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
        assertThat(g.page()).isZero();
        assertThat(g.pageCount()).isEqualTo(3);

        g.show(s = tick(s, 29));
        assertThat(g.page()).isZero();
        g.show(s = tick(s, 30));
        assertThat(g.page()).isEqualTo(1);
        assertThat(g.cameraIds()).containsExactly("CAM-5", "CAM-6", "CAM-7", "CAM-8");
        g.show(s = tick(s, 65));
        assertThat(g.cameraIds()).containsExactly("CAM-9", null, null, null);
        g.show(tick(s, 90));
        assertThat(g.page()).isZero();

        // a replay that goes back in time starts the tour again
        VideoGrid replay = grid("{\"split\":4,\"group\":\"all\",\"tourSeconds\":30}");
        replay.show(tick(nineCameras(), 30));
        replay.show(tick(nineCameras(), 60));
        assertThat(replay.page()).isEqualTo(1);
        replay.show(tick(nineCameras(), 10));
        assertThat(replay.page()).isZero();
        replay.show(tick(nineCameras(), 40));
        assertThat(replay.page()).isEqualTo(1);

        VideoGrid still = grid("{\"split\":4,\"group\":\"all\"}");
        still.show(nineCameras());
        still.show(tick(nineCameras(), 600));
        assertThat(still.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
    }

    @Test
    void anAlarmTakesTheAlarmTileForItsTimeWhileTheNextOnesQueue() throws Exception {
        VideoGrid g = grid("{\"split\":4,\"group\":\"all\",\"tourSeconds\":30,\"alarmSeconds\":60}");
        Situation s = nineCameras(true);
        g.show(s);
        assertThat(cameUp).isEmpty();
        s = at(s, 35, new Event.AiAlertRaised("AL-1", "CAM-1", "人群密度", "856", 0.87,
                List.of(new AiAlert.Box(0.25, 0.25, 0.5, 0.5, "人群"))));
        g.show(s);
        assertThat(g.page()).isEqualTo(1);
        assertThat(g.cameraIds()).containsExactly("CAM-1", "CAM-5", "CAM-6", "CAM-7");
        assertThat(g.alarm(0).id()).isEqualTo("AL-1");
        assertThat(g.alarm(1)).isNull();
        assertThat(g.currentTile()).isZero();
        assertThat(ids(cameUp)).containsExactly("AL-1");

        // a second alarm waits for the first one's time to run out
        g.show(s = at(s, 40, alert("AL-2", "CAM-4")));
        assertThat(g.cameraIds().get(0)).isEqualTo("CAM-1");
        assertThat(g.queued()).isEqualTo(1);
        g.show(s = tick(s, 94));
        assertThat(g.current().id()).isEqualTo("AL-1");
        g.show(s = tick(s, 96));
        assertThat(g.cameraIds().get(0)).isEqualTo("CAM-4");
        assertThat(g.alarm(0).id()).isEqualTo("AL-2");
        assertThat(g.queued()).isZero();
        assertThat(ids(cameUp)).containsExactly("AL-1", "AL-2");

        // reviewed: the tour goes on in its tile
        g.show(at(s, 100, new Event.AiAlertReviewed("AL-2", AiAlert.Review.REJECTED, null, null, null)));
        assertThat(g.current()).isNull();
        assertThat(g.alarm(0)).isNull();
        assertThat(g.page()).isZero();
        assertThat(g.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");
    }

    @Test
    void alarmsComeFromAnyCameraAndSensorsBringTheirNearestCamera() throws Exception {
        VideoGrid east = grid("{\"split\":4,\"group\":\"110106016002\"}");
        east.show(at(nineCameras(), 10, alert("AL-2", "CAM-1")));
        assertThat(east.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", "CAM-4");

        VideoGrid g = grid("{\"split\":4,\"group\":\"key-points\"}");
        Situation s = nineCameras();
        g.show(s);
        g.show(s = at(s, 20, new Event.SensorReported("S-1", 35)));
        assertThat(g.cameraIds().get(0)).isEqualTo("CAM-2"); // online and nearest; CAM-3 is as near but offline
        assertThat(g.alarm(0).sensor().id()).isEqualTo("S-1");
        g.show(at(s, 30, new Event.SensorReported("S-1", 5)));
        assertThat(g.cameraIds()).containsExactly("CAM-1", null, null, null);

        // a wall opened late shows an alarm still recent, not the old ones
        VideoGrid late = grid("{\"split\":4,\"group\":\"all\",\"alarmSeconds\":60}");
        Situation old = at(nineCameras(true), 0, alert("AL-OLD", "CAM-4"));
        old = at(old, 10, alert("AL-NEW", "CAM-5"));
        late.show(tick(old, 65));
        assertThat(late.cameraIds().get(0)).isEqualTo("CAM-5");
        assertThat(late.queued()).isZero();
    }

    @Test
    void aStormOfAlarmsKeepsTheNewestAndAClearedOneLeavesTheQueue() throws Exception {
        VideoGrid g = grid("{\"split\":4,\"group\":\"all\",\"alarmSeconds\":60}");
        Situation s = nineCameras(true);
        g.show(s);
        Event[] storm = new Event[VideoGrid.MAX_QUEUED + 10];
        for (int i = 0; i < storm.length; i++) {
            storm[i] = alert(String.format("AL-%02d", i), "CAM-" + (4 + i % 6));
        }
        g.show(s = at(s, 10, storm));
        // the oldest ten beyond the queue's bound are dropped; the next comes up, the rest wait
        assertThat(g.current().id()).isEqualTo("AL-10");
        assertThat(g.queued()).isEqualTo(VideoGrid.MAX_QUEUED - 1);
        g.show(at(s, 11, new Event.AiAlertReviewed("AL-11", AiAlert.Review.REJECTED, null, null, null)));
        assertThat(g.queued()).isEqualTo(VideoGrid.MAX_QUEUED - 2);
        assertThat(ids(cameUp)).containsExactly("AL-10");
    }

    @Test
    void aPinnedTileKeepsItsPictureAndChosenCamerasStay() throws Exception {
        VideoGrid g = grid("{\"split\":4,\"group\":\"all\"}");
        Situation s = nineCameras(true);
        g.show(s);
        g.pin(0, true);
        assertThat(g.choose(2, "CAM-9")).isTrue();
        assertThat(g.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-9", "CAM-3");
        assertThat(g.pinned(0)).isTrue();
        assertThat(g.chosen(2)).isEqualTo("CAM-9");
        assertThat(g.choose(1, "CAM-404")).isFalse(); // a camera the situation does not know
        assertThat(g.chosen(1)).isNull();

        g.show(at(s, 10, new Event.AiAlertRaised("AL-1", "CAM-6", "占道经营", "801", 0.8, null)));
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
        g.show(s);
        g.toggleMaximised(1);
        assertThat(g.maximised()).isEqualTo(1);
        g.toggleMaximised(1);
        assertThat(g.maximised()).isEqualTo(-1);
        g.toggleMaximised(1);
        g.toggleMaximised(3);
        assertThat(g.maximised()).isEqualTo(3);

        g.show(at(s, 10, alert("AL-1", "CAM-6")));
        assertThat(g.currentTile()).isZero();
        assertThat(g.maximised()).isEqualTo(-1);
        assertThat(g.cameraIds().get(0)).isEqualTo("CAM-6");

        // on the maximised tile itself it stays maximised
        VideoGrid on = grid("{\"split\":4,\"group\":\"all\"}");
        on.show(s);
        on.maximise(0);
        on.show(at(s, 10, alert("AL-1", "CAM-6")));
        assertThat(on.maximised()).isZero();
        assertThat(on.alarm(0).cameraId()).isEqualTo("CAM-6");
    }

    @Test
    void beforeAnyCameraTheGridIsVacant() throws Exception {
        VideoGrid g = grid("{\"split\":4,\"group\":\"all\"}");
        g.show(Situation.empty());
        assertThat(g.cameraIds()).containsOnlyNulls();
        g.open("CAM-1"); // not known yet
        assertThat(g.noneChosen()).isTrue();
        g.show(Fixtures.district());
        assertThat(g.cameraIds()).containsExactly("CAM-1", "CAM-2", "CAM-3", null);
        Camera first = g.camera(0);
        assertThat(first.name()).isEqualTo("西门");
    }
}

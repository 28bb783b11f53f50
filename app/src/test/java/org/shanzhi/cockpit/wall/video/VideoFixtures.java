package org.shanzhi.cockpit.wall.video;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;

/** Situations for the video grid: an evening's cameras, alarms at given seconds after 20:00. */
final class VideoFixtures {

    static final Instant EVENING = Instant.parse("2026-05-30T20:00:00+08:00");

    private VideoFixtures() {
    }

    /** Folds events at a time ({@code seconds} after 20:00). */
    static Situation at(Situation s, long seconds, Event... events) {
        for (Event e : events) {
            s = s.apply(new Recorded(s.seq() + 1, EVENING.plusSeconds(seconds), e));
        }
        return s;
    }

    /** A tick of situation time: nothing changes but the clock. */
    static Situation tick(Situation s, long seconds) {
        return at(s, seconds, new Event.SensorReported("S-1", 0));
    }

    /** The fixture's CAM-1 (AI) … CAM-3 (offline) and CAM-4 … CAM-9 online in the east community. */
    static Situation nineCameras() {
        return nineCameras(false);
    }

    /** As {@link #nineCameras()}, CAM-4 … CAM-9 with AI analysis when {@code ai}. */
    static Situation nineCameras(boolean ai) {
        List<Event> more = new ArrayList<>();
        for (int i = 4; i <= 9; i++) {
            more.add(new Event.CameraRegistered(new Camera("CAM-" + i, "东路" + i + "号杆", new GeoPoint(116.41, 39.81),
                    null, ai, true, null)));
        }
        return at(Fixtures.district(), 0, more.toArray(Event[]::new));
    }

    /** An AI alert on a camera, with no boxes. */
    static Event alert(String id, String cameraId) {
        return new Event.AiAlertRaised(id, cameraId, "火警", "881", 0.9, null);
    }
}

package org.shanzhi.cockpit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What the video wall brings up by itself: new AI alerts on their cameras, sensor alarms on the nearest camera. */
public final class VideoAlarms {

    private VideoAlarms() {
    }

    /**
     * Something the video wall should bring up: a new AI alert (on its camera) or a sensor gone into alarm (on the
     * nearest online camera). Exactly one of {@code alert} and {@code sensor} is set.
     */
    public record VideoAlarm(String cameraId, AiAlert alert, Sensor sensor, Instant raisedAt, GeoPoint at) {

        /** The alert's id, or the sensor's id with the time it went off. */
        public String id() {
            return alert != null ? alert.id() : sensor.id() + "@" + raisedAt;
        }

        /** Whether it still stands in {@code s}: the alert awaits review, the sensor is still in alarm. */
        public boolean standsIn(Situation s) {
            if (alert != null) {
                AiAlert a = s.alerts().get(alert.id());
                return a != null && a.review() == AiAlert.Review.PENDING;
            }
            Sensor x = s.sensors().get(sensor.id());
            return x != null && x.alarm();
        }
    }

    /**
     * The alarms that are new in {@code now} against {@code before} (all standing ones when {@code before} is
     * empty), oldest first: pending AI alerts on a known camera, and sensors that went into alarm, on the nearest
     * online camera within {@link #ALARM_CAMERA_METRES}.
     */
    public static List<VideoAlarm> newVideoAlarms(Situation before, Situation now) {
        List<VideoAlarm> out = new ArrayList<>();
        if (before.alerts() != now.alerts()) {
            for (AiAlert a : now.alerts().values()) {
                Camera c = now.cameras().get(a.cameraId());
                if (a.review() == AiAlert.Review.PENDING && c != null && !before.alerts().containsKey(a.id())) {
                    out.add(new VideoAlarm(c.id(), a, null, a.raisedAt(), c.at()));
                }
            }
        }
        if (before.sensors() != now.sensors()) {
            for (Sensor x : now.sensors().values()) {
                Sensor was = before.sensors().get(x.id());
                if (x.alarm() && (was == null || !was.alarm())) {
                    Camera c = nearestOnlineCamera(now, x.at(), ALARM_CAMERA_METRES);
                    if (c != null) {
                        out.add(new VideoAlarm(c.id(), null, x, x.readAt() == null ? now.time() : x.readAt(), x.at()));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(VideoAlarm::raisedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(VideoAlarm::id));
        return out;
    }

    /** How far a sensor's alarm looks for a camera to show it. */
    public static final double ALARM_CAMERA_METRES = 300;

    /** The online camera nearest to {@code at} within {@code metres}, or null. */
    public static Camera nearestOnlineCamera(Situation s, GeoPoint at, double metres) {
        Camera best = null;
        double bestMetres = metres;
        if (at == null) {
            return null;
        }
        for (Camera c : s.cameras().values()) {
            if (c.online() && c.at() != null) {
                double m = c.at().metresTo(at);
                if (m <= bestMetres) {
                    best = c;
                    bestMetres = m;
                }
            }
        }
        return best;
    }

    /** AI alerts waiting for review, the newest first. */
    public static List<AiAlert> pendingAlerts(Situation s) {
        List<AiAlert> out = new ArrayList<>();
        for (AiAlert a : s.alerts().values()) {
            if (a.review() == AiAlert.Review.PENDING) {
                out.add(a);
            }
        }
        out.sort(Comparator.comparing(AiAlert::raisedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(AiAlert::id));
        return out;
    }
}

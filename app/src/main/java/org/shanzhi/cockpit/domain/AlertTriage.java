package org.shanzhi.cockpit.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The AI alerts waiting for an operator (未诉先办 triage), as the queue shows them: the alerts of one
 * algorithm on one camera that follow each other within {@link #FOLD_WINDOW} are one entry (a parked car
 * is reported every few minutes), and each entry offers the open cases it may belong to: within
 * {@link #MERGE_METRES} of the camera, opened within {@link #MERGE_WINDOW} of the entry's first alert.
 */
public final class AlertTriage {

    public static final Duration FOLD_WINDOW = Duration.ofMinutes(10);
    public static final double MERGE_METRES = 200;
    public static final Duration MERGE_WINDOW = Duration.ofMinutes(30);

    /**
     * One line of the queue: {@code alerts} oldest first (the first is the one to review, the others
     * merge into it), the camera, and the open cases it may join, nearest first.
     */
    public record Entry(List<AiAlert> alerts, Camera camera, List<Incident> mergeInto) {

        public AiAlert first() {
            return alerts.get(0);
        }

        public AiAlert latest() {
            return alerts.get(alerts.size() - 1);
        }
    }

    private AlertTriage() {
    }

    /** The queue, the entry with the newest alert first. */
    public static List<Entry> queue(Situation s) {
        List<AiAlert> pending = new ArrayList<>();
        for (AiAlert a : s.alerts().values()) {
            if (a.review() == AiAlert.Review.PENDING) {
                pending.add(a);
            }
        }
        pending.sort(Comparator.comparing(AiAlert::raisedAt).thenComparing(AiAlert::id));
        Map<String, List<AiAlert>> open = new HashMap<>();
        List<List<AiAlert>> groups = new ArrayList<>();
        for (AiAlert a : pending) {
            String key = a.kind() + "\n" + a.cameraId();
            List<AiAlert> g = open.get(key);
            if (g == null || Duration.between(g.get(g.size() - 1).raisedAt(), a.raisedAt()).compareTo(FOLD_WINDOW) > 0) {
                g = new ArrayList<>();
                open.put(key, g);
                groups.add(g);
            }
            g.add(a);
        }
        List<Entry> out = new ArrayList<>();
        for (List<AiAlert> g : groups) {
            Camera camera = s.cameras().get(g.get(0).cameraId());
            out.add(new Entry(List.copyOf(g), camera, mergeCandidates(s, camera, g.get(0))));
        }
        out.sort(Comparator.comparing((Entry e) -> e.latest().raisedAt()).reversed()
                .thenComparing(e -> e.first().id()));
        return out;
    }

    private static List<Incident> mergeCandidates(Situation s, Camera camera, AiAlert first) {
        List<Incident> near = new ArrayList<>();
        for (Incident i : s.incidents().values()) {
            if (i.open() && i.at().metresTo(camera.at()) <= MERGE_METRES
                    && Duration.between(i.openedAt(), first.raisedAt()).abs().compareTo(MERGE_WINDOW) <= 0) {
                near.add(i);
            }
        }
        near.sort(Comparator.comparingDouble((Incident i) -> i.at().metresTo(camera.at())).thenComparing(Incident::id));
        return near;
    }
}

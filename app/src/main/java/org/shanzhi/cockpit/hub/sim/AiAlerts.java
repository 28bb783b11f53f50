package org.shanzhi.cockpit.hub.sim;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Ids;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.sim.Catalogue.AiKind;
import org.shanzhi.cockpit.hub.sim.Catalogue.CaseKind;

/**
 * Video-AI alerts and their human review (未诉先办, DOMAIN.md §4.3). What follows a raised alert:
 *
 * <pre>
 * RAISED  → a duplicate of it on the same camera   3–25 min, for {@link Rates#duplicate} of first alerts
 * RAISED  → reviewed                               1–8 min: MERGED into the first when a duplicate;
 *                                                  else ACCEPTED ({@link Rates#accept}) as a case; else REJECTED
 * RAISED  → ACCEPTED at once as a case             1–4 min, for what the storm's trees look like ({@link #spotted})
 * </pre>
 *
 * Each AI camera has its own rate (0.5–3 raw alerts a day, §4.3), drawn once; a day's alerts are
 * throttled to {@link Rates#maxPerDay}.
 */
final class AiAlerts {

    static final String PREFIX = Ids.AI_ALERT;
    /** Duplicates come within this long of the first alert (§4.3: merged within 30 min and 30 m). */
    private static final Duration DUPLICATE_WITHIN = Duration.ofMinutes(30);

    /** Rates of the AI alerts; defaults are DOMAIN.md estimates [E]. */
    record Rates(
            /* raw alerts per day after the throttle (§4.3: 20–60) */
            double perDay,
            int maxPerDay,
            /* chance that an alert is followed by a duplicate that review merges */
            double duplicate,
            /* chance that a non-duplicate alert is accepted; the rest are false positives */
            double accept) {

        static Rates defaults() {
            return new Rates(32, 60, 0.5, 0.45);
        }
    }

    private final SimContext ctx;
    private final Rates rates;
    private final Cases cases;
    private final List<Camera> aiCameras;
    private final double[] weight;
    private int today;

    AiAlerts(SimContext ctx, Rates rates, Cases cases) {
        this.ctx = ctx;
        this.rates = rates;
        this.cases = cases;
        this.aiCameras = ctx.scenario().cameras().stream().filter(Camera::ai).toList();
        this.weight = new double[aiCameras.size()];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = 0.5 + ctx.uniform() * 2.5; // 0.5–3 raw alerts per camera per day (§4.3)
        }
    }

    /** A new local day: the throttle starts again. */
    void newDay() {
        today = 0;
    }

    /** One tick: an alert somewhere, by the hour's street activity, within the day's throttle. */
    void intake() {
        if (today < rates.maxPerDay() && ctx.chance(rates.perDay()
                * Catalogue.share(Catalogue.AI_HOURS, ctx.local().getHour()) * 24 / SimContext.TICKS_PER_DAY)) {
            raise(null, null, null);
        }
    }

    /** Raises an alert; null arguments mean "draw one". */
    private void raise(Camera camera, AiKind kind, String duplicateOf) {
        if (camera == null) {
            camera = pickCamera();
            if (camera == null) {
                return;
            }
        }
        if (kind == null) {
            kind = ctx.pick(Catalogue.AI_KINDS);
        }
        Camera live = ctx.situation().cameras().get(camera.id());
        if (live == null || !live.online() || !live.ai()) {
            return;
        }
        String alertId = ctx.nextId(PREFIX, ctx.situation().alerts());
        double x = ctx.uniform() * 0.6;
        double y = ctx.uniform() * 0.6;
        List<AiAlert.Box> boxes = List.of(new AiAlert.Box(x, y, 0.1 + ctx.uniform() * 0.3,
                0.1 + ctx.uniform() * 0.3, kind.kind()));
        double confidence = Math.round((0.55 + ctx.uniform() * 0.43) * 100) / 100.0;
        if (!ctx.emit(new Event.AiAlertRaised(alertId, camera.id(), kind.kind(), kind.vendorCode(), confidence,
                boxes))) {
            return;
        }
        today++;
        Camera cam = camera;
        AiKind k = kind;
        if (duplicateOf == null && ctx.chance(rates.duplicate())) {
            ctx.later(ctx.minutes(3, 25), () -> raise(cam, k, alertId));
        }
        // the operator reviews within minutes (§4.3: a human confirms before dispatch)
        ctx.later(ctx.minutes(1, 8), () -> review(alertId, cam, k, duplicateOf));
    }

    private Camera pickCamera() {
        double total = 0;
        for (double w : weight) {
            total += w;
        }
        double x = ctx.uniform() * total;
        for (int i = 0; i < weight.length; i++) {
            x -= weight[i];
            if (x < 0) {
                return aiCameras.get(i);
            }
        }
        return aiCameras.isEmpty() ? null : aiCameras.get(aiCameras.size() - 1);
    }

    private void review(String alertId, Camera camera, AiKind kind, String duplicateOf) {
        AiAlert a = ctx.situation().alerts().get(alertId);
        if (a == null || a.review() != AiAlert.Review.PENDING) {
            return;
        }
        if (duplicateOf != null && ctx.situation().alerts().containsKey(duplicateOf)) {
            ctx.emit(new Event.AiAlertReviewed(alertId, AiAlert.Review.MERGED, null, duplicateOf, null));
            return;
        }
        if (!ctx.chance(rates.accept())) {
            ctx.emit(new Event.AiAlertReviewed(alertId, AiAlert.Review.REJECTED, null, null, null));
            return;
        }
        accept(alertId, camera, kind.becomes(), 25);
    }

    /** The operator accepts: a case near the camera, opened from the alert. */
    private void accept(String alertId, Camera camera, CaseKind becomes, double metres) {
        String incidentId = cases.open(becomes, Incident.Source.AI, IncidentState.REPORTED,
                ctx.near(camera.at(), metres), alertId, null);
        if (incidentId != null) {
            ctx.emit(new Event.AiAlertReviewed(alertId, AiAlert.Review.ACCEPTED, incidentId, null, null));
        }
    }

    /**
     * An alert so plain (a fallen tree in a quiet corner, the source document) that the operator
     * accepts it within minutes. Returns whether it was raised.
     */
    boolean spotted(Camera camera, String label, CaseKind becomes) {
        String alertId = ctx.nextId(PREFIX, ctx.situation().alerts());
        if (!ctx.emit(new Event.AiAlertRaised(alertId, camera.id(), label, null, 0.9,
                List.of(new AiAlert.Box(0.2, 0.3, 0.5, 0.4, label))))) {
            return false;
        }
        today++;
        ctx.later(ctx.minutes(1, 4), () -> accept(alertId, camera, becomes, 30));
        return true;
    }

    /** The online AI camera nearest to {@code p}, or null. */
    Camera nearestOnline(GeoPoint p) {
        Camera best = null;
        double bestD = Double.MAX_VALUE;
        for (Camera c : aiCameras) {
            Camera live = ctx.situation().cameras().get(c.id());
            if (live != null && live.online()) {
                double d = c.at().metresTo(p);
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
        }
        return best;
    }

    // --- after a restart ----------------------------------------------------------------------------------

    /**
     * Counts today's alerts against the throttle, and reviews every alert the simulator raised that is
     * still pending. A pending alert that follows one of the same kind on the same camera within 30
     * min is taken for its duplicate.
     */
    void resume(Situation s) {
        LocalDate day = ctx.local().toLocalDate();
        for (AiAlert a : s.alerts().values()) {
            if (a.raisedAt().atZone(SimContext.ZONE).toLocalDate().equals(day)) {
                today++;
            }
            if (a.review() != AiAlert.Review.PENDING || !SimContext.ours(PREFIX, a.id())) {
                continue;
            }
            Camera camera = s.cameras().get(a.cameraId());
            if (camera == null) {
                continue;
            }
            if (a.kind().equals(Catalogue.TREE_ON_VIDEO)) {
                ctx.asOf(a.raisedAt(), () -> ctx.later(ctx.minutes(1, 4),
                        () -> accept(a.id(), camera, Catalogue.FALLEN_TREE, 30)));
                continue;
            }
            AiKind kind = Catalogue.aiKind(a.kind());
            if (kind != null) {
                String first = firstOf(s, a);
                ctx.asOf(a.raisedAt(), () -> ctx.later(ctx.minutes(1, 8), () -> review(a.id(), camera, kind, first)));
            }
        }
    }

    private static String firstOf(Situation s, AiAlert a) {
        String first = null;
        for (AiAlert b : s.alerts().values()) {
            if (b != a && b.cameraId().equals(a.cameraId()) && b.kind().equals(a.kind())
                    && b.raisedAt().isBefore(a.raisedAt())
                    && !b.raisedAt().isBefore(a.raisedAt().minus(DUPLICATE_WITHIN))) {
                first = b.id();
            }
        }
        return first;
    }
}

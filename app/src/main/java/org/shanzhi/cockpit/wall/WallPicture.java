package org.shanzhi.cockpit.wall;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import org.shanzhi.cockpit.domain.FigureSettings;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.SituationSource;
import org.shanzhi.cockpit.wall.layout.Monitor;
import org.shanzhi.cockpit.wall.layout.ScreenPlan;
import org.shanzhi.cockpit.wall.layout.WallLayout;

/** A whole layout rendered at its full resolution, with no window: for docs, checks and reports. */
public final class WallPicture {

    /** Pulses to let widgets that draw on a later pulse (the map, its base loaded in the background) settle. */
    private static final int SETTLE_PULSES = 90;

    private WallPicture() {
    }

    /**
     * Renders every screen of the layout at its wall position and design size, after letting the
     * widgets settle for a second and a half of pulses, on the wall's own {@link WallPulse} with the
     * clock standing at the situation's time, the panels' figures computed with {@code figures}. Call on the FX
     * thread.
     */
    public static CompletableFuture<WritableImage> render(WallLayout layout, Situation situation,
                                                         WallContext context, FigureSettings figures) {
        // one tiny monitor: the planner puts every screen into one window and tells its full content size
        ScreenPlan.Stage plan = ScreenPlan.of(layout, List.of(Monitor.at(0, 0, 1, 1))).stages().get(0);
        StageView view = new StageView(plan, context);
        Scene scene = new Scene(view.node(), plan.contentWidth(), plan.contentHeight());
        scene.getStylesheets().add(Theme.stylesheet());
        Settling settling = new Settling(view, scene);
        WallPulse pulse = new WallPulse(SituationSource.fixed(situation), context.feedStatus(),
                Clock.fixed(situation.time(), ZoneOffset.UTC), settling);
        pulse.figures(figures);
        settling.pulse = pulse;
        // lay the screens out once, as a window would before its first frame, then show the situation
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        pulse.pulse();
        pulse.start();
        return settling.image;
    }

    /** Shows each frame to the screens, and takes the picture once they had time to settle. */
    private static final class Settling implements Consumer<WallFrame> {
        private final StageView view;
        private final Scene scene;
        private final CompletableFuture<WritableImage> image = new CompletableFuture<>();
        private WallPulse pulse;
        private int frames;

        Settling(StageView view, Scene scene) {
            this.view = view;
            this.scene = scene;
        }

        @Override
        public void accept(WallFrame frame) {
            for (ScreenView s : view.screens()) {
                s.show(frame);
            }
            if (++frames == 3) {
                // the layout pass a window makes after its first frame: tiles fit their type and colours to it
                scene.getRoot().applyCss();
                scene.getRoot().layout();
            }
            if (frames <= SETTLE_PULSES || image.isDone()) {
                return;
            }
            pulse.stop();
            try {
                image.complete(scene.snapshot(null));
            } catch (RuntimeException e) {
                image.completeExceptionally(e);
            }
        }
    }
}

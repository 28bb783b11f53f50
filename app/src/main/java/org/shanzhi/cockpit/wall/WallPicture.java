package org.shanzhi.cockpit.wall;

import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.layout.Monitor;
import org.shanzhi.cockpit.wall.layout.ScreenPlan;
import org.shanzhi.cockpit.wall.layout.WallLayout;

/** A whole layout rendered at its full resolution, with no window: for docs, checks and reports. */
public final class WallPicture {

    private WallPicture() {
    }

    /** Renders every screen of the layout at its wall position and design size. Call on the FX thread. */
    public static WritableImage render(WallLayout layout, Situation situation, WallContext context) {
        // one tiny monitor: the planner puts every screen into one window and tells its full content size
        ScreenPlan.Stage plan = ScreenPlan.of(layout, java.util.List.of(Monitor.at(0, 0, 1, 1))).stages().get(0);
        StageView view = new StageView(plan, context);
        Scene scene = new Scene(view.node(), plan.contentWidth(), plan.contentHeight());
        scene.getStylesheets().add(Theme.stylesheet());
        view.node().applyCss();
        view.node().layout();
        for (ScreenView s : view.screens()) {
            s.show(situation);
            s.refresh(situation.time());
        }
        view.node().applyCss();
        view.node().layout();
        return scene.snapshot(null);
    }
}

package org.shanzhi.cockpit.wall;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.transform.Scale;

import org.shanzhi.cockpit.wall.layout.ScreenPlan;

/**
 * The content of one window: the layout screens it shows, at their design size and positions,
 * scaled as a whole to fit the window (a monitor, or the virtual wall), re-fitted on resize; a window of one screen
 * keeps its width and lets the screen lay itself out lower when bars take height from it.
 */
final class StageView {

    /** How much of its design height a screen may give up to bars rather than shrink whole with bands beside it. */
    static final double MIN_HEIGHT_SHARE = 0.7;

    private final ScreenPlan.Stage plan;
    private final List<ScreenView> screens = new ArrayList<>();
    private final StackPane root;
    private final Pane content = new Pane();

    StageView(ScreenPlan.Stage plan, WallContext context) {
        this.plan = plan;
        content.setPrefSize(plan.contentWidth(), plan.contentHeight());
        for (ScreenPlan.Area area : plan.areas()) {
            ScreenView view = new ScreenView(area.screen(), context);
            view.node().relocate(area.x(), area.y());
            content.getChildren().add(view.node());
            screens.add(view);
        }
        Scale scale = new Scale(plan.scale(), plan.scale(), 0, 0);
        content.getTransforms().add(scale);
        root = new StackPane(new Group(content));
        root.getStyleClass().add("wall-stage");
        root.widthProperty().addListener((o, a, b) -> fit(scale));
        root.heightProperty().addListener((o, a, b) -> fit(scale));
    }

    private void fit(Scale scale) {
        if (root.getWidth() > 0 && root.getHeight() > 0) {
            double s = Math.min(root.getWidth() / plan.contentWidth(), root.getHeight() / plan.contentHeight());
            double height = plan.contentHeight();
            if (screens.size() == 1) {
                // one screen keeps the window's width and lays itself out in the height the bars above and below it
                // leave (the alarm bar, a replay's controls), down to a share of its design height: no black bands
                double wide = root.getWidth() / plan.contentWidth();
                double left = root.getHeight() / wide;
                if (left < height && left >= MIN_HEIGHT_SHARE * height) {
                    s = wide;
                    height = left;
                }
                screens.get(0).fitHeight(height);
                content.setPrefHeight(height);
            }
            scale.setX(s);
            scale.setY(s);
        }
    }

    ScreenPlan.Stage plan() {
        return plan;
    }

    StackPane node() {
        return root;
    }

    List<ScreenView> screens() {
        return screens;
    }
}

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
 * scaled as a whole to fit the window (a monitor, or the virtual wall), re-fitted on resize.
 */
final class StageView {

    private final ScreenPlan.Stage plan;
    private final List<ScreenView> screens = new ArrayList<>();
    private final StackPane root;

    StageView(ScreenPlan.Stage plan, WallContext context) {
        this.plan = plan;
        Pane content = new Pane();
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

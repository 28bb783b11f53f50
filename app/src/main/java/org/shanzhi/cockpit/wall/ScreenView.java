package org.shanzhi.cockpit.wall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.FeedStatus;
import org.shanzhi.cockpit.wall.drill.DrillBanner;
import org.shanzhi.cockpit.wall.layout.Placement;
import org.shanzhi.cockpit.wall.layout.Screen;
import org.shanzhi.cockpit.wall.replay.ReplayBanner;

/**
 * One screen of a layout at its design size: a grid of widgets, shown the wall's frame each pulse, and a banner
 * that says when the figures are stale and how old they are.
 */
final class ScreenView {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenView.class);
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    private final Screen screen;
    private final StackPane root;
    private final List<Widget> widgets = new ArrayList<>();
    private final Label staleBanner = new Label();
    /** The situation each widget that threw last failed on. */
    private final Map<Widget, Situation> failedOn = new HashMap<>();
    private boolean bannerShown;
    private long bannerAge;

    ScreenView(Screen screen, WallContext context) {
        this.screen = screen;
        GridPane grid = new GridPane();
        grid.getStyleClass().add("screen-grid");
        grid.setHgap(screen.grid().gap());
        grid.setVgap(screen.grid().gap());
        for (int c = 0; c < screen.grid().columns(); c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / screen.grid().columns());
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < screen.grid().rows(); r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / screen.grid().rows());
            grid.getRowConstraints().add(rc);
        }
        for (Placement p : screen.widgets()) {
            Widget w = Widgets.create(p, context);
            widgets.add(w);
            Node n = w.node();
            GridPane.setConstraints(n, p.columnIndex(), p.rowIndex(), p.columnSpan(), p.rowSpan());
            grid.getChildren().add(n);
        }
        staleBanner.getStyleClass().addAll("stale-banner", Theme.CRITICAL);
        staleBanner.setVisible(false);
        Widget replayBanner = new ReplayBanner(context.links());
        widgets.add(replayBanner);
        // the banners take their own rows above and below the grid while shown, so none covers a control (the map's
        // search, a tile's header, the incident's 推荐派遣): the grid gives up that height
        VBox column = new VBox(replayBanner.node(), staleBanner, grid);
        column.setAlignment(Pos.TOP_CENTER);
        VBox.setVgrow(grid, Priority.ALWAYS);
        grid.setMinHeight(0);
        widgets.add(DrillBanner.on(column, context));
        for (Node banner : List.of(replayBanner.node(), staleBanner, column.getChildren().get(3))) {
            banner.managedProperty().bind(banner.visibleProperty());
            VBox.setMargin(banner, new Insets(4, 8, 4, 8));
        }
        root = new StackPane(column);
        root.getStyleClass().add("wall-screen");
        fitHeight(screen.height());
    }

    /**
     * The height the screen lays its grid out in: its design height, or less when its window gives room to bars
     * above and below it ({@link StageView}); the width stays the design's.
     */
    void fitHeight(double height) {
        root.setMinSize(screen.width(), height);
        root.setPrefSize(screen.width(), height);
        root.setMaxSize(screen.width(), height);
    }

    Screen screen() {
        return screen;
    }

    StackPane node() {
        return root;
    }

    /** Every pulse: each widget gets the frame, and a stale picture says so with its age. */
    void show(WallFrame frame) {
        for (Widget w : widgets) {
            if (failedOn.get(w) == frame.situation()) {
                continue; // it failed on this situation: it tries again on the next one, not on every pulse
            }
            try {
                w.show(frame);
            } catch (RuntimeException e) {
                // one broken widget must not freeze the others; say it once per widget
                if (failedOn.put(w, frame.situation()) == null) {
                    LOG.error("widget {} failed to show seq {}", w.getClass().getSimpleName(),
                            frame.situation().seq(), e);
                }
            }
        }
        FeedStatus st = frame.feed();
        // a picture kept from the last run, shown while connecting, is as old as a stale one and says so; the hub's
        // own first situation, shown while its stream opens, is not
        boolean kept = st.state() == FeedStatus.State.KEPT;
        boolean stale = st.state() == FeedStatus.State.STALE || kept;
        long age = stale ? Duration.between(st.since(), frame.now()).toSeconds() : 0;
        if (stale != bannerShown || age != bannerAge) {
            bannerShown = stale;
            bannerAge = age;
            staleBanner.setVisible(stale);
            if (stale) {
                staleBanner.setText(kept ? I18n.t("status.cachedBanner", Formats.age(Duration.ofSeconds(age)))
                        : I18n.t("status.staleBanner", age));
            }
            root.pseudoClassStateChanged(STALE, stale);
        }
    }
}

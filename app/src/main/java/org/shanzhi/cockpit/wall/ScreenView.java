package org.shanzhi.cockpit.wall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.FeedStatus;
import org.shanzhi.cockpit.wall.layout.Placement;
import org.shanzhi.cockpit.wall.layout.Screen;

/**
 * One screen of a layout at its design size: a grid of widgets, and a banner that says when the
 * figures are stale and how old they are.
 */
final class ScreenView {

    private final Screen screen;
    private final StackPane root;
    private final List<Widget> widgets = new ArrayList<>();
    private final List<StatusWidget> statusBars = new ArrayList<>();
    private final Label staleBanner = new Label();
    private final WallContext context;

    ScreenView(Screen screen, WallContext context) {
        this.screen = screen;
        this.context = context;
        GridPane grid = new GridPane();
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
            if (w instanceof StatusWidget s) {
                statusBars.add(s);
            }
            Node n = w.node();
            GridPane.setConstraints(n, p.columnIndex(), p.rowIndex(), p.columnSpan(), p.rowSpan());
            grid.getChildren().add(n);
        }
        staleBanner.getStyleClass().addAll("stale-banner", Theme.CRITICAL);
        staleBanner.setVisible(false);
        StackPane.setAlignment(staleBanner, Pos.TOP_CENTER);
        StackPane.setMargin(staleBanner, new Insets(8));
        root = new StackPane(grid, staleBanner);
        root.getStyleClass().add("wall-screen");
        root.setMinSize(screen.width(), screen.height());
        root.setPrefSize(screen.width(), screen.height());
        root.setMaxSize(screen.width(), screen.height());
    }

    Screen screen() {
        return screen;
    }

    StackPane node() {
        return root;
    }

    void show(Situation s) {
        for (Widget w : widgets) {
            try {
                w.show(s);
            } catch (RuntimeException e) {
                // one broken widget must not freeze the others; say it once per widget
                if (failed.add(w)) {
                    LOG.error("widget {} failed to show seq {}", w.getClass().getSimpleName(), s.seq(), e);
                }
            }
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScreenView.class);
    private final java.util.Set<Widget> failed = new java.util.HashSet<>();

    /** Every pulse: status bars tick, and a stale picture says so with its age. */
    void refresh(Instant now) {
        for (StatusWidget s : statusBars) {
            s.refresh(now);
        }
        FeedStatus st = context.feedStatus().get();
        boolean stale = st.state() == FeedStatus.State.STALE;
        staleBanner.setVisible(stale);
        if (stale) {
            staleBanner.setText(I18n.t("status.staleBanner", Duration.between(st.since(), now).toSeconds()));
        }
        root.pseudoClassStateChanged(STALE, stale);
    }

    private static final javafx.css.PseudoClass STALE = javafx.css.PseudoClass.getPseudoClass("stale");
}

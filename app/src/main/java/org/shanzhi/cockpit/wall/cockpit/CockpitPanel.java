package org.shanzhi.cockpit.wall.cockpit;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.Widget;

/**
 * The frame of a cockpit panel: a header with the title and the time of the figures, and a 4 × 2 grid of
 * cells sized for a quarter of a 1920 × 1080 monitor. Subclasses place cells and render the figures.
 */
abstract class CockpitPanel implements Widget {

    static final double WIDTH = 960;
    static final double HEIGHT = 540;
    private static final int COLUMNS = 4;
    private static final int ROWS = 2;

    // the four panels of a wall share one computation per situation (FX thread only)
    private static Situation lastSituation;
    private static CockpitFigures lastFigures;

    private final BorderPane root = new BorderPane();
    private final Label clock = new Label();
    private final GridPane grid = new GridPane();

    CockpitPanel(String titleKey) {
        Label title = new Label(I18n.t(titleKey));
        title.getStyleClass().add(Theme.PANEL_TITLE);
        clock.getStyleClass().add(Theme.PANEL_CLOCK);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(title, spacer, clock);
        header.getStyleClass().add(Theme.PANEL_HEADER);

        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        for (int c = 0; c < COLUMNS; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / COLUMNS);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < ROWS; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / ROWS);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        root.setTop(header);
        root.setCenter(grid);
        root.getStyleClass().add(Theme.PANEL);
        root.getStylesheets().add(Theme.stylesheet());
        root.setPrefSize(WIDTH, HEIGHT);
    }

    /** Puts a cell at a column and row, spanning {@code columns}. */
    void place(Region cell, int column, int row, int columns) {
        cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        grid.add(cell, column, row, columns, 1);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public final void show(Situation situation) {
        if (situation != lastSituation) {
            lastFigures = CockpitFigures.of(situation);
            lastSituation = situation;
        }
        show(lastFigures);
    }

    /** Shows figures already computed (one computation can feed all four panels). */
    public void show(CockpitFigures f) {
        clock.setText(f.time().equals(Situation.EPOCH) ? I18n.t("common.noData")
                : I18n.t("common.updated", Formats.clock(f.time())));
        render(f);
    }

    abstract void render(CockpitFigures f);
}

package org.shanzhi.cockpit.wall.cockpit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

import org.shanzhi.cockpit.domain.Sensor;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.Widget;

/**
 * The frame of a cockpit panel: a header with the title and the time of the figures, and a 4 × 2 grid of
 * cells sized for a quarter of a 1920 × 1080 monitor (the compact form). Subclasses place cells and render the
 * figures. Given much more room than that (a whole monitor), the panel shows its {@link LargeForm} instead; in a
 * tall narrow slot, the compact form's cells two abreast in four rows: both chosen by the size of the region its
 * layout gives it.
 */
abstract class CockpitPanel implements Widget {

    static final double WIDTH = 960;
    static final double HEIGHT = 540;
    private static final int COLUMNS = 4;
    private static final int ROWS = 2;
    /** From this size on the panel has room for its large form (half as much again as a quarter screen). */
    static final double LARGE_WIDTH = WIDTH * 1.5;
    static final double LARGE_HEIGHT = HEIGHT * 1.5;
    /** Below this width, in a slot at least as tall as wide (the trainer's), the cells go two abreast. */
    static final double NARROW_WIDTH = WIDTH * 0.7;

    /** The situation this panel shows (its figures were computed once for every panel, by the frame). */
    private Situation lastSituation;

    private final BorderPane root = new BorderPane();
    private final Label clock = new Label();
    private final GridPane grid = new GridPane();
    /** The compact form's cells in the order placed, each with its place in the grid. */
    private final List<Cell> cells = new ArrayList<>();
    private LargeForm large;
    /** The compact form two cells abreast in four rows: a quarter of 570 px cut every name to one character. */
    private boolean narrow;
    private CockpitFigures lastFigures;

    private record Cell(Region node, int column, int row, int columns) {
    }

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
        shape(COLUMNS, ROWS);
        root.setTop(header);
        root.setCenter(grid);
        root.getStyleClass().add(Theme.PANEL);
        root.getStylesheets().add(Theme.stylesheet());
        root.setPrefSize(WIDTH, HEIGHT);
        root.layoutBoundsProperty().addListener((o, was, is) -> chooseForm(is.getWidth(), is.getHeight()));
    }

    private void shape(int columns, int rows) {
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
    }

    /** The compact cells in the grid: four abreast in two rows, or narrow, two abreast in four rows. */
    private void arrange(boolean twoAbreast) {
        narrow = twoAbreast;
        grid.getChildren().clear();
        shape(twoAbreast ? 2 : COLUMNS, twoAbreast ? ROWS * 2 : ROWS);
        for (Cell c : cells) {
            if (twoAbreast) {
                // each row of four becomes two rows of two; a cell two wide takes a row of its own
                grid.add(c.node(), c.column() % 2, c.row() * 2 + c.column() / 2, Math.min(c.columns(), 2), 1);
            } else {
                grid.add(c.node(), c.column(), c.row(), c.columns(), 1);
            }
        }
    }

    /** Whether the compact form shows its cells two abreast (for tests). */
    boolean isNarrow() {
        return narrow && !isLarge();
    }

    /** Puts a cell at a column and row, spanning {@code columns}. */
    void place(Region cell, int column, int row, int columns) {
        cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        cells.add(new Cell(cell, column, row, columns));
        grid.add(cell, column, row, columns, 1);
    }

    /** This panel's form for a whole monitor: it lays out the compact form's cells and adds its own. */
    abstract LargeForm largeForm();

    /** The large form on screen, or null (for tests). */
    LargeForm largeFormShown() {
        return isLarge() ? large : null;
    }

    /** Whether the panel shows its large form (it was given room for it). */
    boolean isLarge() {
        return large != null && root.getCenter() == large.node();
    }

    /** The large form on a region of at least {@link #LARGE_WIDTH} × {@link #LARGE_HEIGHT}, else the compact one. */
    private void chooseForm(double width, double height) {
        boolean wantLarge = width >= LARGE_WIDTH && height >= LARGE_HEIGHT;
        boolean wantNarrow = !wantLarge && width < NARROW_WIDTH && height >= width;
        if (wantLarge == isLarge() && wantNarrow == isNarrow()) {
            return;
        }
        if (wantLarge) {
            if (large == null) {
                large = largeForm();
            }
            grid.getChildren().clear();
            large.take(cells.stream().map(Cell::node).toList());
            root.setCenter(large.node());
        } else {
            if (isLarge()) {
                large.giveBack();
            }
            arrange(wantNarrow);
            root.setCenter(grid);
        }
        if (lastFigures != null) {
            show(lastFigures); // the lists and boards take their new lengths
        }
    }

    @Override
    public Node node() {
        return root;
    }

    /**
     * Each pulse: the frame's figures when its situation could change them. The figures are computed once per
     * situation, by the frame, for every panel of the wall.
     */
    @Override
    public final void show(WallFrame frame) {
        if (isLarge()) {
            large.tick(frame.now());
        }
        Situation situation = frame.situation();
        if (!frame.hasSituation() || lastSituation != null && sameFigures(lastSituation, situation)) {
            return;
        }
        lastSituation = situation;
        show(frame.figures());
    }

    /**
     * Whether {@code b} would show the same figures as {@code a}: no cockpit figure depends on where
     * units are (they move many times a second), sensor readings count only for the sensors in alarm,
     * and times (ages, "today") are shown to the minute. The fold shares every map it does not
     * change, so comparing maps by identity is exact and cheap.
     */
    static boolean sameFigures(Situation a, Situation b) {
        return a == b || a.incidents() == b.incidents() && a.complaints() == b.complaints()
                && a.disputes() == b.disputes() && a.petitions() == b.petitions() && a.whistles() == b.whistles()
                && a.warnings() == b.warnings() && a.alerts() == b.alerts() && a.outages() == b.outages()
                && a.intel() == b.intel() && a.keyPeriods() == b.keyPeriods() && a.cameras() == b.cameras()
                && a.communities() == b.communities() && a.district() == b.district()
                && a.drillThings() == b.drillThings()
                && a.time().getEpochSecond() / 60 == b.time().getEpochSecond() / 60
                && alarms(a).equals(alarms(b));
    }

    /** The sensors in alarm and their readings, which the monitoring panel lists. */
    private static Map<String, Double> alarms(Situation s) {
        Map<String, Double> readings = new HashMap<>();
        for (Sensor x : s.sensors().values()) {
            if (x.alarm()) {
                readings.put(x.id(), x.value());
            }
        }
        return readings;
    }

    /** Shows figures already computed (one computation can feed all four panels). */
    public void show(CockpitFigures f) {
        clock.setText(f.time().equals(Situation.EPOCH) ? I18n.t("common.noData")
                : I18n.t("common.updated", Formats.clock(f.time())));
        lastFigures = f;
        render(f);
        if (isLarge()) {
            large.render(f);
        }
    }

    abstract void render(CockpitFigures f);
}

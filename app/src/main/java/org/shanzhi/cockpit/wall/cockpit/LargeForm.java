package org.shanzhi.cockpit.wall.cockpit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.kpi.KpiCell;
import org.shanzhi.cockpit.wall.kpi.RankingKpi;
import org.shanzhi.cockpit.wall.kpi.StatusList;

/**
 * A panel's form for a whole monitor: the compact form's figures at their normal size in a row at the top, and
 * below them what a command-center screen shows with the room: whole lists (paged every {@link #PAGE_TIME} of
 * the operator's clock when they overflow), the 24-hour trend, breakdowns and tables. A subclass says which
 * compact cells go to the body ({@link #put}) and adds its own; every other compact cell goes to the top row,
 * so a figure added to the compact form appears here too. Like the panels, it computes nothing.
 */
abstract class LargeForm {

    static final Duration PAGE_TIME = Duration.ofSeconds(10);
    /** The figures' row, in % of the height below the header: about the height of a compact cell. */
    private static final double TOP_SHARE = 27;

    private final GridPane top = grid();
    private final GridPane body;
    private final VBox root;
    private final Set<Region> inBody = new HashSet<>();
    private final List<StatusList> pagedLists = new ArrayList<>();
    private final List<RankingKpi> wholeBoards = new ArrayList<>();
    private Instant pageShownAt;

    /** A body of {@code columns} × {@code rows} equal cells. */
    LargeForm(int columns, int rows) {
        body = grid();
        for (int c = 0; c < columns; c++) {
            body.getColumnConstraints().add(column(100.0 / columns));
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            body.getRowConstraints().add(rc);
        }
        top.setPadding(new Insets(8, 8, 0, 8));
        // the figures' row takes its share of the height below the header, the body the rest
        top.setMinHeight(0);
        body.setMinHeight(0);
        body.setPrefHeight(0);
        VBox.setVgrow(body, Priority.ALWAYS);
        root = new VBox(top, body);
        // a monitor of its own is read from further away: its lists and boards in larger type
        root.getStyleClass().add(Theme.PANEL_LARGE);
        top.prefHeightProperty().bind(root.heightProperty().multiply(TOP_SHARE / 100));
        top.maxHeightProperty().bind(top.prefHeightProperty());
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(8));
        return g;
    }

    private static ColumnConstraints column(double percent) {
        ColumnConstraints cc = new ColumnConstraints();
        cc.setPercentWidth(percent);
        cc.setHgrow(Priority.ALWAYS);
        return cc;
    }

    Node node() {
        return root;
    }

    /** Places the body's cells, compact ones with {@link #put} and its own, each time the form is taken. */
    abstract void layBody();

    /** Figures of this form's own for the top row, after the compact form's. */
    List<Region> figures() {
        return List.of();
    }

    /** Shows this form's own cells (the compact cells show themselves: the panel renders them). */
    abstract void render(CockpitFigures f);

    /** A cell in the body at a column and row (from 0), spanning columns and rows. */
    final void put(Region cell, int column, int row, int columns, int rows) {
        cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        inBody.add(cell);
        body.add(cell, column, row, columns, rows);
    }

    /** A list that here shows every row, a page at a time. */
    final void putPaged(StatusList list, int column, int row, int columns, int rows) {
        list.setPaged(true);
        pagedLists.add(list);
        put(list, column, row, columns, rows);
    }

    /** A board that here shows every entry. */
    final void putWhole(RankingKpi board, int column, int row, int columns, int rows) {
        board.setWhole(true);
        wholeBoards.add(board);
        put(board, column, row, columns, rows);
    }

    /**
     * Takes the compact form's cells: the subclass's to the body, the others, in their order, to the top row, a
     * cell that holds several figures (the 三率's three gauges) as wide as that many.
     */
    final void take(List<Region> compact) {
        giveBack();
        layBody();
        int column = 0;
        List<Region> cells = new ArrayList<>(compact);
        cells.addAll(figures());
        for (Region cell : cells) {
            if (inBody.contains(cell)) {
                continue;
            }
            int width = cell instanceof KpiCell || !(cell instanceof Pane p) ? 1 : Math.max(1, p.getChildren().size());
            top.add(cell, column, 0, width, 1);
            column += width;
        }
        for (int c = 0; c < column; c++) {
            top.getColumnConstraints().add(column(100.0 / column));
        }
        RowConstraints rc = new RowConstraints();
        rc.setPercentHeight(100);
        top.getRowConstraints().add(rc);
    }

    /** Gives the compact cells back (their lists and boards short again) for the compact form to place. */
    final void giveBack() {
        top.getChildren().clear();
        top.getColumnConstraints().clear();
        top.getRowConstraints().clear();
        body.getChildren().clear();
        inBody.clear();
        pagedLists.forEach(l -> l.setPaged(false));
        pagedLists.clear();
        wholeBoards.forEach(b -> b.setWhole(false));
        wholeBoards.clear();
        pageShownAt = null;
    }

    /** Each pulse: after {@link #PAGE_TIME} of the operator's clock on a page, the lists turn to the next. */
    final void tick(Instant now) {
        if (pageShownAt == null || now.isBefore(pageShownAt)) {
            pageShownAt = now;
        } else if (!now.isBefore(pageShownAt.plus(PAGE_TIME))) {
            pageShownAt = now;
            pagedLists.forEach(StatusList::turnPage);
        }
    }
}

package org.shanzhi.cockpit.wall.kpi;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

/**
 * A few figures of one subject in one cell, a line each: a name, the figure coloured by its state, and one more
 * column (its base, or what it is expected to become), under an optional header naming the two columns. A line
 * that would not fit whole in the cell is hidden and counted in a "另有 N 项" line under the last one shown.
 */
public final class FigureTable extends KpiCell {

    /** One line; {@code state} (a Theme state class or null) colours the figure, {@code extraState} the extra. */
    public record Row(String name, String figure, String state, String extra, String extraState) {
    }

    private final Lines grid = new Lines();
    private List<Row> shown = List.of();

    public FigureTable(String title) {
        super(title);
        grid.getStyleClass().add(Theme.FIGURE_TABLE);
        ColumnConstraints name = new ColumnConstraints();
        name.setHgrow(Priority.ALWAYS);
        name.setMinWidth(0);
        // the figures keep their width; a long name is cut first
        ColumnConstraints figure = new ColumnConstraints();
        figure.setHalignment(HPos.RIGHT);
        figure.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints extra = new ColumnConstraints();
        extra.setHalignment(HPos.RIGHT);
        extra.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(name, figure, extra);
        grid.setMinHeight(0); // the cell decides the height; lines that do not fit are hidden, not squeezed
        setListBody(grid);
    }

    /** The header over the figure and the extra column; null for none. */
    public void show(String figureHead, String extraHead, List<Row> rows) {
        grid.getChildren().setAll(grid.more);
        int line = 0;
        if (figureHead != null || extraHead != null) {
            grid.add(label("", Theme.FIGURE_HEAD, null), 0, line);
            grid.add(label(figureHead, Theme.FIGURE_HEAD, null), 1, line);
            grid.add(label(extraHead, Theme.FIGURE_HEAD, null), 2, line);
            line++;
        }
        grid.heads = line;
        for (Row r : rows) {
            grid.add(label(r.name(), Theme.FIGURE_NAME, null), 0, line);
            grid.add(label(r.figure(), Theme.FIGURE_VALUE, r.state()), 1, line);
            grid.add(label(r.extra(), Theme.FIGURE_EXTRA, r.extraState()), 2, line);
            line++;
        }
        shown = new ArrayList<>(rows);
        setEmpty(rows.isEmpty());
    }

    private static Label label(String text, String styleClass, String state) {
        Label l = new Label(text == null ? "" : text);
        l.getStyleClass().add(styleClass);
        Theme.setState(l, state);
        return l;
    }

    public List<Row> rows() {
        return shown;
    }

    /** The lines in a grid, those that fit whole shown from the top, the count of the others under them. */
    private static final class Lines extends GridPane {
        private final Label more = label("", Theme.STATUS_MORE, null);
        /** The header's lines (0 or 1): not counted among the hidden. */
        private int heads;

        Lines() {
            more.setManaged(false);
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            int lines = 0;
            double[] bottoms = new double[getChildren().size()];
            for (Node n : getManagedChildren()) {
                int line = GridPane.getRowIndex(n);
                lines = Math.max(lines, line + 1);
                bottoms[line] = Math.max(bottoms[line], n.getBoundsInParent().getMaxY());
            }
            double moreHeight = more.prefHeight(-1);
            double room = getHeight() - snappedBottomInset();
            int fit = fitting(bottoms, lines, room);
            if (fit < lines) {
                fit = fitting(bottoms, lines, room - moreHeight);
            }
            for (Node n : getManagedChildren()) {
                n.setVisible(GridPane.getRowIndex(n) < fit);
            }
            int hidden = lines - Math.max(fit, heads);
            more.setVisible(hidden > 0);
            if (hidden > 0) {
                more.setText(I18n.t("common.more", hidden));
                more.resizeRelocate(snappedLeftInset(), fit == 0 ? snappedTopInset() : bottoms[fit - 1],
                        getWidth() - snappedLeftInset() - snappedRightInset(), moreHeight);
            }
        }

        private static int fitting(double[] bottoms, int lines, double room) {
            int n = 0;
            while (n < lines && bottoms[n] <= room) {
                n++;
            }
            return n;
        }
    }
}

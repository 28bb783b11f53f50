package org.shanzhi.cockpit.wall.kpi;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

/**
 * Rows of a list or board, laid out top down; a row that would not fit whole is hidden and counted in the
 * "more" line under the last one shown, so a small cell never shows half a row. Paged, it shows a page of the
 * rows that fit at a time, and "第 2/3 页 · 共 25 项" under them.
 */
final class FittingList extends VBox {
    private final Label more = new Label();
    private int beyond;
    private boolean paged;
    private int page;

    FittingList() {
        setMinHeight(0); // the cell decides the height; rows that do not fit are hidden, not squeezed
        more.getStyleClass().add(Theme.STATUS_MORE);
        more.setManaged(false);
        more.setVisible(false);
    }

    void setPaged(boolean paged) {
        this.paged = paged;
        page = 0;
        requestLayout();
    }

    /** The next page (after the last, the first again). */
    void turnPage() {
        page++;
        requestLayout();
    }

    /** "第 2/3 页 · 共 25 项" when paged over more than one page, else null. */
    String pageLine() {
        return paged && more.isVisible() ? more.getText() : null;
    }

    void show(List<? extends Node> rows, int notListed) {
        beyond = notListed;
        getChildren().setAll(rows);
        getChildren().add(more);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        if (paged) {
            layoutPage();
            return;
        }
        super.layoutChildren();
        List<Node> rows = getManagedChildren();
        double moreHeight = more.prefHeight(-1);
        double room = getHeight() - snappedBottomInset();
        int fit = fitting(rows, room);
        if (fit < rows.size() || beyond > 0) {
            fit = fitting(rows, room - moreHeight);
        }
        double bottom = snappedTopInset();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).setVisible(i < fit);
            if (i < fit) {
                bottom = rows.get(i).getBoundsInParent().getMaxY();
            }
        }
        int hidden = rows.size() - fit + beyond;
        more.setVisible(hidden > 0);
        if (hidden > 0) {
            more.setText(I18n.t("common.more", hidden));
            more.resizeRelocate(snappedLeftInset(), bottom, getWidth() - snappedLeftInset() - snappedRightInset(),
                    moreHeight);
        }
    }

    /** The rows of the current page from the top, the others hidden; the page line under them. */
    private void layoutPage() {
        List<Node> rows = getManagedChildren();
        double left = snappedLeftInset();
        double width = getWidth() - left - snappedRightInset();
        double room = getHeight() - snappedTopInset() - snappedBottomInset();
        double moreHeight = more.prefHeight(width);
        int perPage = perPage(rows, width, room);
        if (perPage < rows.size()) {
            perPage = perPage(rows, width, room - moreHeight);
        }
        perPage = Math.max(1, perPage); // a page has at least one row, even in a cell too small for it
        int pages = (rows.size() + perPage - 1) / perPage;
        int current = pages == 0 ? 0 : page % pages;
        double y = snappedTopInset();
        for (int i = 0; i < rows.size(); i++) {
            Node r = rows.get(i);
            boolean on = i / perPage == current;
            r.setVisible(on);
            if (on) {
                double h = r.prefHeight(width);
                r.resizeRelocate(left, y, width, h);
                y += h + getSpacing();
            }
        }
        more.setVisible(pages > 1);
        if (pages > 1) {
            more.setText(I18n.t("common.page", current + 1, pages, rows.size()));
            more.resizeRelocate(left, y, width, moreHeight);
        }
    }

    /** How many rows, from the first, fit whole in {@code room}. */
    private int perPage(List<Node> rows, double width, double room) {
        double y = 0;
        int n = 0;
        for (Node r : rows) {
            y += r.prefHeight(width);
            if (y > room) {
                break;
            }
            y += getSpacing();
            n++;
        }
        return n;
    }

    private static int fitting(List<Node> rows, double room) {
        int n = 0;
        for (Node r : rows) {
            if (r.getBoundsInParent().getMaxY() > room) {
                break;
            }
            n++;
        }
        return n;
    }
}

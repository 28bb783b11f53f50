package org.shanzhi.cockpit.wall.kpi;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

/**
 * Open matters, one row each: a colour marker, what it is, and how it stands (age, deadline), coloured by the
 * row's state class. Shows the first {@code rows} that fit whole in the cell and "另有 N 项" for the rest;
 * "暂无" when empty.
 */
public final class StatusList extends KpiCell {

    /**
     * One row; {@code state} (a Theme state class or null) colours the marker and, unless {@code detailState}
     * is given, the detail too.
     */
    public record Row(String key, String text, String detail, String state, String detailState) {
        public Row(String key, String text, String detail, String state) {
            this(key, text, detail, state, null);
        }
    }

    private final FittingList list = new FittingList();
    private final int rows;
    private List<Row> shown = List.of();
    private int shownMore = -1;

    public StatusList(String title, int rows) {
        super(title);
        this.rows = rows;
        list.getStyleClass().add(Theme.STATUS_LIST);
        list.setFillWidth(true);
        setListBody(list);
        setEmpty(true);
    }

    public void show(List<Row> all) {
        List<Row> top = all.subList(0, Math.min(rows, all.size()));
        int more = all.size() - top.size();
        setEmpty(all.isEmpty());
        if (top.equals(shown) && more == shownMore) {
            return;
        }
        shown = List.copyOf(top);
        shownMore = more;
        List<HBox> nodes = new ArrayList<>();
        for (Row r : shown) {
            nodes.add(row(r));
        }
        list.show(nodes, more);
    }

    /**
     * The rows, laid out top down; a row that would not fit whole is hidden and counted in the
     * "more" line under the last one shown, so a small cell never shows half a row.
     */
    private static final class FittingList extends VBox {
        private final Label more = new Label();
        private int beyond;

        FittingList() {
            setMinHeight(0); // the cell decides the height; rows that do not fit are hidden, not squeezed
            more.getStyleClass().add(Theme.STATUS_MORE);
            more.setManaged(false);
            more.setVisible(false);
        }

        void show(List<HBox> rows, int notListed) {
            beyond = notListed;
            getChildren().setAll(rows);
            getChildren().add(more);
            requestLayout();
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            List<javafx.scene.Node> rows = getManagedChildren();
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

        private static int fitting(List<javafx.scene.Node> rows, double room) {
            int n = 0;
            for (javafx.scene.Node r : rows) {
                if (r.getBoundsInParent().getMaxY() > room) {
                    break;
                }
                n++;
            }
            return n;
        }
    }

    private static HBox row(Row r) {
        Region marker = new Region();
        marker.getStyleClass().add(Theme.STATUS_MARKER);
        Label text = new Label(r.text());
        text.getStyleClass().add(Theme.STATUS_TEXT);
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Label detail = new Label(r.detail() == null ? "" : r.detail());
        detail.getStyleClass().add(Theme.STATUS_DETAIL);
        detail.setMinWidth(Region.USE_PREF_SIZE);
        Theme.setState(detail, r.detailState());
        HBox box = new HBox(marker, text, detail);
        box.getStyleClass().add(Theme.STATUS_ROW);
        box.setId(r.key());
        Theme.setState(box, r.state());
        return box;
    }

    public List<Row> rows() {
        return shown;
    }

    /** The row node of a key, or null (for tests and for flashing a row). */
    public HBox rowNode(String key) {
        return (HBox) list.getChildren().stream().filter(n -> key.equals(n.getId())).findFirst().orElse(null);
    }
}

package org.shanzhi.cockpit.wall.kpi;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

/**
 * Open matters, one row each: a colour marker, what it is, and how it stands (age, deadline), coloured by the
 * row's state class. Shows the first {@code rows} that fit whole in the cell and "另有 N 项" for the rest;
 * "暂无" when empty. {@linkplain #setPaged Paged} (a panel with a whole monitor), it lists every row, a page of
 * what fits at a time, "第 2/3 页 · 共 25 项" under it, and {@link #turnPage} shows the next page.
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
    private int rows;
    private final int compactRows;
    private List<Row> shown = List.of();
    private int shownMore = -1;
    private OverrunStyle textOverrun = OverrunStyle.ELLIPSIS;

    public StatusList(String title, int rows) {
        super(title);
        this.rows = rows;
        this.compactRows = rows;
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
     * How a text too long for its row is cut: {@link OverrunStyle#CENTER_ELLIPSIS} keeps names that differ at the
     * end (和义东里第一 / 第三) apart. The next {@code show} applies it.
     */
    public void setTextOverrun(OverrunStyle style) {
        textOverrun = style;
        shown = List.of();
    }

    /** Paged: every row, a page at a time; else the first rows, as constructed. The next {@code show} applies it. */
    public void setPaged(boolean paged) {
        rows = paged ? Integer.MAX_VALUE : compactRows;
        list.setPaged(paged);
    }

    /** The next page (after the last, the first again); nothing when everything fits on one. */
    public void turnPage() {
        list.turnPage();
    }

    /** "第 2/3 页 · 共 25 项" when paged over more than one page, else null. */
    public String pageLine() {
        return list.pageLine();
    }

    private HBox row(Row r) {
        Region marker = new Region();
        marker.getStyleClass().add(Theme.STATUS_MARKER);
        Label text = new Label(r.text());
        text.getStyleClass().add(Theme.STATUS_TEXT);
        text.setMinWidth(0);
        text.setTextOverrun(textOverrun);
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

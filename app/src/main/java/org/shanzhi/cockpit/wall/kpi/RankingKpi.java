package org.shanzhi.cockpit.wall.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.shanzhi.cockpit.wall.Theme;

/**
 * A leaderboard: name, value and a bar proportional to the leader, most first; "暂无" when empty. The first rows
 * that fit whole in the cell, or whole (a panel with a whole monitor) every entry that fits, and "另有 N 项" for the
 * rest. Drawn with
 * themed labels rather than the TilesFX leaderboard, whose text is about 13 px at this cell size: too small to
 * read across the room.
 */
public final class RankingKpi extends KpiCell {

    /** One line of the board. */
    public record Entry(String name, double value) {
    }

    private final FittingList board = new FittingList();
    private final int rows;
    private boolean whole;
    private final String format;
    private List<Entry> shown = List.of();
    /** How many entries there were when {@link #shown} was taken from them. */
    private int shownOf;

    /** {@code format} is a {@link String#format} pattern for the values, e.g. "%.0f" or "%.1f". */
    public RankingKpi(String title, int rows, String format) {
        super(title);
        this.rows = rows;
        this.format = format;
        board.getStyleClass().add(Theme.RANKING);
        board.setFillWidth(true);
        setListBody(board);
        setEmpty(true);
    }

    /** Whole: every entry (a panel with a whole monitor), else the first rows, as constructed; from the next show. */
    public void setWhole(boolean whole) {
        this.whole = whole;
        shown = null; // the next show fills the board with the rows it now lists
    }

    public void show(List<Entry> entries) {
        List<Entry> top = whole ? entries : entries.subList(0, Math.min(rows, entries.size()));
        setEmpty(top.isEmpty());
        if (top.equals(shown) && entries.size() == shownOf) {
            return;
        }
        shownOf = entries.size();
        shown = List.copyOf(top);
        double max = shown.stream().mapToDouble(Entry::value).max().orElse(0);
        List<Node> lines = new ArrayList<>();
        for (Entry e : shown) {
            lines.add(line(e, max));
        }
        board.show(lines, entries.size() - shown.size());
    }

    private Node line(Entry e, double max) {
        Label name = new Label(e.name());
        name.getStyleClass().add(Theme.RANKING_NAME);
        name.setMinWidth(0);
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        Label value = new Label(String.format(Locale.ROOT, format, e.value()));
        value.getStyleClass().add(Theme.RANKING_VALUE);
        value.setMinWidth(Region.USE_PREF_SIZE);
        Region bar = new Region();
        bar.getStyleClass().add(Theme.RANKING_BAR);
        double share = max > 0 ? e.value() / max : 0;
        StackPane track = new StackPane(bar);
        track.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.maxWidthProperty().bind(track.widthProperty().multiply(share));
        return new VBox(0, new HBox(6, name, value), track);
    }

    public List<Entry> entries() {
        return shown == null ? List.of() : shown;
    }
}

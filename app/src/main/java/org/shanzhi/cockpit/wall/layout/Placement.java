package org.shanzhi.cockpit.wall.layout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * One widget on a screen: its type, the grid cells it covers (columns and rows count from 1, as in
 * the layout files) and its options as written (checked per type by the schema; read them with
 * {@code options().path("split").asInt(1)}). The options node is shared: do not modify it.
 */
public record Placement(WidgetType type, int column, int row, int columnSpan, int rowSpan, JsonNode options) {

    public Placement {
        if (column < 1 || row < 1 || columnSpan < 1 || rowSpan < 1) {
            throw new IllegalArgumentException("cells count from 1 and spans are at least 1");
        }
        options = options == null ? JsonNodeFactory.instance.objectNode() : options;
    }

    /** The last column covered, inclusive. */
    public int lastColumn() {
        return column + columnSpan - 1;
    }

    /** The last row covered, inclusive. */
    public int lastRow() {
        return row + rowSpan - 1;
    }

    /** The 0-based column index, as JavaFX's GridPane wants it. */
    public int columnIndex() {
        return column - 1;
    }

    /** The 0-based row index, as JavaFX's GridPane wants it. */
    public int rowIndex() {
        return row - 1;
    }

    public boolean overlaps(Placement other) {
        return column <= other.lastColumn() && other.column <= lastColumn()
                && row <= other.lastRow() && other.row <= lastRow();
    }
}

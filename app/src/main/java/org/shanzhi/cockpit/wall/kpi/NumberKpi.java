package org.shanzhi.cockpit.wall.kpi;

import eu.hansolo.tilesfx.Tile;

/** One big count (TilesFX number tile), with a unit and a caption such as the change against yesterday. */
public final class NumberKpi extends KpiCell {

    private final Tile tile = TilePalette.build(Tile.SkinType.NUMBER);

    public NumberKpi(String title, String unit) {
        super(title);
        tile.setUnit(unit == null ? "" : unit);
        tile.setDecimals(0);
        setBody(tile);
    }

    /** A count; {@code state} (a Theme state class or null) colours it. */
    public void show(long value, String state) {
        setMissing(false);
        TilePalette.state(tile, state);
        tile.setValue(value);
        refit();
    }

    /** A decimal figure, or "—" when NaN. */
    public void show(double value, int decimals, String state) {
        boolean nan = Double.isNaN(value);
        setMissing(nan);
        tile.setDecimals(decimals);
        TilePalette.state(tile, state);
        tile.setValue(nan ? 0 : value);
        refit();
    }

    /**
     * TilesFX 17.1.21's number skin sizes the value's font too small when only the value changes; it gets it right
     * when the tile is resized. Nudge the size so that the next layout pass resizes it back and refits the font.
     */
    private void refit() {
        if (tile.getWidth() > 1) {
            tile.resize(tile.getWidth() - 1, tile.getHeight());
            tile.getParent().requestLayout();
        }
    }

    public double value() {
        return tile.getValue();
    }
}

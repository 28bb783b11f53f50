package org.shanzhi.cockpit.wall.kpi;

import eu.hansolo.tilesfx.Tile;

/** A percentage on a TilesFX gauge, 0–100; "—" when there is nothing to measure (NaN). */
public final class GaugeKpi extends KpiCell {

    private final Tile tile = TilePalette.build(Tile.SkinType.GAUGE);

    public GaugeKpi(String title) {
        super(title);
        tile.setMinValue(0);
        tile.setMaxValue(100);
        tile.setUnit("%");
        tile.setDecimals(1);
        tile.setTickLabelDecimals(0);
        tile.setThresholdVisible(false);
        setBody(tile);
    }

    public void show(double percent, String state) {
        boolean nan = Double.isNaN(percent);
        setMissing(nan);
        TilePalette.state(tile, state);
        tile.setValue(nan ? 0 : Math.max(0, Math.min(100, percent)));
    }

    public double value() {
        return tile.getValue();
    }
}

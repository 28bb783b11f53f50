package org.shanzhi.cockpit.wall.kpi;

import java.util.ArrayList;
import java.util.List;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.chart.ChartData;

/** A 24-hour series as a TilesFX area sparkline; the whole series is replaced on each show. */
public final class TrendKpi extends KpiCell {

    private final Tile tile = TilePalette.build(Tile.SkinType.SMOOTH_AREA_CHART);
    private List<Integer> shown = List.of();

    public TrendKpi(String title) {
        super(title);
        tile.setSmoothing(true);
        tile.setValueVisible(false);
        tile.setDataPointsVisible(false);
        setBody(tile);
    }

    /** {@code labels} name the points (e.g. the hours); the values are counts. */
    public void show(List<String> labels, List<Integer> values, String state) {
        TilePalette.state(tile, state);
        if (values.equals(shown)) {
            return;
        }
        shown = List.copyOf(values);
        List<ChartData> data = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            data.add(new ChartData(i < labels.size() ? labels.get(i) : "", values.get(i), TilePalette.text()));
        }
        tile.setChartData(data);
    }

    public List<Integer> values() {
        return shown;
    }
}

package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.LABEL_SMALL;

import java.time.Duration;
import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import org.pcollections.PMap;

import org.shanzhi.cockpit.domain.Grid;
import org.shanzhi.cockpit.domain.GridFigures;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.Whistle;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/**
 * 事在格中解 by 综治网格 ({@link GridFigures}, the last {@link #DAYS} days): each grid where cases were found, tinted by
 * the share it solved itself — at least {@link #GOOD} green, at least {@link #FAIR} amber, below red — with
 * "solved/found" in it once the grids themselves are drawn. Grids where nothing was found stay clear.
 */
final class GridCasesLayer extends MapLayer {

    static final LayerSwitch GRID_CASES = LayerSwitch.onRequest("gridCases");
    static final int DAYS = 30;
    static final double GOOD = 0.8;
    static final double FAIR = 0.5;

    private PMap<String, Incident> countedIncidents;
    private PMap<String, Whistle> countedWhistles;
    private List<GridFigures.Row> rows = List.of();

    GridCasesLayer() {
        super("gridCases", Plane.LIVE);
    }

    @Override
    List<LayerSwitch> switches() {
        return List.of(GRID_CASES);
    }

    @Override
    void paint(MapFrame f) {
        Situation s = f.situation();
        if (s.incidents() != countedIncidents || s.whistles() != countedWhistles) {
            rows = GridFigures.of(s, s.time().minus(Duration.ofDays(DAYS)), s.time());
            countedIncidents = s.incidents();
            countedWhistles = s.whistles();
        }
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        boolean figures = p.zoom() >= GridsLayer.GRIDS_FROM;
        for (GridFigures.Row r : rows) {
            Grid grid = s.grids().get(r.gridCode());
            if (grid == null || grid.boundary() == null) {
                continue;
            }
            Color c = colour(r.solvedShare().value());
            f.path(grid.boundary());
            g.setFill(c.deriveColor(0, 1, 1, 0.35));
            g.fill();
            g.setStroke(c);
            g.setLineWidth(1.2);
            g.stroke();
            var centre = grid.boundary().centroid();
            double x = p.xOf(centre.lon());
            double y = p.yOf(centre.lat());
            f.drew(1);
            if (!f.onScreen(x, y)) {
                continue;
            }
            if (figures) {
                g.setFont(LABEL_SMALL);
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                f.halo(r.solvedInGrid() + "/" + r.found(), x, y, MapStyle.TEXT);
            }
            f.mark(MapMark.Kind.GRID, r.gridCode(), x, y, 12, r);
        }
    }

    static Color colour(double share) {
        return Theme.color(share >= GOOD ? Theme.OK : share >= FAIR ? Theme.WARNING : Theme.CRITICAL);
    }

    @Override
    List<LegendEntry> legend(MapFrame f) {
        return List.of(
                swatch(I18n.t("map.legend.gridCases.good", DAYS, (int) (GOOD * 100)), colour(GOOD)),
                swatch(I18n.t("map.legend.gridCases.fair", (int) (FAIR * 100), (int) (GOOD * 100)), colour(FAIR)),
                swatch(I18n.t("map.legend.gridCases.poor", (int) (FAIR * 100)), colour(0)));
    }

    private static LegendEntry swatch(String text, Color c) {
        return LegendEntry.row(text, (g, x, y) -> {
            g.setFill(c.deriveColor(0, 1, 1, 0.35));
            g.fillRect(x - 10, y - 6, 20, 12);
            g.setStroke(c);
            g.setLineWidth(1.2);
            g.strokeRect(x - 10, y - 6, 20, 12);
        });
    }

    @Override
    int legendOrder() {
        return 85;
    }
}

package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.BG;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Grid;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IntelReport;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.StateStyle;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/**
 * The 情报信息 of the last {@link #HOURS} hours, each a triangle in its severity's colour at the centre of the grid it
 * was reported from (its community's, for a report without a grid).
 */
final class IntelLayer extends MapLayer {

    static final LayerSwitch INTEL = LayerSwitch.onRequest("intel");
    static final int HOURS = 24;
    private static final double R = 7;

    IntelLayer() {
        super("intel", Plane.LIVE);
    }

    @Override
    List<LayerSwitch> switches() {
        return List.of(INTEL);
    }

    @Override
    void paint(MapFrame f) {
        Situation s = f.situation();
        Instant since = s.time().minus(Duration.ofHours(HOURS));
        Map<String, List<IntelReport>> byPlace = new TreeMap<>();
        for (IntelReport r : s.intel().values()) {
            String place = r.gridCode() != null ? r.gridCode() : r.communityCode();
            if (place != null && r.reportedAt() != null && r.reportedAt().isAfter(since)) {
                byPlace.computeIfAbsent(place, c -> new ArrayList<>()).add(r);
            }
        }
        MapProjection p = f.view();
        byPlace.forEach((place, reports) -> {
            Grid grid = s.grids().get(place);
            GeoPoint centre = grid != null && grid.boundary() != null ? grid.boundary().centroid()
                    : Spread.community(s, place);
            if (centre == null) {
                return;
            }
            for (int k = 0; k < reports.size(); k++) {
                IntelReport r = reports.get(k);
                double[] at = Spread.at(p.xOf(centre.lon()), p.yOf(centre.lat()), k, reports.size(), 2 * R + 2);
                if (!f.onScreen(at[0], at[1])) {
                    continue;
                }
                triangle(f.g(), at[0], at[1], R, colour(r.severity()));
                f.mark(MapMark.Kind.INTEL, r.id(), at[0], at[1], R, r);
                f.drew(1);
            }
        });
    }

    private static void triangle(GraphicsContext g, double x, double y, double r, Color c) {
        double[] xs = {x, x + r, x - r};
        double[] ys = {y - r, y + r * 0.8, y + r * 0.8};
        g.setFill(c);
        g.fillPolygon(xs, ys, 3);
        g.setStroke(BG);
        g.setLineWidth(1);
        g.strokePolygon(xs, ys, 3);
    }

    private static Color colour(Incident.Severity s) {
        return StateStyle.severity(s == null ? Incident.Severity.LOW : s).colour();
    }

    @Override
    List<LegendEntry> legend(MapFrame f) {
        return List.of(LegendEntry.row(I18n.t("map.legend.intel", HOURS), (g, x, y) -> {
            triangle(g, x - 7, y, 5, colour(Incident.Severity.LOW));
            triangle(g, x + 7, y, 5, colour(Incident.Severity.HIGH));
        }));
    }

    @Override
    int legendOrder() {
        return 67;
    }
}

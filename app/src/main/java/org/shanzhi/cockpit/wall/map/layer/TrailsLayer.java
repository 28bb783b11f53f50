package org.shanzhi.cockpit.wall.map.layer;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus.Availability;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/**
 * Each unit's recent way, under the units: a situation holds only where a unit is now, so the layer keeps the
 * {@link UnitTrails} from one situation to the next; one faint polyline per unit (a stroke per segment costs the
 * software renderer ten times more).
 */
final class TrailsLayer extends MapLayer {

    private final UnitTrails trails = new UnitTrails();

    TrailsLayer() {
        super("trails", Plane.LIVE);
    }

    @Override
    List<LayerSwitch> switches() {
        return List.of(UnitsLayer.UNITS);
    }

    @Override
    void situation(Situation s) {
        trails.update(s.units());
    }

    @Override
    void paint(MapFrame f) {
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        g.setLineWidth(2);
        g.setGlobalAlpha(0.35);
        double[] xs = new double[UnitTrails.LENGTH];
        double[] ys = new double[UnitTrails.LENGTH];
        for (FieldUnit u : f.situation().units().values()) {
            List<GeoPoint> trail = trails.of(u.id());
            if (trail.size() < 2) {
                continue;
            }
            for (int i = 0; i < trail.size(); i++) {
                xs[i] = p.xOf(trail.get(i).lon());
                ys[i] = p.yOf(trail.get(i).lat());
            }
            g.setStroke(MapStyle.unit(MapStyle.availability(u)));
            g.strokePolyline(xs, ys, trail.size());
            f.drew(1);
        }
        g.setGlobalAlpha(1);
    }

    @Override
    List<LegendEntry> legend(MapFrame f) {
        return List.of(LegendEntry.row(I18n.t("map.legend.trail"), (g, x, y) -> {
            Color c = MapStyle.unit(Availability.FREE);
            g.setLineWidth(2);
            g.setStroke(c.deriveColor(0, 1, 1, 0.35));
            g.strokePolyline(new double[] {x - 14, x - 6, x + 2, x + 10}, new double[] {y + 4, y + 1, y + 3, y - 2}, 4);
            f.dot(x + 12, y - 2, 4, c);
        }));
    }

    @Override
    int legendOrder() {
        return 40;
    }
}

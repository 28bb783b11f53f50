package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.CRITICAL;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.TEXT;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.UnitStatus.Availability;
import org.shanzhi.cockpit.wall.StateStyle;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/**
 * The field units, coloured by whether they are free, busy or away (as the dispatch board counts them), with a
 * heading arrow; a unit calling for help is ringed in red; one away is a hollow ring.
 */
final class UnitsLayer extends MapLayer {

    static final LayerSwitch UNITS = LayerSwitch.of("units");

    UnitsLayer() {
        super("units", Plane.LIVE);
    }

    @Override
    List<LayerSwitch> switches() {
        return List.of(UNITS);
    }

    @Override
    void paint(MapFrame f) {
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        for (FieldUnit u : f.situation().units().values()) {
            if (u.at() == null) {
                continue;
            }
            double x = p.xOf(u.at().lon());
            double y = p.yOf(u.at().lat());
            if (!f.onScreen(x, y)) {
                continue;
            }
            Availability availability = MapStyle.availability(u);
            Color c = MapStyle.unit(availability);
            double r = 6;
            if (availability != Availability.AWAY && Double.isFinite(u.heading())) {
                // the heading arrow: compass degrees, 0 = north, clockwise
                double a = Math.toRadians(u.heading());
                double dx = Math.sin(a);
                double dy = -Math.cos(a);
                double tipX = x + dx * (r + 8);
                double tipY = y + dy * (r + 8);
                double baseX = x + dx * (r + 1);
                double baseY = y + dy * (r + 1);
                g.beginPath();
                g.moveTo(tipX, tipY);
                g.lineTo(baseX - dy * 5, baseY + dx * 5);
                g.lineTo(baseX + dy * 5, baseY - dx * 5);
                g.closePath();
                g.setFill(c);
                g.fill();
            }
            if (u.sos()) {
                g.setStroke(CRITICAL);
                g.setLineWidth(3);
                g.strokeOval(x - r - 5, y - r - 5, 2 * r + 10, 2 * r + 10);
            }
            if (availability == Availability.AWAY) {
                // a hollow ring: away is background, and must not read as an offline camera
                g.setStroke(c);
                g.setLineWidth(2);
                g.strokeOval(x - r + 1, y - r + 1, 2 * r - 2, 2 * r - 2);
            } else {
                f.stamp(List.of("unit", c), x, y, r + 0.75, (sg, cx, cy) -> {
                    sg.setFill(c);
                    sg.fillOval(cx - r, cy - r, 2 * r, 2 * r);
                    sg.setStroke(TEXT);
                    sg.setLineWidth(1.5);
                    sg.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
                });
            }
            f.mark(MapMark.Kind.UNIT, u.id(), x, y, r + 2, u);
            f.drew(1);
        }
    }

    @Override
    List<LegendEntry> legend(MapFrame f) {
        String words = I18n.t("map.legend.units", StateStyle.availability(Availability.FREE).label(),
                StateStyle.availability(Availability.BUSY).label(), StateStyle.availability(Availability.AWAY).label());
        return List.of(LegendEntry.row(words, (g, x, y) -> {
            f.dot(x - 11, y, 5, MapStyle.unit(Availability.FREE));
            f.dot(x, y, 5, MapStyle.unit(Availability.BUSY));
            g.setStroke(MapStyle.unit(Availability.AWAY));
            g.setLineWidth(2);
            g.strokeOval(x + 7, y - 4, 8, 8);
        }));
    }

    @Override
    int legendOrder() {
        return 30;
    }
}

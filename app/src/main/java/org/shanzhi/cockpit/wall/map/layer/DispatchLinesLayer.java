package org.shanzhi.cockpit.wall.map.layer;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;

import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus.Availability;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/** A dashed line from each unit on a case to that case, while units and cases are both on the map. */
final class DispatchLinesLayer extends MapLayer {

    DispatchLinesLayer() {
        super("dispatch", Plane.LIVE);
    }

    @Override
    List<LayerSwitch> switches() {
        return List.of(UnitsLayer.UNITS, CasesLayer.INCIDENTS);
    }

    /** Both ends must be on the map. */
    @Override
    boolean shown(MapFrame f) {
        return f.on(UnitsLayer.UNITS) && f.on(CasesLayer.INCIDENTS);
    }

    @Override
    void paint(MapFrame f) {
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        Situation s = f.situation();
        g.setStroke(MapStyle.unit(Availability.BUSY));
        g.setLineWidth(2);
        g.setLineDashes(8, 5);
        for (FieldUnit u : s.units().values()) {
            Incident i = u.incidentId() == null ? null : s.incidents().get(u.incidentId());
            if (u.at() == null || i == null || i.at() == null || !i.open() || !u.id().equals(i.unitId())) {
                continue;
            }
            g.strokeLine(p.xOf(u.at().lon()), p.yOf(u.at().lat()), p.xOf(i.at().lon()), p.yOf(i.at().lat()));
            f.drew(1);
        }
        g.setLineDashes((double[]) null);
    }

    @Override
    List<LegendEntry> legend(MapFrame f) {
        return List.of(LegendEntry.row(I18n.t("map.legend.dispatch"), (g, x, y) -> {
            g.setStroke(MapStyle.unit(Availability.BUSY));
            g.setLineWidth(2);
            g.setLineDashes(5, 3);
            g.strokeLine(x - 10, y, x + 8, y);
            g.setLineDashes((double[]) null);
            f.dot(x - 11, y, 4, MapStyle.unit(Availability.BUSY));
            f.diamond(x + 11, y, 5);
            g.setFill(MapStyle.severity(Incident.Severity.HIGH));
            g.fill();
        }));
    }

    @Override
    int legendOrder() {
        return 50;
    }
}

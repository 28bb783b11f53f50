package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.BG;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.CRITICAL;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.SENSOR;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

import org.shanzhi.cockpit.domain.Sensor;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/** The IoT sensors as squares; one in alarm is larger, red, and framed. */
final class SensorsLayer extends MapLayer {

    static final LayerSwitch SENSORS = LayerSwitch.of("sensors");

    SensorsLayer() {
        super("sensors", Plane.LIVE);
    }

    @Override
    List<LayerSwitch> switches() {
        return List.of(SENSORS);
    }

    @Override
    void paint(MapFrame f) {
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        for (Sensor sensor : f.situation().sensors().values()) {
            if (sensor.at() == null) {
                continue;
            }
            double x = p.xOf(sensor.at().lon());
            double y = p.yOf(sensor.at().lat());
            if (!f.onScreen(x, y)) {
                continue;
            }
            double r = sensor.alarm() ? 6 : 4;
            if (sensor.alarm()) {
                g.setStroke(CRITICAL);
                g.setLineWidth(2);
                g.strokeRect(x - r - 3, y - r - 3, 2 * r + 6, 2 * r + 6);
            }
            Color fill = sensor.alarm() ? CRITICAL : SENSOR;
            f.stamp(List.of("sensor", fill, r), x, y, r + 0.5, (sg, cx, cy) -> {
                sg.setFill(fill);
                sg.fillRect(cx - r, cy - r, 2 * r, 2 * r);
                sg.setStroke(BG);
                sg.setLineWidth(1);
                sg.strokeRect(cx - r, cy - r, 2 * r, 2 * r);
            });
            f.mark(MapMark.Kind.SENSOR, sensor.id(), x, y, r, sensor);
            f.drew(1);
        }
    }

    @Override
    List<LegendEntry> legend(MapFrame f) {
        return List.of(LegendEntry.row(I18n.t("map.legend.sensors"), (g, x, y) -> {
            g.setFill(SENSOR);
            g.fillRect(x - 10, y - 4, 8, 8);
            g.setFill(CRITICAL);
            g.fillRect(x + 3, y - 5, 10, 10);
        }));
    }

    @Override
    int legendOrder() {
        return 20;
    }
}

package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.ROAD;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.ROAD_MAIN;

import javafx.scene.canvas.GraphicsContext;

import org.shanzhi.cockpit.wall.map.geo.BaseMap;
import org.shanzhi.cockpit.wall.map.geo.BaseMap.Road;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/** The vector base's roads, lanes first and expressways on top, wider as the map zooms in. */
final class RoadsLayer extends MapLayer {

    private BaseMap drawn;

    RoadsLayer() {
        super("roads", Plane.BASE);
    }

    @Override
    boolean changed(MapFrame f) {
        return f.base() != drawn;
    }

    @Override
    void paint(MapFrame f) {
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        drawn = f.base();
        for (int rank = 0; rank <= 3; rank++) {
            for (Road r : drawn.roads()) {
                if (r.rank() != rank) {
                    continue;
                }
                int n = r.xs().length;
                double[] xs = new double[n];
                double[] ys = new double[n];
                for (int i = 0; i < n; i++) {
                    xs[i] = p.screenX(r.xs()[i]);
                    ys[i] = p.screenY(r.ys()[i]);
                }
                g.setStroke(r.rank() >= 2 ? ROAD_MAIN : ROAD);
                g.setLineWidth(width(r, p.zoom()));
                g.strokePolyline(xs, ys, n);
                f.drew(1);
            }
        }
    }

    private static double width(Road r, double zoom) {
        double base = switch (r.rank()) {
            case 3 -> 7;
            case 2 -> 5;
            case 1 -> 3;
            default -> 1.6;
        };
        return Math.max(1, Math.min(18, base * Math.pow(2, (zoom - 15.5) * 0.7)));
    }
}

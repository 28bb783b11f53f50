package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.OVERLAY;

import java.util.List;

import javafx.scene.canvas.GraphicsContext;

import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;
import org.shanzhi.cockpit.wall.map.geo.OverlayLoader;

/**
 * The layout's GeoJSON overlay (pipes, a grid survey) over the roads, once it is read: its lines and points; lines
 * whose box is off the canvas are not drawn. Named in the legend.
 */
final class OverlayLayer extends MapLayer {

    private OverlayLoader.Overlay drawn;

    OverlayLayer() {
        super("overlay", Plane.BASE);
    }

    @Override
    boolean shown(MapFrame f) {
        return f.overlay() != null;
    }

    @Override
    boolean changed(MapFrame f) {
        return f.overlay() != drawn;
    }

    @Override
    void paint(MapFrame f) {
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        drawn = f.overlay();
        double x0 = p.worldXAt(0);
        double x1 = p.worldXAt(p.width());
        double y0 = p.worldYAt(0);
        double y1 = p.worldYAt(p.height());
        g.setStroke(OVERLAY);
        g.setLineWidth(1.5);
        double[] xs = new double[0];
        double[] ys = new double[0];
        int count = 0;
        for (OverlayLoader.Line l : drawn.lines()) {
            if (l.maxX() < x0 || l.minX() > x1 || l.maxY() < y0 || l.minY() > y1) {
                continue;
            }
            int n = l.xs().length;
            if (xs.length < n) {
                xs = new double[n];
                ys = new double[n];
            }
            for (int i = 0; i < n; i++) {
                xs[i] = p.screenX(l.xs()[i]);
                ys[i] = p.screenY(l.ys()[i]);
            }
            g.strokePolyline(xs, ys, n);
            count++;
        }
        g.setFill(OVERLAY);
        for (double[] pt : drawn.points()) {
            if (pt[0] >= x0 && pt[0] <= x1 && pt[1] >= y0 && pt[1] <= y1) {
                g.fillOval(p.screenX(pt[0]) - 2.5, p.screenY(pt[1]) - 2.5, 5, 5);
                count++;
            }
        }
        f.drew(count);
    }

    @Override
    List<LegendEntry> legend(MapFrame f) {
        return List.of(LegendEntry.row(I18n.t("map.legend.overlay", f.overlay().name()), (g, x, y) -> {
            g.setStroke(OVERLAY);
            g.setLineWidth(1.5);
            g.strokePolyline(new double[] {x - 12, x - 3, x + 4, x + 12}, new double[] {y + 4, y - 3, y + 3, y - 4}, 4);
        }));
    }

    @Override
    int legendOrder() {
        return 70;
    }
}

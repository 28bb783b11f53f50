package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.DETAIL_LABELS_FROM;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.LABEL;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.TEXT_DIM;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import org.shanzhi.cockpit.wall.map.geo.BaseMap;
import org.shanzhi.cockpit.wall.map.geo.BaseMap.Road;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/**
 * The roads' names along them, main roads first and streets from {@link MapStyle#DETAIL_LABELS_FROM}: on the longest
 * piece on screen, upright characters stacked on steep roads; the last labels placed.
 */
final class RoadLabelsLayer extends MapLayer {

    RoadLabelsLayer() {
        super("roadLabels", Plane.LIVE);
    }

    @Override
    void paint(MapFrame f) {
        GraphicsContext g = f.g();
        g.setFont(LABEL);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int rank = 3; rank >= 1; rank--) {
            if (rank == 1 && f.view().zoom() < DETAIL_LABELS_FROM) {
                break;
            }
            for (Road r : f.base().roads()) {
                if (r.rank() == rank && r.name() != null && label(f, r)) {
                    f.drew(1);
                }
            }
        }
    }

    private static boolean label(MapFrame f, Road r) {
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        String text = BaseMap.shortName(r.name());
        double tw = f.width(LABEL, text);
        int best = -1;
        double bestLen = 0;
        for (int i = 0; i + 1 < r.xs().length; i++) {
            double x0 = p.screenX(r.xs()[i]);
            double y0 = p.screenY(r.ys()[i]);
            double x1 = p.screenX(r.xs()[i + 1]);
            double y1 = p.screenY(r.ys()[i + 1]);
            double len = Math.hypot(x1 - x0, y1 - y0);
            if (len > bestLen && f.onScreen((x0 + x1) / 2, (y0 + y1) / 2)) {
                best = i;
                bestLen = len;
            }
        }
        if (best < 0 || bestLen < tw + 30) {
            return false;
        }
        double x0 = p.screenX(r.xs()[best]);
        double y0 = p.screenY(r.ys()[best]);
        double x1 = p.screenX(r.xs()[best + 1]);
        double y1 = p.screenY(r.ys()[best + 1]);
        double angle = Math.toDegrees(Math.atan2(y1 - y0, x1 - x0));
        if (angle > 90) {
            angle -= 180;
        } else if (angle < -90) {
            angle += 180;
        }
        // try the middle of the piece, then a third along either way
        for (double t : new double[] {0.5, 0.3, 0.7}) {
            double cx = x0 + (x1 - x0) * t;
            double cy = y0 + (y1 - y0) * t;
            if (Math.abs(angle) > 60) {
                double step = LABEL.getSize() + 1;
                double height = step * text.length();
                Bounds box = new BoundingBox(cx - 10, cy - height / 2, 20, height);
                if (f.claim(box)) {
                    for (int k = 0; k < text.length(); k++) {
                        f.halo(text.substring(k, k + 1), cx, cy - height / 2 + step * (k + 0.5), TEXT_DIM);
                    }
                    return true;
                }
            } else {
                double a = Math.toRadians(angle);
                double bw = Math.abs(Math.cos(a)) * tw + Math.abs(Math.sin(a)) * 18;
                double bh = Math.abs(Math.sin(a)) * tw + Math.abs(Math.cos(a)) * 18;
                Bounds box = new BoundingBox(cx - bw / 2, cy - bh / 2, bw, bh);
                if (f.claim(box)) {
                    g.save();
                    g.translate(cx, cy);
                    g.rotate(angle);
                    f.halo(text, 0, 0, TEXT_DIM);
                    g.restore();
                    return true;
                }
            }
        }
        return false;
    }
}

package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.BG;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.COMMUNITY;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.LABEL;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.LABEL_SMALL;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.TEXT;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.TEXT_DIM;

import javafx.geometry.BoundingBox;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/** The scale bar and the attribution in the bottom right corner, the north arrow in the top right one. */
final class ScaleLayer extends MapLayer {

    private static final double[] LENGTHS = {10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 20_000};

    ScaleLayer() {
        super("scale", Plane.LIVE);
    }

    @Override
    void paint(MapFrame f) {
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        double mpp = p.metresPerPixel();
        double target = 140 * mpp;
        double metres = 10;
        for (double m : LENGTHS) {
            if (m <= target) {
                metres = m;
            }
        }
        double len = metres / mpp;
        double x1 = p.width() - 24;
        double x0 = x1 - len;
        double y = p.height() - 26;
        g.setStroke(BG);
        g.setLineWidth(6);
        g.strokePolyline(new double[] {x0, x0, x1, x1}, new double[] {y - 7, y, y, y - 7}, 4);
        g.setStroke(TEXT);
        g.setLineWidth(2);
        g.strokePolyline(new double[] {x0, x0, x1, x1}, new double[] {y - 7, y, y, y - 7}, 4);
        g.setFont(LABEL);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        String label = metres >= 1000 ? I18n.t("map.scale.km", metres / 1000) : I18n.t("map.scale.m", metres);
        f.halo(label, (x0 + x1) / 2, y - 4, TEXT);
        g.setFont(LABEL_SMALL);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        f.halo(I18n.t("map.attribution"), x1, y + 6, TEXT_DIM);

        f.reserve(new BoundingBox(Math.min(x0, x1 - 200) - 8, y - 28, x1 - Math.min(x0, x1 - 200) + 32, 60));

        // north arrow, top right
        double nx = p.width() - 36;
        double ny = 34;
        f.reserve(new BoundingBox(nx - 20, ny - 24, 40, 64));
        g.beginPath();
        g.moveTo(nx, ny - 18);
        g.lineTo(nx + 9, ny + 10);
        g.lineTo(nx, ny + 4);
        g.lineTo(nx - 9, ny + 10);
        g.closePath();
        g.setFill(TEXT);
        g.fill();
        g.setStroke(BG);
        g.setLineWidth(1.5);
        g.stroke();
        g.setFont(COMMUNITY);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        f.halo("N", nx, ny + 12, TEXT);
        f.drew(1);
    }
}

package org.shanzhi.cockpit.wall.map.layer;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;

import org.shanzhi.cockpit.wall.map.geo.Gcj02;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;
import org.shanzhi.cockpit.wall.map.geo.RasterTiles;

/**
 * The layout's raster base ({@code tiles}) under everything else: the tiles of the nearest whole zoom; a tile not yet
 * loaded is stood in for by its nearest loaded parent, scaled (up to four levels up). GCJ-02 imagery is moved back by
 * its offset at the view's centre. Counts the tiles drawn from their own image, and {@code tiles.parents}.
 */
final class TilesLayer extends MapLayer {

    private long drawnVersion = -1;

    TilesLayer() {
        super("tiles", Plane.BASE);
    }

    @Override
    boolean shown(MapFrame f) {
        return f.tiles() != null;
    }

    /** Tiles that arrived since the base was drawn. */
    @Override
    boolean changed(MapFrame f) {
        return f.tiles().version() != drawnVersion;
    }

    @Override
    void paint(MapFrame f) {
        GraphicsContext g = f.g();
        MapProjection p = f.view();
        RasterTiles t = f.tiles();
        drawnVersion = t.version();
        int own = 0;
        int parents = 0;
        int z = (int) Math.max(0, Math.min(t.maxZoom(), Math.round(p.zoom())));
        int n = 1 << z;
        double shiftX = 0;
        double shiftY = 0;
        if (t.gcj02()) {
            double[] gcj = Gcj02.fromWgs84(p.centreLon(), p.centreLat());
            shiftX = MapProjection.worldX(p.centreLon()) - MapProjection.worldX(gcj[0]);
            shiftY = MapProjection.worldY(p.centreLat()) - MapProjection.worldY(gcj[1]);
        }
        int x0 = Math.max(0, (int) Math.floor((p.worldXAt(0) - shiftX) * n));
        int x1 = Math.min(n - 1, (int) Math.floor((p.worldXAt(p.width()) - shiftX) * n));
        int y0 = Math.max(0, (int) Math.floor((p.worldYAt(0) - shiftY) * n));
        int y1 = Math.min(n - 1, (int) Math.floor((p.worldYAt(p.height()) - shiftY) * n));
        double size = p.scale() / n;
        g.setImageSmoothing(true);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double sx = p.screenX((double) x / n + shiftX);
                double sy = p.screenY((double) y / n + shiftY);
                Image img = t.tile(z, x, y);
                if (img != null) {
                    g.drawImage(img, sx, sy, size, size);
                    own++;
                    continue;
                }
                for (int dz = 1; dz <= 4 && dz <= z; dz++) {
                    Image parent = t.cached(z - dz, x >> dz, y >> dz);
                    if (parent != null) {
                        double sub = parent.getWidth() / (1 << dz);
                        g.drawImage(parent, (x - ((x >> dz) << dz)) * sub, (y - ((y >> dz) << dz)) * sub, sub, sub,
                                sx, sy, size, size);
                        parents++;
                        break;
                    }
                }
            }
        }
        f.drew(own);
        f.count("tiles.parents", parents);
    }
}

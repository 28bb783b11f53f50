package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.HEAT;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import org.pcollections.PMap;

import org.shanzhi.cockpit.domain.Bounds;
import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.DrillThing;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.map.geo.CameraClusters;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/**
 * The last 24 hours' complaints (12345) as heat: a coarse density grid, blurred by drawing it scaled. The image is fixed
 * in the world per half zoom step, as the camera clusters are, and made on the map's worker thread ({@link OffThread});
 * it is drawn on a canvas of its own ({@link Plane#HEAT}), the newest image at hand, only its part on that canvas, and
 * drawn again when a newer image arrives or the canvas's projection changes, not in every frame.
 */
final class HeatLayer extends MapLayer {

    static final LayerSwitch COMPLAINT_HEAT = LayerSwitch.onRequest("complaintHeat", "heat");
    /** Cells of about this many screen pixels at the step, but never more than {@link #MAX_CELLS} across the area. */
    private static final double CELL = 6;
    private static final int MAX_CELLS = 1000;

    /**
     * The heat of these complaints over this area (the district) at a zoom step; {@code now} (the window's end) is
     * read, not compared: a new complaint makes a new map of them.
     */
    private record Key(PMap<String, Complaint> complaints, PMap<String, DrillThing> drillThings, Bounds area,
                       double step, Instant now) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.complaints == complaints && k.drillThings == drillThings && k.step == step
                    && Objects.equals(k.area, area);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(complaints) * 31 + Double.hashCode(step);
        }
    }

    /**
     * A heat image fixed in the world: its top-left corner ({@code x0}, {@code y0}) and cell size in world units,
     * {@code cols} × {@code rows} cells; a null image: no heat. A pan only moves it. The image is made on the worker
     * thread (an image is no node of the scene), so the FX thread only draws it.
     */
    private record Heat(double x0, double y0, double cell, int cols, int rows, WritableImage image) {
    }

    private final OffThread<Key, Heat> work;
    /** The heat images of one set of complaints by zoom step: zooming in and out again computes nothing (worker thread). */
    private final Map<Double, Heat> byStep = new HashMap<>();
    private Key heatOf;
    /** The image the heat canvas holds (FX thread). */
    private Heat drawn;

    HeatLayer(Runnable onReady) {
        super("heat", Plane.HEAT);
        work = new OffThread<>(this::heatAt, onReady);
    }

    @Override
    List<LayerSwitch> switches() {
        return List.of(COMPLAINT_HEAT);
    }

    /** The heat of the frame's complaints at its step, or null before there is a time. */
    private static Key keyOf(MapFrame f) {
        Situation s = f.situation();
        return s.time() == null ? null : new Key(s.complaints(), s.drillThings(),
                s.district() == null ? null : s.district().bounds(), CameraClusters.step(f.view().zoom()), s.time());
    }

    @Override
    boolean changed(MapFrame f) {
        Key key = keyOf(f);
        return key != null && work.latest(key) != drawn;
    }

    @Override
    void paint(MapFrame f) {
        MapProjection p = f.view();
        Key key = keyOf(f);
        drawn = null;
        if (key == null) {
            return;
        }
        Heat h = work.latest(key);
        drawn = h;
        if (!work.has(key)) {
            f.unsettled();
        }
        if (h == null || h.image() == null) {
            return;
        }
        // only the part of the image on the canvas: drawing it whole, scaled, costs the software renderer its full size
        double k = h.cell() * p.scale(); // screen pixels per cell
        double left = p.screenX(h.x0());
        double top = p.screenY(h.y0());
        double c0 = Math.max(0, Math.floor(-left / k));
        double r0 = Math.max(0, Math.floor(-top / k));
        double c1 = Math.min(h.cols(), Math.ceil((p.width() - left) / k));
        double r1 = Math.min(h.rows(), Math.ceil((p.height() - top) / k));
        if (c1 <= c0 || r1 <= r0) {
            return;
        }
        GraphicsContext g = f.g();
        g.setImageSmoothing(true);
        g.drawImage(h.image(), c0, r0, c1 - c0, r1 - r0, left + c0 * k, top + r0 * k, (c1 - c0) * k, (r1 - r0) * k);
        f.drew(1);
    }

    @Override
    List<LegendEntry> legend(MapFrame f) {
        return List.of(LegendEntry.row(I18n.t("map.legend.heat"), (g, x, y) -> {
            g.setFill(HEAT.deriveColor(0, 1, 1, 0.6));
            g.fillOval(x - 10, y - 7, 20, 14);
        }));
    }

    @Override
    int legendOrder() {
        return 80;
    }

    // --- on the worker thread ----------------------------------------------------------------------------

    private Heat heatAt(Key key) {
        if (heatOf == null || key.complaints() != heatOf.complaints() || key.drillThings() != heatOf.drillThings()
                || !Objects.equals(key.area(), heatOf.area())) {
            byStep.clear();
            heatOf = key;
        }
        return byStep.computeIfAbsent(key.step(), step -> heat(key));
    }

    /** The complaints the heat is of: placed, taken in the last 24 hours, and none of a drill's (no live figure). */
    static List<Complaint> heated(PMap<String, Complaint> complaints, PMap<String, DrillThing> drillThings,
                                  Instant now) {
        Instant since = now.minus(Duration.ofHours(24));
        List<Complaint> out = new ArrayList<>();
        for (Complaint c : complaints.values()) {
            if (c.at() != null && c.acceptedAt() != null && !c.acceptedAt().isBefore(since)
                    && !drillThings.containsKey(DrillThing.key("complaints", c.orderNo()))) {
                out.add(c);
            }
        }
        return out;
    }

    /** A density grid of the {@link #heated} complaints over the area, as colours. */
    private static Heat heat(Key key) {
        List<Complaint> recent = heated(key.complaints(), key.drillThings(), key.now());
        double west = Double.MAX_VALUE;
        double east = -Double.MAX_VALUE;
        double north = -Double.MAX_VALUE;
        double south = Double.MAX_VALUE;
        for (Complaint c : recent) {
            west = Math.min(west, c.at().lon());
            east = Math.max(east, c.at().lon());
            south = Math.min(south, c.at().lat());
            north = Math.max(north, c.at().lat());
        }
        if (recent.isEmpty()) {
            return new Heat(0, 0, 1, 0, 0, null);
        }
        if (key.area() != null) {
            west = Math.min(west, key.area().west());
            east = Math.max(east, key.area().east());
            south = Math.min(south, key.area().south());
            north = Math.max(north, key.area().north());
        }
        MapProjection z = MapProjection.centredOn((west + east) / 2, (south + north) / 2, key.step(), 1, 1);
        double x0 = MapProjection.worldX(west);
        double y0 = MapProjection.worldY(north);
        double extent = Math.max(MapProjection.worldX(east) - x0, MapProjection.worldY(south) - y0);
        double cellPixels = Math.max(CELL, extent * z.scale() / MAX_CELLS);
        double cell = cellPixels / z.scale();
        // a kernel of about 150 m on the ground; the grid reaches that far beyond the area
        int radius = Math.max(2, (int) Math.round(150 / z.metresPerPixel() / cellPixels));
        x0 -= radius * cell;
        y0 -= radius * cell;
        int cols = (int) Math.ceil((MapProjection.worldX(east) - x0) / cell) + radius + 1;
        int rows = (int) Math.ceil((MapProjection.worldY(south) - y0) / cell) + radius + 1;
        float[] density = new float[cols * rows];
        float max = 0;
        for (Complaint c : recent) {
            int cx = (int) ((MapProjection.worldX(c.at().lon()) - x0) / cell);
            int cy = (int) ((MapProjection.worldY(c.at().lat()) - y0) / cell);
            for (int dy = -radius; dy <= radius; dy++) {
                int y = cy + dy;
                if (y < 0 || y >= rows) {
                    continue;
                }
                for (int dx = -radius; dx <= radius; dx++) {
                    int x = cx + dx;
                    if (x < 0 || x >= cols) {
                        continue;
                    }
                    double d2 = (dx * dx + dy * dy) / (double) (radius * radius);
                    if (d2 <= 1) {
                        float v = density[y * cols + x] += (float) ((1 - d2) * (1 - d2));
                        max = Math.max(max, v);
                    }
                }
            }
        }
        int[] argb = new int[cols * rows];
        int rgb = (int) Math.round(HEAT.getRed() * 255) << 16 | (int) Math.round(HEAT.getGreen() * 255) << 8
                | (int) Math.round(HEAT.getBlue() * 255);
        for (int i = 0; i < argb.length; i++) {
            float v = density[i] / max;
            if (v > 0.02) {
                int alpha = (int) Math.round(255 * Math.min(0.7, 0.12 + 0.6 * v));
                argb[i] = alpha << 24 | rgb;
            }
        }
        WritableImage image = new WritableImage(cols, rows);
        image.getPixelWriter().setPixels(0, 0, cols, rows, PixelFormat.getIntArgbInstance(), argb, 0, cols);
        return new Heat(x0, y0, cell, cols, rows, image);
    }
}

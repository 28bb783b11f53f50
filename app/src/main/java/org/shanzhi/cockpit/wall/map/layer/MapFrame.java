package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.BG;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Bounds;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Polygon;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.map.geo.BaseMap;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;
import org.shanzhi.cockpit.wall.map.geo.OverlayLoader;
import org.shanzhi.cockpit.wall.map.geo.RasterTiles;

/**
 * One frame of one canvas as the layers draw it: the canvas and its projection, what the map shows, and what the
 * layers leave for each other: the marks drawn so far, the boxes taken by labels and furniture (a label goes only
 * where it is free), and how much each layer drew. On the FX thread.
 */
final class MapFrame {

    /** The offsets of a halo's copies: eight around a ring 2 px wide, as the 4 px stroke drew it. */
    private static final double[][] HALO = {{-2, 0}, {2, 0}, {0, -2}, {0, 2}, {-1.5, -1.5}, {1.5, -1.5},
            {-1.5, 1.5}, {1.5, 1.5}};

    private final GraphicsContext g;
    private final MapProjection view;
    private final MapContent content;
    private final List<MapLayer> layers;
    private final TextWidths widths;
    private final Stamps stamps;
    private final List<MapMark> marks = new ArrayList<>(2048);
    private final List<Bounds> placed = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private MapLayer current;
    private boolean settled = true;

    MapFrame(GraphicsContext g, MapProjection view, MapContent content, List<MapLayer> layers, TextWidths widths,
            Stamps stamps) {
        this.g = g;
        this.view = view;
        this.content = content;
        this.layers = layers;
        this.widths = widths;
        this.stamps = stamps;
    }

    GraphicsContext g() {
        return g;
    }

    /** The projection of the canvas drawn (for the base, larger than the map: see {@code MapWidget}). */
    MapProjection view() {
        return view;
    }

    Situation situation() {
        return content.situation();
    }

    BaseMap base() {
        return content.base();
    }

    OverlayLoader.Overlay overlay() {
        return content.overlay();
    }

    RasterTiles tiles() {
        return content.tiles();
    }

    MapMark selected() {
        return content.selected();
    }

    boolean on(LayerSwitch s) {
        return content.on().contains(s.option());
    }

    /** Every layer of the map, shown or not, bottom to top (the legend asks each for its rows). */
    List<MapLayer> layers() {
        return layers;
    }

    // --- what the layers leave for each other ---------------------------------------------------------------

    /** Starts the marks and counts of a layer. */
    void begin(MapLayer layer) {
        current = layer;
    }

    /** Something drawn that a pointer can find, at screen (x, y) with radius {@code r}. */
    void mark(MapMark.Kind kind, String id, double x, double y, double r, Object subject) {
        marks.add(new MapMark(kind, id, x, y, r, subject));
    }

    /** The marks of this frame so far, in drawing order. */
    List<MapMark> marks() {
        return marks;
    }

    /** Counts {@code n} things drawn by the current layer. */
    void drew(int n) {
        count(current.name(), n);
    }

    /** Counts {@code n} things of a kind a layer names itself (its parts: {@code tiles.parents}). */
    void count(String what, int n) {
        counts.merge(what, n, Integer::sum);
    }

    Map<String, Integer> counts() {
        return counts;
    }

    /** The layer drew what it had, but not yet what it was asked for (a result still computing off the FX thread). */
    void unsettled() {
        settled = false;
    }

    boolean settled() {
        return settled;
    }

    /** Takes the box for a label if nothing is there yet. */
    boolean claim(Bounds box) {
        for (Bounds b : placed) {
            if (b.intersects(box)) {
                return false;
            }
        }
        placed.add(box);
        return true;
    }

    /** Takes the box whatever is there: furniture and symbols that labels must keep clear of. */
    void reserve(Bounds box) {
        placed.add(box);
    }

    // --- drawing helpers --------------------------------------------------------------------------------------

    double width(Font f, String text) {
        return widths.of(f, text);
    }

    /** Near enough the canvas to be drawn (a symbol's size beyond its edges). */
    boolean onScreen(double x, double y) {
        return x > -30 && y > -30 && x < view.width() + 30 && y < view.height() + 30;
    }

    /**
     * Text with a ring of the background around it, legible over anything: the text filled in the background's colour
     * at {@link #HALO} around its place, then in its own. Stroking the glyphs' outlines instead is what cost the software
     * pipeline most in a frame; filled text is copied from the glyph cache.
     */
    void halo(String text, double x, double y, Color fill) {
        g.setFill(BG);
        for (double[] d : HALO) {
            g.fillText(text, x + d[0], y + d[1]);
        }
        g.setFill(fill);
        g.fillText(text, x, y);
    }

    /**
     * A symbol centred on (x, y) that reaches at most {@code reach} px from its centre, copied from its image (drawn
     * the first time its {@code key} is asked for); to the nearest pixel.
     */
    void stamp(Object key, double x, double y, double reach, Stamps.Symbol symbol) {
        int side = Stamps.side(reach);
        g.drawImage(stamps.of(key, reach, symbol), Math.round(x - side / 2.0), Math.round(y - side / 2.0));
    }

    void dot(double x, double y, double r, Color c) {
        g.setFill(c);
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
    }

    /** A diamond path around (x, y), to fill or stroke. */
    void diamond(double x, double y, double r) {
        g.beginPath();
        g.moveTo(x, y - r);
        g.lineTo(x + r, y);
        g.lineTo(x, y + r);
        g.lineTo(x - r, y);
        g.closePath();
    }

    /** A polygon's path, to fill or stroke. */
    void path(Polygon poly) {
        g.beginPath();
        List<GeoPoint> ring = poly.ring();
        for (int i = 0; i < ring.size(); i++) {
            GeoPoint pt = ring.get(i);
            if (i == 0) {
                g.moveTo(view.xOf(pt.lon()), view.yOf(pt.lat()));
            } else {
                g.lineTo(view.xOf(pt.lon()), view.yOf(pt.lat()));
            }
        }
        g.closePath();
    }
}

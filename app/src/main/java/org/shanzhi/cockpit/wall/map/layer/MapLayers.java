package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.BG;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

import com.fasterxml.jackson.databind.JsonNode;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/**
 * The map's layers, bottom to top, and a frame drawn with them: the base canvas when the view or what a base layer
 * shows changed, the live canvas every frame. Adding a layer is its class and its line in {@link #create}.
 * On the FX thread, but for the layers' own work off it.
 */
public final class MapLayers {

    /** What the last frame drew: the marks a pointer can find, how much each layer drew, and whether it is current. */
    public record Drawn(List<MapMark> marks, Map<String, Integer> counts, boolean settled) {

        public static final Drawn NOTHING = new Drawn(List.of(), Map.of(), true);

        /** How many things a layer (or a part it names, such as {@code tiles.parents}) drew; 0 for none. */
        public int count(String what) {
            return counts.getOrDefault(what, 0);
        }
    }

    private final List<MapLayer> layers;
    private final TextWidths widths = new TextWidths();
    private MapProjection baseView;
    private Set<String> baseOn;
    private Map<String, Integer> baseCounts = Map.of();

    MapLayers(List<MapLayer> layers) {
        this.layers = List.copyOf(layers);
    }

    /**
     * The layers of one map. {@code repaint} is called on a worker thread when a layer has computed something off the
     * FX thread for the next frame.
     */
    public static MapLayers create(Runnable repaint) {
        return new MapLayers(List.of(
                // the base canvas, bottom up
                new TilesLayer(),
                new CommunitiesLayer(),
                new GridsLayer(),
                new BoundariesLayer(),
                new RoadsLayer(),
                new OverlayLayer(),
                // the live canvas, bottom up
                new HeatLayer(repaint),
                new GridCasesLayer(),
                new SensorsLayer(),
                new CamerasLayer(repaint),
                new PoisLayer(),
                new OutagesLayer(),
                new DisputesLayer(),
                new PetitionsLayer(),
                new IntelLayer(),
                new TrailsLayer(),
                new DispatchLinesLayer(),
                new UnitsLayer(),
                new CasesLayer(),
                new SelectionLayer(),
                // the furniture claims its corners first; then labels, most important first, none over another
                new LegendLayer(),
                new ScaleLayer(),
                new CommunityLabelsLayer(),
                new PoiLabelsLayer(),
                new RoadLabelsLayer()));
    }

    /** The layer switches on for a layout's map options (its {@code layers} list, or the defaults). */
    public Set<String> switchesOn(JsonNode options) {
        Set<LayerSwitch> known = new LinkedHashSet<>();
        for (MapLayer l : layers) {
            known.addAll(l.switches());
        }
        return LayerSwitch.on(options, known);
    }

    /** A new situation: layers that keep something from one situation to the next (the trails) take it. */
    public void situation(Situation s) {
        for (MapLayer l : layers) {
            l.situation(s);
        }
    }

    /**
     * Draws the base layers in projection {@code p} (the map keeps one while the view only pans) when that
     * projection, the switches or what a base layer shows changed since the last time; true when it drew.
     */
    public boolean paintBase(GraphicsContext g, MapProjection p, MapContent content) {
        MapFrame f = new MapFrame(g, p, content, layers, widths);
        boolean changed = p != baseView || !content.on().equals(baseOn);
        for (MapLayer l : layers) {
            if (l.plane() == MapLayer.Plane.BASE && l.shown(f)) {
                changed |= l.changed(f);
            }
        }
        if (!changed) {
            return false;
        }
        baseView = p;
        baseOn = content.on();
        start(g, p);
        g.setFill(BG);
        g.fillRect(0, 0, p.width(), p.height());
        paint(f, MapLayer.Plane.BASE);
        baseCounts = Map.copyOf(f.counts());
        return true;
    }

    /** Draws the live layers in the view {@code p}; what the base counted when it was last drawn is kept in the counts. */
    public Drawn paint(GraphicsContext g, MapProjection p, MapContent content) {
        MapFrame f = new MapFrame(g, p, content, layers, widths);
        start(g, p);
        paint(f, MapLayer.Plane.LIVE);
        Map<String, Integer> counts = new HashMap<>(baseCounts);
        counts.putAll(f.counts());
        return new Drawn(List.copyOf(f.marks()), Map.copyOf(counts), f.settled());
    }

    private static void start(GraphicsContext g, MapProjection p) {
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setGlobalAlpha(1);
        // clearing the whole canvas also drops the commands of a frame that was never shown
        g.clearRect(0, 0, p.width(), p.height());
    }

    private void paint(MapFrame f, MapLayer.Plane plane) {
        for (MapLayer l : layers) {
            if (l.plane() != plane) {
                continue;
            }
            int first = f.marks().size();
            if (l.shown(f)) {
                f.begin(l);
                f.g().save();
                l.paint(f);
                f.g().restore();
            }
            l.drew(new ArrayList<>(f.marks().subList(first, f.marks().size())));
        }
    }

    /**
     * What a pointer at (x, y) finds in the last frame: the mark nearest to it within {@code slop} pixels of its edge,
     * the one drawn on top winning a tie; null for nothing.
     */
    public MapMark hit(double x, double y, double slop) {
        MapLayer.Hit best = null;
        for (int i = layers.size() - 1; i >= 0; i--) {
            MapLayer l = layers.get(i);
            MapLayer.Hit h = l.plane() == MapLayer.Plane.LIVE ? l.hit(x, y, slop) : null;
            if (h != null && (best == null || h.gap() < best.gap())) {
                best = h;
            }
        }
        return best == null ? null : best.mark();
    }
}

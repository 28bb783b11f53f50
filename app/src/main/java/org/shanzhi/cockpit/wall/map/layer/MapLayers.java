package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.BG;

import java.util.ArrayList;
import java.util.EnumMap;
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
 * The map's layers, bottom to top, and a frame drawn with them: a still canvas (base, heat) when its projection or what
 * a layer of it shows changed, the live canvas every frame. Adding a layer is its class and its line in {@link #create}.
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

    /** What a still plane's canvas holds: drawn in this projection, with these switches, counting this much. */
    private record Still(MapProjection view, Set<String> on, Map<String, Integer> counts, boolean settled) {
    }

    private final List<MapLayer> layers;
    private final TextWidths widths = new TextWidths();
    private final Stamps stamps = new Stamps();
    private final Map<Plane, Still> stills = new EnumMap<>(Plane.class);

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
                // the heat canvas
                new HeatLayer(repaint),
                // the live canvas, bottom up
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
     * Whether a still plane must be drawn again for projection {@code p} (the map keeps one while the view only pans
     * within the margin or zooms): its projection or the switches changed, or what a layer of it shows changed (a
     * result computed off the FX thread arrived, for one). An empty plane none of whose layers is shown (the heat,
     * off) stays as it is.
     */
    public boolean stale(Plane plane, MapProjection p, MapContent content) {
        MapFrame f = new MapFrame(null, p, content, layers, widths, stamps);
        boolean shown = false;
        boolean changed = false;
        for (MapLayer l : layers) {
            if (l.plane() == plane && l.shown(f)) {
                shown = true;
                changed |= l.changed(f);
            }
        }
        Still drawn = stills.get(plane);
        if (drawn == null) {
            return true;
        }
        if (!shown && drawn.counts().isEmpty()) {
            return false;
        }
        return changed || p != drawn.view() || !content.on().equals(drawn.on());
    }

    /** Draws a still plane's layers in projection {@code p} on its canvas; true when what it drew is final. */
    public boolean paintStill(Plane plane, GraphicsContext g, MapProjection p, MapContent content) {
        MapFrame f = new MapFrame(g, p, content, layers, widths, stamps);
        start(g, p);
        if (plane == Plane.BASE) {
            g.setFill(BG);
            g.fillRect(0, 0, p.width(), p.height());
        }
        paint(f, plane);
        stills.put(plane, new Still(p, content.on(), Map.copyOf(f.counts()), f.settled()));
        return f.settled();
    }

    /** Whether a still plane drew anything the last time (an empty canvas need not be composed at all). */
    public boolean drewAnything(Plane plane) {
        Still drawn = stills.get(plane);
        return drawn != null && !drawn.counts().isEmpty();
    }

    /**
     * Draws the live layers in the view {@code p}; what the still planes counted when they were last drawn is kept in
     * the counts. {@code stillsCurrent}: whether the still canvases show this view as it is, which the frame's
     * settledness includes.
     */
    public Drawn paint(GraphicsContext g, MapProjection p, MapContent content, boolean stillsCurrent) {
        MapFrame f = new MapFrame(g, p, content, layers, widths, stamps);
        start(g, p);
        paint(f, Plane.LIVE);
        Map<String, Integer> counts = new HashMap<>();
        boolean settled = f.settled() && stillsCurrent;
        for (Still s : stills.values()) {
            counts.putAll(s.counts());
            settled &= s.settled();
        }
        counts.putAll(f.counts());
        return new Drawn(List.copyOf(f.marks()), Map.copyOf(counts), settled);
    }

    private static void start(GraphicsContext g, MapProjection p) {
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setGlobalAlpha(1);
        // clearing the whole canvas also drops the commands of a frame that was never shown
        g.clearRect(0, 0, p.width(), p.height());
    }

    private void paint(MapFrame f, Plane plane) {
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
            MapLayer.Hit h = l.plane() == Plane.LIVE ? l.hit(x, y, slop) : null;
            if (h != null && (best == null || h.gap() < best.gap())) {
                best = h;
            }
        }
        return best == null ? null : best.mark();
    }
}

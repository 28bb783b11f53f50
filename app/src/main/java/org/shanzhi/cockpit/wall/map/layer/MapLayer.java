package org.shanzhi.cockpit.wall.map.layer;

import java.util.List;

import org.shanzhi.cockpit.domain.Situation;

/**
 * One thing the map draws, with everything that belongs to it: how it paints a frame, what a pointer finds on it, and
 * its rows in the legend. A layer paints one {@link Plane}: a still canvas (the base, the heat: drawn again only when
 * their projection or what a layer of theirs shows changed) or the live canvas above them (every frame), in the order
 * of {@link MapLayers#create}. The layout's {@code layers} option turns a layer on by one of its {@link #switches()}.
 * Layers are used on the FX thread; the painting state a layer sets does not leak into the next one.
 */
abstract class MapLayer {

    /** What the pointer found on a layer, and how far from the mark's edge it is (0 inside). */
    record Hit(MapMark mark, double gap) {
    }

    private final String name;
    private final Plane plane;
    private List<MapMark> marks = List.of();

    protected MapLayer(String name, Plane plane) {
        this.name = name;
        this.plane = plane;
    }

    /** The layer's name in the counts of what each layer drew. */
    final String name() {
        return name;
    }

    final Plane plane() {
        return plane;
    }

    /** The names a layout can list that this layer answers to; none for a layer that is always there. */
    List<LayerSwitch> switches() {
        return List.of();
    }

    /** Whether it draws in this frame: by default when one of its switches is on, always when it has none. */
    boolean shown(MapFrame f) {
        List<LayerSwitch> own = switches();
        if (own.isEmpty()) {
            return true;
        }
        for (LayerSwitch s : own) {
            if (f.on(s)) {
                return true;
            }
        }
        return false;
    }

    /** Draws the layer; what a pointer may find goes in {@link MapFrame#mark}, how much it drew in {@link MapFrame#drew}. */
    abstract void paint(MapFrame f);

    /**
     * A layer of a still plane: whether what it would draw now differs from what it drew last (the whole plane is then
     * drawn again). Asked only while the layer is shown.
     */
    boolean changed(MapFrame f) {
        return false;
    }

    /** A new situation arrived (once each, before the frame that shows it). */
    void situation(Situation s) {
    }

    /** Its rows in the legend while it is shown. */
    List<LegendEntry> legend(MapFrame f) {
        return List.of();
    }

    /** Where its rows stand in the legend: lower first. */
    int legendOrder() {
        return 0;
    }

    /**
     * The mark of this layer nearest to (x, y), within {@code slop} pixels of its edge, or null: by default among the
     * marks it drew in the last frame, the one drawn later winning a tie.
     */
    Hit hit(double x, double y, double slop) {
        MapMark best = null;
        double bestGap = slop;
        for (int i = marks.size() - 1; i >= 0; i--) {
            MapMark m = marks.get(i);
            double gap = Math.max(0, m.gap(x, y));
            if (gap < bestGap || best == null && gap <= slop) {
                best = m;
                bestGap = gap;
            }
        }
        return best == null ? null : new Hit(best, bestGap);
    }

    /** The marks it drew in the last frame, in drawing order. */
    final List<MapMark> marks() {
        return marks;
    }

    final void drew(List<MapMark> drawn) {
        marks = drawn;
    }
}

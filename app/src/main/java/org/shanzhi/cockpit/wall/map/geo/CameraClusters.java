package org.shanzhi.cockpit.wall.map.geo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pcollections.PMap;

import org.shanzhi.cockpit.domain.Camera;

/**
 * Cameras grouped in square cells of the world plane, {@code cellPixels} wide at a zoom step. The cells
 * are fixed in the world (not on the screen), so panning keeps the clusters and only a zoom step or a
 * change of the cameras computes them again; the result is cached per zoom step. Not thread-safe: the map calls it
 * on its worker thread only.
 */
public final class CameraClusters {

    /** Cluster cell width on screen. */
    public static final double CELL_PIXELS = 96;
    /** Zoom steps are half levels: finer than that would recluster on every wheel notch. */
    private static final double STEP = 0.5;

    /** The state that colours a point or a cluster; the worst one inside wins (declaration order: worst first). */
    public enum State { OFFLINE, AI, ONLINE }

    public static State stateOf(Camera c) {
        return !c.online() ? State.OFFLINE : c.ai() ? State.AI : State.ONLINE;
    }

    /** A group of cameras: its mean position in the world plane, its members and counts by state. */
    public record Cluster(double x, double y, List<Camera> cameras, int offline, int ai) {

        public int count() {
            return cameras.size();
        }

        public State worst() {
            return offline > 0 ? State.OFFLINE : ai > 0 ? State.AI : State.ONLINE;
        }

        /** A stable id from the first member. */
        public String id() {
            return "cluster:" + cameras.get(0).id() + "+" + (cameras.size() - 1);
        }
    }

    private final Map<Double, List<Cluster>> byStep = new HashMap<>();
    private PMap<String, Camera> cameras;
    private boolean withPlain;
    private boolean withAi;

    /**
     * The clusters of the cameras shown (plain cameras and/or AI points) at this zoom. Singletons are
     * clusters of one; the caller draws them as points.
     */
    public List<Cluster> at(PMap<String, Camera> all, boolean plain, boolean ai, double zoom) {
        if (all != cameras || plain != withPlain || ai != withAi) {
            byStep.clear();
            cameras = all;
            withPlain = plain;
            withAi = ai;
        }
        return byStep.computeIfAbsent(step(zoom), s -> cluster(all, plain, ai, s));
    }

    /** The zoom step whose clusters are shown at {@code zoom}. */
    public static double step(double zoom) {
        return Math.floor(zoom / STEP) * STEP;
    }

    static List<Cluster> cluster(PMap<String, Camera> all, boolean plain, boolean ai, double zoom) {
        double cell = CELL_PIXELS / (MapProjection.TILE * Math.pow(2, zoom));
        Map<Long, List<Camera>> cells = new LinkedHashMap<>();
        for (Camera c : all.values()) {
            if (c.at() == null || (c.ai() ? !ai : !plain)) {
                continue;
            }
            long cx = (long) Math.floor(MapProjection.worldX(c.at().lon()) / cell);
            long cy = (long) Math.floor(MapProjection.worldY(c.at().lat()) / cell);
            cells.computeIfAbsent(cx * 100_000_003L + cy, k -> new ArrayList<>()).add(c);
        }
        List<Cluster> out = new ArrayList<>(cells.size());
        for (List<Camera> members : cells.values()) {
            double x = 0;
            double y = 0;
            int offline = 0;
            int withAi = 0;
            for (Camera c : members) {
                x += MapProjection.worldX(c.at().lon());
                y += MapProjection.worldY(c.at().lat());
                offline += c.online() ? 0 : 1;
                withAi += c.ai() ? 1 : 0;
            }
            out.add(new Cluster(x / members.size(), y / members.size(), List.copyOf(members), offline, withAi));
        }
        return out;
    }
}

package org.shanzhi.cockpit.wall.map.layer;

import static org.shanzhi.cockpit.wall.map.layer.MapStyle.AI;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.BG;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.CAMERA;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.CLUSTER;
import static org.shanzhi.cockpit.wall.map.layer.MapStyle.STALE;

import java.util.List;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import org.pcollections.PMap;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.map.geo.CameraClusters;
import org.shanzhi.cockpit.wall.map.geo.CameraClusters.Cluster;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/**
 * The video points ({@code cameras}) and AI points ({@code aiPoints}), coloured by their state. Below
 * {@link #CLUSTER_BELOW} they are grouped in clusters fixed in the world ({@link CameraClusters}), computed on the
 * map's worker thread per half zoom step: a frame draws the newest clusters at hand.
 */
final class CamerasLayer extends MapLayer {

    static final LayerSwitch CAMERAS = LayerSwitch.of("cameras");
    static final LayerSwitch AI_POINTS = LayerSwitch.of("aiPoints");
    /** Below this zoom cameras are clustered. */
    static final double CLUSTER_BELOW = 17;

    /** What the clusters are computed from; the step is {@link CameraClusters#step}. */
    private record Key(PMap<String, Camera> cameras, boolean plain, boolean ai, double step) {
    }

    private final CameraClusters clusters = new CameraClusters();
    private final OffThread<Key, List<Cluster>> work;

    CamerasLayer(Runnable onReady) {
        super("cameras", Plane.LIVE);
        work = new OffThread<>(k -> clusters.at(k.cameras(), k.plain(), k.ai(), k.step()), onReady);
    }

    @Override
    List<LayerSwitch> switches() {
        return List.of(CAMERAS, AI_POINTS);
    }

    @Override
    void paint(MapFrame f) {
        MapProjection p = f.view();
        Situation s = f.situation();
        boolean plain = f.on(CAMERAS);
        boolean ai = f.on(AI_POINTS);
        if (p.zoom() < CLUSTER_BELOW) {
            Key key = new Key(s.cameras(), plain, ai, CameraClusters.step(p.zoom()));
            List<Cluster> found = work.latest(key);
            if (!work.has(key)) {
                f.unsettled();
            }
            for (Cluster c : found == null ? List.<Cluster>of() : found) {
                double x = p.screenX(c.x());
                double y = p.screenY(c.y());
                if (!f.onScreen(x, y)) {
                    continue;
                }
                if (c.count() == 1) {
                    camera(f, c.cameras().get(0));
                    continue;
                }
                double r = clusterRadius(c.count());
                Color fill = MapStyle.camera(c.worst());
                f.stamp(List.of("cluster", fill, c.count()), x, y, r + 1, (sg, cx, cy) -> {
                    sg.setFill(fill);
                    sg.fillOval(cx - r, cy - r, 2 * r, 2 * r);
                    sg.setStroke(BG);
                    sg.setLineWidth(2);
                    sg.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
                    sg.setTextAlign(TextAlignment.CENTER);
                    sg.setTextBaseline(VPos.CENTER);
                    sg.setFont(CLUSTER);
                    sg.setFill(BG);
                    sg.fillText(Integer.toString(c.count()), cx, cy + 0.5);
                });
                f.mark(MapMark.Kind.CLUSTER, c.id(), x, y, r, c);
                f.drew(1);
            }
            return;
        }
        for (Camera c : s.cameras().values()) {
            if (c.at() != null && (c.ai() ? ai : plain)) {
                camera(f, c);
            }
        }
    }

    static double clusterRadius(int count) {
        return 9 + 3.2 * Math.log10(count) * 2;
    }

    private static void camera(MapFrame f, Camera c) {
        MapProjection p = f.view();
        double x = p.xOf(c.at().lon());
        double y = p.yOf(c.at().lat());
        if (!f.onScreen(x, y)) {
            return;
        }
        double r = c.ai() ? 5 : 4;
        Color fill = MapStyle.camera(CameraClusters.stateOf(c));
        f.stamp(List.of("camera", fill, r), x, y, r + 0.6, (sg, cx, cy) -> {
            sg.setFill(fill);
            sg.fillOval(cx - r, cy - r, 2 * r, 2 * r);
            sg.setStroke(BG);
            sg.setLineWidth(1.2);
            sg.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
        });
        f.mark(MapMark.Kind.CAMERA, c.id(), x, y, r, c);
        f.drew(1);
    }

    @Override
    List<LegendEntry> legend(MapFrame f) {
        return List.of(
                LegendEntry.row(I18n.t("map.legend.cameras"), (g, x, y) -> {
                    f.dot(x - 9, y, 4, CAMERA);
                    f.dot(x, y, 5, AI);
                    f.dot(x + 9, y, 4, STALE);
                }),
                LegendEntry.row(I18n.t("map.legend.cluster"), (g, x, y) -> {
                    f.dot(x, y, 10, CAMERA);
                    g.setFill(BG);
                    g.setFont(CLUSTER);
                    g.setTextAlign(TextAlignment.CENTER);
                    g.fillText("12", x, y + 0.5);
                }));
    }

    @Override
    int legendOrder() {
        return 10;
    }
}

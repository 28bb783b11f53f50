package org.shanzhi.cockpit.wall.map;

import static org.shanzhi.cockpit.wall.map.MapStyle.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import org.pcollections.PMap;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Grid;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Polygon;
import org.shanzhi.cockpit.domain.Sensor;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.map.MapStyle.UnitGroup;
import org.shanzhi.cockpit.wall.map.geo.BaseMap.Poi;
import org.shanzhi.cockpit.wall.map.geo.BaseMap.Road;
import org.shanzhi.cockpit.wall.map.geo.BaseMap;
import org.shanzhi.cockpit.wall.map.geo.CameraClusters.Cluster;
import org.shanzhi.cockpit.wall.map.geo.CameraClusters;
import org.shanzhi.cockpit.wall.map.geo.Gcj02;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;
import org.shanzhi.cockpit.wall.map.geo.OverlayLoader;
import org.shanzhi.cockpit.wall.map.geo.RasterTiles;

/**
 * Draws the map in two layers: the base (land, communities and their choropleth, grids, boundaries, roads) on its
 * own canvas, drawn again only when the view or what it shows changed, and the live layers on a transparent canvas
 * above it, every frame; returns the marks it drew, in drawing order. Called on the FX thread. Camera clusters and
 * the heat image (both fixed in the world, per half zoom step, so a pan computes nothing) are computed on the map's
 * worker thread ({@link OffThread}): a frame draws the newest ones at hand and the next frame the fresh ones.
 */
final class MapPainter {

    /** Below this zoom cameras are clustered. */
    static final double CLUSTER_BELOW = 17;
    /** Governance grids from this zoom, unit grids from {@link #UNIT_GRIDS_FROM}. */
    static final double GRIDS_FROM = 15.5;
    static final double UNIT_GRIDS_FROM = 17;
    /** Community names from this zoom; POI and street labels from {@link #DETAIL_LABELS_FROM}. */
    static final double DETAIL_LABELS_FROM = 16;
    private static final double HEAT_CELL = 6;

    private final CameraClusters clusters = new CameraClusters();
    private final OffThread<ClusterKey, List<Cluster>> clusterWork;
    private final OffThread<HeatKey, Heat> heatWork;
    private final Map<String, Double> widths = new HashMap<>();
    private final Text measure = new Text();
    private final List<Bounds> placed = new ArrayList<>();

    private PMap<String, Incident> countedIncidents;
    private PMap<String, Community> countedCommunities;
    private Map<String, Double> openPerThousand = Map.of();

    /** The heat images of one set of complaints by zoom step: zooming in and out again computes nothing (worker thread). */
    private final Map<Double, Heat> heatByStep = new HashMap<>();
    private HeatKey heatOf;
    private boolean settled;

    private MapProjection baseView;
    private BaseMap baseDrawn;
    private OverlayLoader.Overlay overlayDrawn;
    private long tilesDrawnVersion;
    private int tilesDrawn;
    private int parentsDrawn;
    private String overlayName;
    private Situation baseSituation;
    private Set<MapLayer> baseLayers;
    private Map<String, Integer> baseClasses;

    /** What the clusters are computed from; the step is {@link CameraClusters#step}. */
    private record ClusterKey(PMap<String, Camera> cameras, boolean plain, boolean ai, double step) {
    }

    /** The heat of these complaints seen in this view; {@code now} (the window's end) is read, not compared. */
    /**
     * The heat of these complaints over this area (the district) at a zoom step; {@code now} (the window's end) is
     * read, not compared: a new complaint makes a new map of them.
     */
    private record HeatKey(PMap<String, Complaint> complaints, org.shanzhi.cockpit.domain.Bounds area, double step,
                           Instant now) {
        @Override
        public boolean equals(Object o) {
            return o instanceof HeatKey k && k.complaints == complaints && k.step == step
                    && java.util.Objects.equals(k.area, area);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(complaints) * 31 + Double.hashCode(step);
        }
    }

    /**
     * A heat image fixed in the world, as the clusters are: its top-left corner ({@code x0}, {@code y0}) and cell
     * size in world units, {@code cols} × {@code rows} cells; a null image: no heat. A pan only moves it. The image
     * is made on the worker thread (an image is no node of the scene), so the FX thread only draws it.
     */
    private record Heat(double x0, double y0, double cell, int cols, int rows, WritableImage image) {
    }

    /** {@code onReady}: called on the worker thread when a cluster or heat computation is done. */
    MapPainter(Runnable onReady) {
        clusterWork = new OffThread<>(k -> clusters.at(k.cameras(), k.plain(), k.ai(), k.step()), onReady);
        heatWork = new OffThread<>(this::heatAt, onReady);
    }

    /**
     * Draws the base layer in projection {@code p} (the map keeps one while the view only pans) when that
     * projection, the base, the communities, the grids, the layers or a community's choropleth class changed since
     * the last time; true when it drew.
     */
    boolean paintBase(GraphicsContext g, MapProjection p, Situation s, BaseMap base, Set<MapLayer> layers,
                      OverlayLoader.Overlay overlay, RasterTiles tiles) {
        Situation situation = s == null ? Situation.empty() : s;
        boolean choropleth = layers.contains(MapLayer.COMMUNITIES);
        Map<String, Integer> classes = new HashMap<>();
        if (choropleth) {
            countOpenCases(situation);
            openPerThousand.forEach((code, rate) -> classes.put(code, MapStyle.choroplethClass(rate)));
        }
        overlayName = overlay == null ? null : overlay.name();
        long tilesVersion = tiles == null ? 0 : tiles.version();
        if (p == baseView && base == baseDrawn && overlay == overlayDrawn && tilesVersion == tilesDrawnVersion && baseSituation != null
                && situation.communities() == baseSituation.communities() && situation.grids() == baseSituation.grids()
                && situation.district() == baseSituation.district() && layers.equals(baseLayers)
                && classes.equals(baseClasses)) {
            return false;
        }
        baseView = p;
        baseDrawn = base;
        overlayDrawn = overlay;
        tilesDrawnVersion = tilesVersion;
        baseSituation = situation;
        baseLayers = Set.copyOf(layers);
        baseClasses = classes;
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setGlobalAlpha(1);
        // clearing the whole canvas also drops the commands of a frame that was never shown
        g.clearRect(0, 0, p.width(), p.height());
        g.setFill(BG);
        g.fillRect(0, 0, p.width(), p.height());
        if (tiles != null) {
            tiles(g, p, tiles);
            // the land and the choropleth go over the imagery half transparent
            g.setGlobalAlpha(0.45);
        }
        communities(g, p, situation, choropleth);
        g.setGlobalAlpha(1);
        if (layers.contains(MapLayer.GRIDS) && p.zoom() >= GRIDS_FROM) {
            grids(g, p, situation);
        }
        boundaries(g, p, situation);
        roads(g, p, base);
        if (overlay != null) {
            overlay(g, p, overlay);
        }
        return true;
    }

    /**
     * The raster tiles over the canvas at the nearest whole zoom; a tile not yet loaded is stood in for by the nearest
     * loaded parent, scaled (up to four levels up). GCJ-02 imagery is moved back by its offset at the view's centre.
     */
    private void tiles(GraphicsContext g, MapProjection p, RasterTiles t) {
        tilesDrawn = 0;
        parentsDrawn = 0;
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
                    tilesDrawn++;
                    continue;
                }
                for (int dz = 1; dz <= 4 && dz <= z; dz++) {
                    Image parent = t.cached(z - dz, x >> dz, y >> dz);
                    if (parent != null) {
                        double sub = parent.getWidth() / (1 << dz);
                        g.drawImage(parent, (x - ((x >> dz) << dz)) * sub, (y - ((y >> dz) << dz)) * sub, sub, sub,
                                sx, sy, size, size);
                        parentsDrawn++;
                        break;
                    }
                }
            }
        }
    }

    /** Tiles drawn from their own image, and from a parent's, in the last base drawn (for tests). */
    int[] tilesDrawn() {
        return new int[] {tilesDrawn, parentsDrawn};
    }

    /** The overlay's lines and points over the roads; lines whose box is off the canvas are not drawn. */
    private static void overlay(GraphicsContext g, MapProjection p, OverlayLoader.Overlay overlay) {
        double x0 = p.worldXAt(0);
        double x1 = p.worldXAt(p.width());
        double y0 = p.worldYAt(0);
        double y1 = p.worldYAt(p.height());
        g.setStroke(OVERLAY);
        g.setLineWidth(1.5);
        double[] xs = new double[0];
        double[] ys = new double[0];
        for (OverlayLoader.Line l : overlay.lines()) {
            if (l.maxX() < x0 || l.minX() > x1 || l.maxY() < y0 || l.minY() > y1) {
                continue;
            }
            int n = l.xs().length;
            if (xs.length < n) {
                xs = new double[n];
                ys = new double[n];
            }
            for (int i = 0; i < n; i++) {
                xs[i] = p.screenX(l.xs()[i]);
                ys[i] = p.screenY(l.ys()[i]);
            }
            g.strokePolyline(xs, ys, n);
        }
        g.setFill(OVERLAY);
        for (double[] pt : overlay.points()) {
            if (pt[0] >= x0 && pt[0] <= x1 && pt[1] >= y0 && pt[1] <= y1) {
                g.fillOval(p.screenX(pt[0]) - 2.5, p.screenY(pt[1]) - 2.5, 5, 5);
            }
        }
    }

    /** The overlay under the last base drawn. */
    OverlayLoader.Overlay overlayDrawn() {
        return overlayDrawn;
    }

    /** Whether the last frame showed the clusters and the heat of its own view and situation (tests wait for it). */
    boolean settled() {
        return settled;
    }

    List<MapMark> paint(GraphicsContext g, MapProjection p, Situation s, BaseMap base, Set<MapLayer> layers,
                        MapMark selected, UnitTrails trails) {
        List<MapMark> marks = new ArrayList<>(2048);
        placed.clear();
        settled = true;
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setGlobalAlpha(1);
        // clearing the whole canvas also drops the commands of a frame that was never shown
        g.clearRect(0, 0, p.width(), p.height());

        Situation situation = s == null ? Situation.empty() : s;
        if (layers.contains(MapLayer.COMPLAINT_HEAT)) {
            heat(g, p, situation);
        }
        if (layers.contains(MapLayer.SENSORS)) {
            sensors(g, p, situation, marks);
        }
        if (layers.contains(MapLayer.CAMERAS) || layers.contains(MapLayer.AI_POINTS)) {
            cameras(g, p, situation, layers.contains(MapLayer.CAMERAS), layers.contains(MapLayer.AI_POINTS), marks);
        }
        // landmarks above the camera clusters, under the units and cases
        pois(g, p, base, marks);
        if (layers.contains(MapLayer.UNITS)) {
            trails(g, p, situation, trails);
            if (layers.contains(MapLayer.INCIDENTS)) {
                dispatchLines(g, p, situation);
            }
            units(g, p, situation, marks);
        }
        if (layers.contains(MapLayer.INCIDENTS)) {
            incidents(g, p, situation, marks);
        }
        if (selected != null) {
            for (MapMark m : marks) {
                if (m.id().equals(selected.id())) {
                    g.setStroke(TEXT);
                    g.setLineWidth(2.5);
                    g.strokeOval(m.x() - m.radius() - 5, m.y() - m.radius() - 5, 2 * m.radius() + 10,
                            2 * m.radius() + 10);
                }
            }
        }
        // the furniture claims its corners first; then labels, most important first, none over another
        legend(g, p, layers);
        scaleAndNorth(g, p);
        if (layers.contains(MapLayer.COMMUNITIES)) {
            communityLabels(g, p, situation);
        }
        poiLabels(g, p, base);
        roadLabels(g, p, base);
        return marks;
    }

    // --- areas ------------------------------------------------------------------------------------------

    private void communities(GraphicsContext g, MapProjection p, Situation s, boolean choropleth) {
        if (s.communities().isEmpty() && s.district() != null) {
            var b = s.district().bounds();
            g.setFill(LAND);
            double x0 = p.xOf(b.west());
            double y0 = p.yOf(b.north());
            g.fillRect(x0, y0, p.xOf(b.east()) - x0, p.yOf(b.south()) - y0);
            return;
        }
        if (choropleth) {
            countOpenCases(s);
        }
        for (Community c : s.communities().values()) {
            if (c.boundary() == null) {
                continue;
            }
            Double rate = openPerThousand.get(c.code());
            g.setFill(choropleth && rate != null ? MapStyle.choropleth(MapStyle.choroplethClass(rate)) : LAND);
            path(g, p, c.boundary());
            g.fill();
        }
    }

    private void countOpenCases(Situation s) {
        if (s.incidents() == countedIncidents && s.communities() == countedCommunities) {
            return;
        }
        Map<String, Integer> open = new HashMap<>();
        for (Incident i : s.incidents().values()) {
            if (i.state() == null || !i.open()) {
                continue;
            }
            String code = i.communityCode() != null ? i.communityCode() : i.at() == null ? null : s.communityAt(i.at());
            if (code != null) {
                open.merge(code, 1, Integer::sum);
            }
        }
        Map<String, Double> rates = new HashMap<>();
        for (Community c : s.communities().values()) {
            if (c.population() > 0) {
                rates.put(c.code(), open.getOrDefault(c.code(), 0) * 1000.0 / c.population());
            }
        }
        openPerThousand = rates;
        countedIncidents = s.incidents();
        countedCommunities = s.communities();
    }

    /** Open cases per 1,000 residents by community code, as the choropleth last counted them. */
    Map<String, Double> openPerThousand() {
        return openPerThousand;
    }

    private void grids(GraphicsContext g, MapProjection p, Situation s) {
        boolean units = p.zoom() >= UNIT_GRIDS_FROM;
        for (Grid grid : s.grids().values()) {
            boolean governance = grid.kind() == Grid.Kind.GOVERNANCE;
            if (!governance && !units || grid.boundary() == null) {
                continue;
            }
            g.setStroke(governance ? GRID.brighter() : GRID);
            g.setLineWidth(governance ? 1.2 : 0.7);
            path(g, p, grid.boundary());
            g.stroke();
        }
    }

    private void boundaries(GraphicsContext g, MapProjection p, Situation s) {
        g.setStroke(BOUNDARY);
        g.setLineWidth(1.6);
        g.setLineDashes(6, 4);
        for (Community c : s.communities().values()) {
            if (c.boundary() != null) {
                path(g, p, c.boundary());
                g.stroke();
            }
        }
        g.setLineDashes((double[]) null);
    }

    private static void path(GraphicsContext g, MapProjection p, Polygon poly) {
        g.beginPath();
        List<GeoPoint> ring = poly.ring();
        for (int i = 0; i < ring.size(); i++) {
            GeoPoint pt = ring.get(i);
            if (i == 0) {
                g.moveTo(p.xOf(pt.lon()), p.yOf(pt.lat()));
            } else {
                g.lineTo(p.xOf(pt.lon()), p.yOf(pt.lat()));
            }
        }
        g.closePath();
    }

    // --- base ---------------------------------------------------------------------------------------------

    private static double roadWidth(Road r, double zoom) {
        double base = switch (r.rank()) {
            case 3 -> 7;
            case 2 -> 5;
            case 1 -> 3;
            default -> 1.6;
        };
        return Math.max(1, Math.min(18, base * Math.pow(2, (zoom - 15.5) * 0.7)));
    }

    private void roads(GraphicsContext g, MapProjection p, BaseMap base) {
        for (int rank = 0; rank <= 3; rank++) {
            for (Road r : base.roads()) {
                if (r.rank() != rank) {
                    continue;
                }
                int n = r.xs().length;
                double[] xs = new double[n];
                double[] ys = new double[n];
                for (int i = 0; i < n; i++) {
                    xs[i] = p.screenX(r.xs()[i]);
                    ys[i] = p.screenY(r.ys()[i]);
                }
                g.setStroke(r.rank() >= 2 ? ROAD_MAIN : ROAD);
                g.setLineWidth(roadWidth(r, p.zoom()));
                g.strokePolyline(xs, ys, n);
            }
        }
    }

    private static String glyph(String kind) {
        return switch (kind == null ? "" : kind) {
            case "metro_station" -> "铁";
            case "street_office" -> "★";
            case "police_station" -> "警";
            case "clinic" -> "医";
            case "school" -> "学";
            case "market" -> "市";
            case "switch_station" -> "电";
            default -> "·";
        };
    }

    /** The offices and the station always show their names; the rest from {@link #DETAIL_LABELS_FROM}. */
    private static boolean prominent(Poi poi) {
        return "street_office".equals(poi.kind()) || "metro_station".equals(poi.kind())
                || "police_station".equals(poi.kind());
    }

    private static boolean visible(Poi poi, double zoom) {
        return !"switch_station".equals(poi.kind()) || zoom >= DETAIL_LABELS_FROM;
    }

    private void pois(GraphicsContext g, MapProjection p, BaseMap base, List<MapMark> marks) {
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(GLYPH);
        for (Poi poi : base.pois()) {
            if (!visible(poi, p.zoom())) {
                continue;
            }
            double x = p.screenX(poi.x());
            double y = p.screenY(poi.y());
            if (!onScreen(p, x, y)) {
                continue;
            }
            double r = prominent(poi) ? 10 : 8;
            g.setFill(BG);
            g.fillRoundRect(x - r, y - r, 2 * r, 2 * r, 6, 6);
            g.setStroke(POI);
            g.setLineWidth(1.5);
            g.strokeRoundRect(x - r, y - r, 2 * r, 2 * r, 6, 6);
            g.setFill(POI);
            g.fillText(glyph(poi.kind()), x, y + 0.5);
            marks.add(new MapMark(MapMark.Kind.POI, poi.id(), x, y, r, poi));
            placed.add(new BoundingBox(x - r, y - r, 2 * r, 2 * r));
        }
    }

    // --- situation points -------------------------------------------------------------------------------

    private void sensors(GraphicsContext g, MapProjection p, Situation s, List<MapMark> marks) {
        for (Sensor sensor : s.sensors().values()) {
            if (sensor.at() == null) {
                continue;
            }
            double x = p.xOf(sensor.at().lon());
            double y = p.yOf(sensor.at().lat());
            if (!onScreen(p, x, y)) {
                continue;
            }
            double r = sensor.alarm() ? 6 : 4;
            if (sensor.alarm()) {
                g.setStroke(CRITICAL);
                g.setLineWidth(2);
                g.strokeRect(x - r - 3, y - r - 3, 2 * r + 6, 2 * r + 6);
            }
            g.setFill(sensor.alarm() ? CRITICAL : SENSOR);
            g.fillRect(x - r, y - r, 2 * r, 2 * r);
            g.setStroke(BG);
            g.setLineWidth(1);
            g.strokeRect(x - r, y - r, 2 * r, 2 * r);
            marks.add(new MapMark(MapMark.Kind.SENSOR, sensor.id(), x, y, r, sensor));
        }
    }

    private void cameras(GraphicsContext g, MapProjection p, Situation s, boolean plain, boolean ai,
                         List<MapMark> marks) {
        if (p.zoom() < CLUSTER_BELOW) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFont(CLUSTER);
            ClusterKey key = new ClusterKey(s.cameras(), plain, ai, CameraClusters.step(p.zoom()));
            List<Cluster> found = clusterWork.latest(key);
            settled &= clusterWork.has(key);
            for (Cluster c : found == null ? List.<Cluster>of() : found) {
                double x = p.screenX(c.x());
                double y = p.screenY(c.y());
                if (!onScreen(p, x, y)) {
                    continue;
                }
                if (c.count() == 1) {
                    camera(g, p, c.cameras().get(0), marks);
                    continue;
                }
                double r = clusterRadius(c.count());
                g.setFill(MapStyle.camera(c.worst()));
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                g.setStroke(BG);
                g.setLineWidth(2);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
                g.setFill(BG);
                g.fillText(Integer.toString(c.count()), x, y + 0.5);
                marks.add(new MapMark(MapMark.Kind.CLUSTER, c.id(), x, y, r, c));
            }
            return;
        }
        for (Camera c : s.cameras().values()) {
            if (c.at() != null && (c.ai() ? ai : plain)) {
                camera(g, p, c, marks);
            }
        }
    }

    static double clusterRadius(int count) {
        return 9 + 3.2 * Math.log10(count) * 2;
    }

    private static void camera(GraphicsContext g, MapProjection p, Camera c, List<MapMark> marks) {
        double x = p.xOf(c.at().lon());
        double y = p.yOf(c.at().lat());
        if (!onScreen(p, x, y)) {
            return;
        }
        double r = c.ai() ? 5 : 4;
        g.setFill(MapStyle.camera(CameraClusters.stateOf(c)));
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
        g.setStroke(BG);
        g.setLineWidth(1.2);
        g.strokeOval(x - r, y - r, 2 * r, 2 * r);
        marks.add(new MapMark(MapMark.Kind.CAMERA, c.id(), x, y, r, c));
    }

    private void incidents(GraphicsContext g, MapProjection p, Situation s, List<MapMark> marks) {
        Instant now = s.time();
        for (Incident i : s.incidents().values()) {
            if (i.at() == null || i.state() == null || !i.open()) {
                continue;
            }
            double x = p.xOf(i.at().lon());
            double y = p.yOf(i.at().lat());
            if (!onScreen(p, x, y)) {
                continue;
            }
            Incident.Severity sev = MapStyle.severity(i);
            double r = sev == Incident.Severity.CRITICAL ? 11 : sev == Incident.Severity.HIGH ? 10 : 9;
            if (now != null && i.overdue(now)) {
                g.setStroke(CRITICAL);
                g.setLineWidth(2.5);
                g.strokeOval(x - r - 4, y - r - 4, 2 * r + 8, 2 * r + 8);
            }
            diamond(g, x, y, r);
            g.setFill(MapStyle.severity(sev));
            g.fill();
            g.setStroke(BG);
            g.setLineWidth(1.5);
            g.stroke();
            marks.add(new MapMark(MapMark.Kind.INCIDENT, i.id(), x, y, r, i));
        }
    }

    private static void diamond(GraphicsContext g, double x, double y, double r) {
        g.beginPath();
        g.moveTo(x, y - r);
        g.lineTo(x + r, y);
        g.lineTo(x, y + r);
        g.lineTo(x - r, y);
        g.closePath();
    }

    /** Each unit's recent way: one faint polyline per unit (a stroke per segment costs the renderer ten times more). */
    private static void trails(GraphicsContext g, MapProjection p, Situation s, UnitTrails trails) {
        g.setLineWidth(2);
        g.setGlobalAlpha(0.35);
        double[] xs = new double[UnitTrails.LENGTH];
        double[] ys = new double[UnitTrails.LENGTH];
        for (FieldUnit u : s.units().values()) {
            List<GeoPoint> trail = trails.of(u.id());
            if (trail.size() < 2) {
                continue;
            }
            for (int i = 0; i < trail.size(); i++) {
                xs[i] = p.xOf(trail.get(i).lon());
                ys[i] = p.yOf(trail.get(i).lat());
            }
            g.setStroke(MapStyle.unit(MapStyle.group(u)));
            g.strokePolyline(xs, ys, trail.size());
        }
        g.setGlobalAlpha(1);
    }

    /** A dashed line from each unit on a case to that case, while both are on the map. */
    private static void dispatchLines(GraphicsContext g, MapProjection p, Situation s) {
        g.setStroke(MapStyle.unit(UnitGroup.BUSY));
        g.setLineWidth(2);
        g.setLineDashes(8, 5);
        for (FieldUnit u : s.units().values()) {
            Incident i = u.incidentId() == null ? null : s.incidents().get(u.incidentId());
            if (u.at() == null || i == null || i.at() == null || !i.open() || !u.id().equals(i.unitId())) {
                continue;
            }
            g.strokeLine(p.xOf(u.at().lon()), p.yOf(u.at().lat()), p.xOf(i.at().lon()), p.yOf(i.at().lat()));
        }
        g.setLineDashes((double[]) null);
    }

    private void units(GraphicsContext g, MapProjection p, Situation s, List<MapMark> marks) {
        for (FieldUnit u : s.units().values()) {
            if (u.at() == null) {
                continue;
            }
            double x = p.xOf(u.at().lon());
            double y = p.yOf(u.at().lat());
            if (!onScreen(p, x, y)) {
                continue;
            }
            UnitGroup group = MapStyle.group(u);
            Color c = MapStyle.unit(group);
            double r = 6;
            if (group != UnitGroup.OFF && Double.isFinite(u.heading())) {
                // the heading arrow: compass degrees, 0 = north, clockwise
                double a = Math.toRadians(u.heading());
                double dx = Math.sin(a);
                double dy = -Math.cos(a);
                double tipX = x + dx * (r + 8);
                double tipY = y + dy * (r + 8);
                double baseX = x + dx * (r + 1);
                double baseY = y + dy * (r + 1);
                g.beginPath();
                g.moveTo(tipX, tipY);
                g.lineTo(baseX - dy * 5, baseY + dx * 5);
                g.lineTo(baseX + dy * 5, baseY - dx * 5);
                g.closePath();
                g.setFill(c);
                g.fill();
            }
            if (u.sos()) {
                g.setStroke(CRITICAL);
                g.setLineWidth(3);
                g.strokeOval(x - r - 5, y - r - 5, 2 * r + 10, 2 * r + 10);
            }
            if (group == UnitGroup.OFF) {
                // a hollow ring: off duty is background, and must not read as an offline camera
                g.setStroke(c);
                g.setLineWidth(2);
                g.strokeOval(x - r + 1, y - r + 1, 2 * r - 2, 2 * r - 2);
            } else {
                g.setFill(c);
                g.fillOval(x - r, y - r, 2 * r, 2 * r);
                g.setStroke(TEXT);
                g.setLineWidth(1.5);
                g.strokeOval(x - r, y - r, 2 * r, 2 * r);
            }
            marks.add(new MapMark(MapMark.Kind.UNIT, u.id(), x, y, r + 2, u));
        }
    }

    // --- complaint heat: a coarse density grid, blurred by drawing it scaled --------------------------

    private void heat(GraphicsContext g, MapProjection p, Situation s) {
        if (s.time() == null) {
            return;
        }
        HeatKey key = new HeatKey(s.complaints(), s.district() == null ? null : s.district().bounds(),
                CameraClusters.step(p.zoom()), s.time());
        Heat h = heatWork.latest(key);
        settled &= heatWork.has(key);
        if (h == null || h.image() == null) {
            return;
        }
        // only the part of the image on screen: drawing it whole, scaled, costs the software renderer its full size
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
        g.setImageSmoothing(true);
        g.drawImage(h.image(), c0, r0, c1 - c0, r1 - r0, left + c0 * k, top + r0 * k, (c1 - c0) * k, (r1 - r0) * k);
    }

    /** Cells of about {@link #HEAT_CELL} screen pixels at the step, but never more than this many across the area. */
    private static final int HEAT_MAX_CELLS = 1000;

    private Heat heatAt(HeatKey key) {
        if (heatOf == null || key.complaints() != heatOf.complaints() || !java.util.Objects.equals(key.area(), heatOf.area())) {
            heatByStep.clear();
            heatOf = key;
        }
        return heatByStep.computeIfAbsent(key.step(), step -> heat(key));
    }

    /** On the worker thread: a density grid of the last 24 hours' complaints over the area, as colours. */
    private static Heat heat(HeatKey key) {
        Instant since = key.now().minus(Duration.ofHours(24));
        List<Complaint> recent = new ArrayList<>();
        double west = Double.MAX_VALUE;
        double east = -Double.MAX_VALUE;
        double north = -Double.MAX_VALUE;
        double south = Double.MAX_VALUE;
        for (Complaint c : key.complaints().values()) {
            if (c.at() != null && c.acceptedAt() != null && !c.acceptedAt().isBefore(since)) {
                recent.add(c);
                west = Math.min(west, c.at().lon());
                east = Math.max(east, c.at().lon());
                south = Math.min(south, c.at().lat());
                north = Math.max(north, c.at().lat());
            }
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
        double cellPixels = Math.max(HEAT_CELL, extent * z.scale() / HEAT_MAX_CELLS);
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

    // --- labels --------------------------------------------------------------------------------------

    private void communityLabels(GraphicsContext g, MapProjection p, Situation s) {
        g.setFont(COMMUNITY);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (Community c : s.communities().values()) {
            if (c.boundary() == null || c.name() == null) {
                continue;
            }
            GeoPoint centre = c.boundary().centroid();
            double x = p.xOf(centre.lon());
            double y = p.yOf(centre.lat());
            double tw = width(COMMUNITY, c.name());
            Bounds box = new BoundingBox(x - tw / 2 - 4, y - 12, tw + 8, 24);
            if (onScreen(p, x, y) && free(box)) {
                placed.add(box);
                halo(g, c.name(), x, y, TEXT);
            }
        }
    }

    private void poiLabels(GraphicsContext g, MapProjection p, BaseMap base) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (Poi poi : base.pois()) {
            boolean prominent = prominent(poi);
            if (!visible(poi, p.zoom()) || !prominent && p.zoom() < DETAIL_LABELS_FROM - 0.5) {
                continue;
            }
            double x = p.screenX(poi.x());
            double y = p.screenY(poi.y());
            Font f = prominent ? LABEL : LABEL_SMALL;
            String text = shortName(poi.name());
            double tw = width(f, text);
            // right of the symbol, else left of it
            double[][] spots = {{x + 13, y}, {x - 13 - tw, y}, {x - tw / 2, y - 20}, {x - tw / 2, y + 20}};
            for (double[] spot : spots) {
                Bounds box = new BoundingBox(spot[0] - 2, spot[1] - 9, tw + 4, 18);
                if (onScreen(p, spot[0], spot[1]) && free(box)) {
                    placed.add(box);
                    g.setFont(f);
                    halo(g, text, spot[0], spot[1], POI);
                    break;
                }
            }
        }
    }

    private void roadLabels(GraphicsContext g, MapProjection p, BaseMap base) {
        g.setFont(LABEL);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int rank = 3; rank >= 1; rank--) {
            if (rank == 1 && p.zoom() < DETAIL_LABELS_FROM) {
                break;
            }
            for (Road r : base.roads()) {
                if (r.rank() == rank && r.name() != null) {
                    roadLabel(g, p, r);
                }
            }
        }
    }

    /** The name along the longest piece of the road on screen: upright characters stacked on steep roads. */
    private void roadLabel(GraphicsContext g, MapProjection p, Road r) {
        String text = shortName(r.name());
        double tw = width(LABEL, text);
        int best = -1;
        double bestLen = 0;
        for (int i = 0; i + 1 < r.xs().length; i++) {
            double x0 = p.screenX(r.xs()[i]);
            double y0 = p.screenY(r.ys()[i]);
            double x1 = p.screenX(r.xs()[i + 1]);
            double y1 = p.screenY(r.ys()[i + 1]);
            double len = Math.hypot(x1 - x0, y1 - y0);
            if (len > bestLen && onScreen(p, (x0 + x1) / 2, (y0 + y1) / 2)) {
                best = i;
                bestLen = len;
            }
        }
        if (best < 0 || bestLen < tw + 30) {
            return;
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
                if (free(box)) {
                    placed.add(box);
                    for (int k = 0; k < text.length(); k++) {
                        halo(g, text.substring(k, k + 1), cx, cy - height / 2 + step * (k + 0.5), TEXT_DIM);
                    }
                    return;
                }
            } else {
                double a = Math.toRadians(angle);
                double bw = Math.abs(Math.cos(a)) * tw + Math.abs(Math.sin(a)) * 18;
                double bh = Math.abs(Math.sin(a)) * tw + Math.abs(Math.cos(a)) * 18;
                Bounds box = new BoundingBox(cx - bw / 2, cy - bh / 2, bw, bh);
                if (free(box)) {
                    placed.add(box);
                    g.save();
                    g.translate(cx, cy);
                    g.rotate(angle);
                    halo(g, text, 0, 0, TEXT_DIM);
                    g.restore();
                    return;
                }
            }
        }
    }

    /** Names of placeholder features end in "(示意)"; the legend says the base is schematic. */
    static String shortName(String name) {
        return name.replace("(示意)", "").replace("（示意）", "");
    }

    private static void halo(GraphicsContext g, String text, double x, double y, Color fill) {
        g.setStroke(BG);
        g.setLineWidth(4);
        g.strokeText(text, x, y);
        g.setFill(fill);
        g.fillText(text, x, y);
    }

    private boolean free(Bounds box) {
        for (Bounds b : placed) {
            if (b.intersects(box)) {
                return false;
            }
        }
        return true;
    }

    private double width(Font f, String text) {
        return widths.computeIfAbsent(f.getSize() + "|" + f.getStyle() + "|" + text, k -> {
            measure.setFont(f);
            measure.setText(text);
            return measure.getLayoutBounds().getWidth();
        });
    }

    private static boolean onScreen(MapProjection p, double x, double y) {
        return x > -30 && y > -30 && x < p.width() + 30 && y < p.height() + 30;
    }

    // --- legend, scale bar, north arrow -------------------------------------------------------------------

    private void legend(GraphicsContext g, MapProjection p, Set<MapLayer> layers) {
        if (p.height() < 360 || p.width() < 420) {
            return;
        }
        List<Runnable> rows = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        double[] at = new double[2];
        if (layers.contains(MapLayer.CAMERAS) || layers.contains(MapLayer.AI_POINTS)) {
            legendRow(rows, texts, at, I18n.t("map.legend.cameras"), (x, y) -> {
                dot(g, x - 9, y, 4, CAMERA);
                dot(g, x, y, 5, AI);
                dot(g, x + 9, y, 4, STALE);
            });
            legendRow(rows, texts, at, I18n.t("map.legend.cluster"), (x, y) -> {
                dot(g, x, y, 10, CAMERA);
                g.setFill(BG);
                g.setFont(CLUSTER);
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText("12", x, y + 0.5);
            });
        }
        if (layers.contains(MapLayer.SENSORS)) {
            legendRow(rows, texts, at, I18n.t("map.legend.sensors"), (x, y) -> {
                g.setFill(SENSOR);
                g.fillRect(x - 10, y - 4, 8, 8);
                g.setFill(CRITICAL);
                g.fillRect(x + 3, y - 5, 10, 10);
            });
        }
        if (layers.contains(MapLayer.UNITS)) {
            legendRow(rows, texts, at, I18n.t("map.legend.units"), (x, y) -> {
                dot(g, x - 11, y, 5, MapStyle.unit(UnitGroup.FREE));
                dot(g, x, y, 5, MapStyle.unit(UnitGroup.BUSY));
                g.setStroke(MapStyle.unit(UnitGroup.OFF));
                g.setLineWidth(2);
                g.strokeOval(x + 7, y - 4, 8, 8);
            });
            legendRow(rows, texts, at, I18n.t("map.legend.trail"), (x, y) -> {
                Color c = MapStyle.unit(UnitGroup.FREE);
                g.setLineWidth(2);
                g.setStroke(c.deriveColor(0, 1, 1, 0.35));
                g.strokePolyline(new double[] {x - 14, x - 6, x + 2, x + 10}, new double[] {y + 4, y + 1, y + 3, y - 2}, 4);
                dot(g, x + 12, y - 2, 4, c);
            });
            if (layers.contains(MapLayer.INCIDENTS)) {
                legendRow(rows, texts, at, I18n.t("map.legend.dispatch"), (x, y) -> {
                    g.setStroke(MapStyle.unit(UnitGroup.BUSY));
                    g.setLineWidth(2);
                    g.setLineDashes(5, 3);
                    g.strokeLine(x - 10, y, x + 8, y);
                    g.setLineDashes((double[]) null);
                    dot(g, x - 11, y, 4, MapStyle.unit(UnitGroup.BUSY));
                    diamond(g, x + 11, y, 5);
                    g.setFill(MapStyle.severity(Incident.Severity.HIGH));
                    g.fill();
                });
            }
        }
        if (layers.contains(MapLayer.INCIDENTS)) {
            legendRow(rows, texts, at, I18n.t("map.legend.incidents"), (x, y) -> {
                int k = 0;
                for (Incident.Severity sev : new Incident.Severity[] {Incident.Severity.CRITICAL,
                        Incident.Severity.HIGH, Incident.Severity.MEDIUM, Incident.Severity.LOW}) {
                    diamond(g, x - 13 + 9 * k++, y, 5);
                    g.setFill(MapStyle.severity(sev));
                    g.fill();
                }
            });
            legendRow(rows, texts, at, I18n.t("map.legend.overdue"), (x, y) -> {
                g.setStroke(CRITICAL);
                g.setLineWidth(2);
                g.strokeOval(x - 8, y - 8, 16, 16);
                diamond(g, x, y, 5);
                g.setFill(WARNING);
                g.fill();
            });
        }
        if (overlayName != null) {
            legendRow(rows, texts, at, I18n.t("map.legend.overlay", overlayName), (x, y) -> {
                g.setStroke(OVERLAY);
                g.setLineWidth(1.5);
                g.strokePolyline(new double[] {x - 12, x - 3, x + 4, x + 12}, new double[] {y + 4, y - 3, y + 3, y - 4}, 4);
            });
        }
        if (layers.contains(MapLayer.COMPLAINT_HEAT)) {
            legendRow(rows, texts, at, I18n.t("map.legend.heat"), (x, y) -> {
                g.setFill(HEAT.deriveColor(0, 1, 1, 0.6));
                g.fillOval(x - 10, y - 7, 20, 14);
            });
        }
        boolean choropleth = layers.contains(MapLayer.COMMUNITIES);
        double rowH = 22;
        double pad = 10;
        double textW = 0;
        g.setFont(LEGEND);
        for (String t : texts) {
            textW = Math.max(textW, width(LEGEND, t));
        }
        String choroTitle = I18n.t("map.legend.choropleth");
        double choroH = choropleth ? 50 : 0;
        double boxW = Math.max(40 + textW, choropleth ? Math.max(width(LEGEND, choroTitle), 5 * 36.0) : 0) + 2 * pad;
        double boxH = rows.size() * rowH + choroH + 2 * pad;
        double x0 = 12;
        double y0 = p.height() - 12 - boxH;
        placed.add(new BoundingBox(x0, y0, boxW, boxH));
        g.setGlobalAlpha(0.9);
        g.setFill(SURFACE);
        g.fillRoundRect(x0, y0, boxW, boxH, 8, 8);
        g.setGlobalAlpha(1);
        g.setStroke(BORDER);
        g.setLineWidth(1);
        g.strokeRoundRect(x0, y0, boxW, boxH, 8, 8);
        for (int i = 0; i < rows.size(); i++) {
            at[0] = x0 + pad + 14;
            at[1] = y0 + pad + rowH * i + rowH / 2;
            g.setTextBaseline(VPos.CENTER);
            rows.get(i).run();
            g.setFont(LEGEND);
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(TEXT);
            g.fillText(texts.get(i), x0 + pad + 36, at[1]);
        }
        if (choropleth) {
            double cy = y0 + pad + rows.size() * rowH + 4;
            g.setFont(LEGEND);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.setFill(TEXT);
            g.fillText(choroTitle, x0 + pad, cy);
            g.setFont(LABEL_SMALL);
            for (int c = 0; c < MapStyle.choroplethClasses(); c++) {
                double sx = x0 + pad + c * 36;
                g.setFill(MapStyle.choropleth(c));
                g.fillRect(sx, cy + 22, 34, 10);
                if (c > 0) {
                    g.setFill(TEXT_DIM);
                    g.setTextAlign(TextAlignment.CENTER);
                    double b = CHOROPLETH_BREAKS[c - 1];
                    g.fillText(b == Math.rint(b) ? Integer.toString((int) b) : Double.toString(b), sx - 1, cy + 33);
                }
            }
            g.setStroke(BORDER);
            g.strokeRect(x0 + pad, cy + 22, 36 * MapStyle.choroplethClasses() - 2, 10);
        }
    }

    private interface Symbol {
        void draw(double x, double y);
    }

    private static void legendRow(List<Runnable> rows, List<String> texts, double[] at, String text, Symbol s) {
        texts.add(text);
        rows.add(() -> s.draw(at[0], at[1]));
    }

    private static void dot(GraphicsContext g, double x, double y, double r, Color c) {
        g.setFill(c);
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
    }

    private void scaleAndNorth(GraphicsContext g, MapProjection p) {
        double mpp = p.metresPerPixel();
        double target = 140 * mpp;
        double metres = 10;
        for (double m : new double[] {10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 20_000}) {
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
        halo(g, label, (x0 + x1) / 2, y - 4, TEXT);
        g.setFont(LABEL_SMALL);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        halo(g, I18n.t("map.attribution"), x1, y + 6, TEXT_DIM);

        placed.add(new BoundingBox(Math.min(x0, x1 - 200) - 8, y - 28, x1 - Math.min(x0, x1 - 200) + 32, 60));

        // north arrow, top right
        double nx = p.width() - 36;
        double ny = 34;
        placed.add(new BoundingBox(nx - 20, ny - 24, 40, 64));
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
        halo(g, "N", nx, ny + 12, TEXT);
    }
}

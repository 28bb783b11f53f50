package org.shanzhi.cockpit.wall.map;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.shanzhi.cockpit.domain.Bounds;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.wall.map.geo.CameraClusters.Cluster;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;
import org.shanzhi.cockpit.wall.map.layer.MapLayers;
import org.shanzhi.cockpit.wall.map.layer.MapMark;

/**
 * The map's state, without a node: the view (centre, zoom and size, as a {@link MapProjection}) and whether the
 * operator chose it, the mark selected, the place ringed, the layer switches on, and what the last frame drew (its
 * marks and how much each layer drew). {@link MapWidget} shows it and turns the pointer, the keys and the wall's
 * links into its operations; any change that needs a new frame calls {@code changed}. On the FX thread.
 */
final class MapViewModel {

    /** The district box of DOMAIN.md §6, until the situation brings its own. */
    static final Bounds HEYI = new Bounds(116.372, 39.803, 116.419, 39.831);
    static final double FIT_MARGIN = 24;
    /** A place another widget asks for is shown at least this close. */
    static final double FOCUS_ZOOM = 17;
    /** A click on a cluster zooms in this much. */
    static final double CLUSTER_ZOOM_IN = 2;

    /** A move of the view over time, {@code at(0)} where it starts and {@code at(1)} where it ends. */
    interface Flight {
        MapProjection at(double progress);
    }

    private final Set<String> layers;
    private final GeoPoint layoutCentre;
    private final Double layoutZoom;
    private final Runnable changed;

    private MapProjection view;
    private Bounds district;
    private Bounds fittedTo;
    private boolean userMoved;
    private MapMark selected;
    private GeoPoint focused;
    private MapLayers.Drawn drawn = MapLayers.Drawn.NOTHING;
    private long baseFrames;

    /**
     * {@code layers}: the switches on; {@code layoutCentre} and {@code layoutZoom}: the layout's view (each may be
     * null: the district fitted); {@code changed}: asks for a frame.
     */
    MapViewModel(Set<String> layers, GeoPoint layoutCentre, Double layoutZoom, Runnable changed) {
        this.layers = Set.copyOf(layers);
        this.layoutCentre = layoutCentre;
        this.layoutZoom = layoutZoom;
        this.changed = changed;
    }

    /** The view of a layout's map options ({@code centre}, {@code zoom}). */
    static MapViewModel of(JsonNode options, Set<String> layers, Runnable changed) {
        JsonNode zoom = options.get("zoom");
        JsonNode centre = options.get("centre");
        GeoPoint at = centre != null && centre.path("lat").isNumber() && centre.path("lon").isNumber()
                ? new GeoPoint(centre.get("lon").asDouble(), centre.get("lat").asDouble()) : null;
        return new MapViewModel(layers, at, zoom != null && zoom.isNumber() ? zoom.asDouble() : null, changed);
    }

    // --- the view ------------------------------------------------------------------------------------------

    /** The view, or null before the map has a size. */
    MapProjection view() {
        return view;
    }

    /** The layer switches on, by their layout names. */
    Set<String> layers() {
        return layers;
    }

    /** The map's size: the view keeps the operator's centre and zoom, or fits the district (the layout's view) again. */
    void resized(double w, double h) {
        view = view == null || !userMoved ? initialView(w, h) : view.sized(w, h);
        changed.run();
    }

    /** The situation's district (null: none): fitted anew unless the operator moved the view. */
    void district(Bounds b) {
        district = b;
        if (view != null && !userMoved && b != null && !b.equals(fittedTo)) {
            view = initialView(view.width(), view.height());
            changed.run();
        }
    }

    /** A view the operator chose: from now on resizing keeps it rather than fitting the district; the selection goes. */
    void moveTo(MapProjection next) {
        view = next;
        userMoved = true;
        selected = null; // its details would point at where the mark was
        changed.run();
    }

    /** Zooms by {@code levels} about the screen point (x, y). */
    void zoomAt(double x, double y, double levels) {
        if (view != null) {
            moveTo(view.zoomedAt(x, y, view.zoom() + levels));
        }
    }

    /** Moves the map by (dx, dy) pixels, as a drag does. */
    void pan(double dx, double dy) {
        if (view != null) {
            moveTo(view.panned(dx, dy));
        }
    }

    /** Back to the district (or the layout's view), as on start. */
    void fit() {
        userMoved = false;
        if (view != null) {
            view = initialView(view.width(), view.height());
            changed.run();
        }
    }

    /** A cluster clicked: the view centres on it {@link #CLUSTER_ZOOM_IN} levels closer; nothing is selected. */
    void zoomInto(Cluster c) {
        if (view != null) {
            moveTo(view.centredAt(c.x(), c.y(), Math.min(view.zoom() + CLUSTER_ZOOM_IN, MapProjection.MAX_ZOOM)));
        }
    }

    /** From the view now to {@code zoom} over (lon, lat), zooming out on the way when it is far; null before a size. */
    Flight flightTo(double lon, double lat, double zoom) {
        if (view == null) {
            return null;
        }
        MapProjection from = view;
        double x0 = from.worldXAt(from.width() / 2);
        double y0 = from.worldYAt(from.height() / 2);
        double x1 = MapProjection.worldX(lon);
        double y1 = MapProjection.worldY(lat);
        double z0 = from.zoom();
        double z1 = Math.max(MapProjection.MIN_ZOOM, Math.min(MapProjection.MAX_ZOOM, zoom));
        // the way out: far enough to see both ends at once, never below the start or the end
        double screens = Math.hypot(x1 - x0, y1 - y0) * from.scale() / Math.max(1, Math.min(from.width(), from.height()));
        double dip = screens > 1 ? Math.log(screens) / Math.log(2) + 0.5 : 0;
        return f -> {
            double z = z0 + (z1 - z0) * f - dip * Math.sin(Math.PI * f);
            return from.centredAt(x0 + (x1 - x0) * f, y0 + (y1 - y0) * f, Math.max(MapProjection.MIN_ZOOM, z));
        };
    }

    private MapProjection initialView(double w, double h) {
        Bounds b = district != null ? district : HEYI;
        fittedTo = b;
        MapProjection fit = MapProjection.fitting(b, w, h, FIT_MARGIN);
        if (layoutCentre == null && layoutZoom == null) {
            return fit;
        }
        double lon = layoutCentre != null ? layoutCentre.lon() : fit.centreLon();
        double lat = layoutCentre != null ? layoutCentre.lat() : fit.centreLat();
        return MapProjection.centredOn(lon, lat, layoutZoom != null ? layoutZoom : fit.zoom(), w, h);
    }

    // --- selection and focus -------------------------------------------------------------------------------

    /** The mark whose details are open, or null. */
    MapMark selected() {
        return selected;
    }

    void select(MapMark m) {
        selected = m;
        changed.run();
    }

    /** The place ringed because another widget or the search asked for it, or null. */
    GeoPoint focused() {
        return focused;
    }

    void focus(GeoPoint at) {
        focused = at;
    }

    /** How close a place asked for is shown: at least {@link #FOCUS_ZOOM}, closer if the view already is. */
    double focusZoom() {
        return view == null ? FOCUS_ZOOM : Math.max(view.zoom(), FOCUS_ZOOM);
    }

    // --- what the last frame drew ----------------------------------------------------------------------------

    /**
     * A frame was drawn ({@code base}: with the base layer drawn again); the selection follows its mark to where it is
     * drawn now. Returns the mark selected as drawn in this frame, or null.
     */
    MapMark drawn(MapLayers.Drawn frame, boolean base) {
        drawn = frame;
        if (base) {
            baseFrames++;
        }
        if (selected != null) {
            for (MapMark m : frame.marks()) {
                if (m.id().equals(selected.id())) {
                    selected = m;
                    return m;
                }
            }
        }
        return null;
    }

    MapLayers.Drawn drawn() {
        return drawn;
    }

    /** The marks of the last frame, in drawing order: what a pointer can find. */
    List<MapMark> marks() {
        return drawn.marks();
    }

    /** Frames that drew the base layer again. */
    long baseFrames() {
        return baseFrames;
    }
}

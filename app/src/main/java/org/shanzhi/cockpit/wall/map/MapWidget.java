package org.shanzhi.cockpit.wall.map;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.animation.Animation;
import javafx.animation.Interpolator;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.animation.Transition;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.WallLinks;
import org.shanzhi.cockpit.wall.Widget;
import org.shanzhi.cockpit.wall.layout.Placement;
import org.shanzhi.cockpit.wall.map.geo.BaseMap;
import org.shanzhi.cockpit.wall.map.geo.BaseMapLoader;
import org.shanzhi.cockpit.wall.map.geo.CameraClusters.Cluster;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;
import org.shanzhi.cockpit.wall.map.geo.OverlayLoader;
import org.shanzhi.cockpit.wall.map.geo.RasterTiles;
import org.shanzhi.cockpit.wall.map.layer.MapContent;
import org.shanzhi.cockpit.wall.map.layer.MapLayers;
import org.shanzhi.cockpit.wall.map.layer.MapMark;
import org.shanzhi.cockpit.wall.map.layer.Plane;

/**
 * 社区民情一张图: our own offline map on a canvas. A Web-Mercator view of the vector base (roads, points
 * of interest) under the situation's layers, as the layout's {@code layers}, {@code centre} and
 * {@code zoom} options say. Drag to pan, wheel or +/- to zoom, Home to fit the district again; hover
 * names the nearest thing, a click opens its details and actions in a popover (a click on a camera cluster zooms
 * in); a camera dragged onto a video tile plays there. Other widgets centre the map through the wall's links
 * ({@link WallLinks#focus}): it flies there and rings the place for {@link #FOCUS_RING}; so does a place found with the
 * search box (cameras, communities, units, points of interest, roads).
 * The state lives in its {@link MapViewModel}, what is drawn in its {@link MapLayers}; this class holds the nodes and
 * the input. Everything runs on the FX thread; the frame is drawn in the pulse after a change, never more than once.
 */
public final class MapWidget implements Widget {

    static final double HIT_SLOP = 5;
    static final double KEY_ZOOM = 0.5;
    static final double KEY_PAN = 120;
    static final double WHEEL_ZOOM_PER_NOTCH = 0.5;
    /** A place asked for is ringed this long. */
    static final Duration FOCUS_RING = Duration.seconds(30);
    static final Duration FLIGHT = Duration.millis(800);
    static final int SEARCH_HITS = 12;
    /** The still canvases (base, heat) reach this far beyond each edge: a pan shifts them rather than drawing them. */
    static final double BASE_MARGIN = 256;
    /**
     * While the zoom changes the still canvases are scaled, not drawn; they are drawn again once it has not changed for
     * this long (a wheel's notches, a pinch, a flight are one gesture).
     */
    static final Duration ZOOM_REST = Duration.millis(200);
    /** Where tiles from a URL are kept on disk, one folder per source. */
    /** Tiles kept on disk: under {@code -Dshanzhi.cache=DIR} (the tests' build folder), else the user's cache. */
    static final Path TILE_CACHE = Path.of(System.getProperty("shanzhi.cache",
            Path.of(System.getProperty("user.home"), ".cache", "shanzhi-cockpit").toString()), "tiles");

    private final MapPane root = new MapPane();
    /**
     * The base and heat planes, drawn again only when their projection or what they show changes; the heat is hidden
     * while a zoom scales them (it comes back when the zoom rests).
     */
    private final StillCanvas base = new StillCanvas(Plane.BASE, "map-base", false);
    private final StillCanvas heat = new StillCanvas(Plane.HEAT, "map-heat", true);
    private final List<StillCanvas> stills = List.of(base, heat);
    /** The live layers, drawn in every frame. */
    private final Canvas canvas = new Canvas();
    private final PauseTransition zoomRest = new PauseTransition(ZOOM_REST);
    private final Label tooltip = new Label();
    private final Circle focusRing = new Circle();
    private final TextField search = new TextField();
    private final Label searchNote = new Label();
    /** The overlay file's loading: its share read, then its error if it failed; hidden once it is drawn. */
    private final Label overlayStatus = new Label();
    private final Timeline focusPulse;
    private final MapPopover popover;
    // a result from the worker thread asks for a frame; rare (a view or the cameras changed), so one runLater each
    private final MapLayers layers = MapLayers.create(() -> Platform.runLater(this::invalidate));
    private final MapViewModel model;

    // read by the search box's suggestion thread as well
    private volatile BaseMap baseMap = BaseMap.EMPTY;
    private volatile Situation situation;
    private OverlayLoader.Overlay overlay;
    /** The raster base of the layout's {@code tiles} option, or null. */
    private final RasterTiles tiles;
    private final AtomicBoolean tilesArrived = new AtomicBoolean();
    /**
     * The projection the still canvases are wanted in: {@link #BASE_MARGIN} larger than the view on every side, at
     * the view's zoom once it rests.
     */
    private MapProjection stillView;
    private MapProjection shownView;
    private boolean dirty;
    private double lastX;
    private double lastY;
    private boolean dragged;
    private String pressedCamera;
    private Transition flight;

    public MapWidget(Placement placement, WallContext context) {
        this(placement, context, BaseMapLoader.shared());
    }

    MapWidget(Placement placement, WallContext context, CompletableFuture<BaseMap> baseMapLoaded) {
        JsonNode options = placement.options();
        model = MapViewModel.of(options, layers.switchesOn(options), this::changed);

        root.getStyleClass().add("map");
        root.setMinSize(0, 0);
        root.setFocusTraversable(true);
        zoomRest.setOnFinished(e -> invalidate());
        canvas.setManaged(false);
        canvas.getStyleClass().add("map-canvas");
        tooltip.getStyleClass().add("map-tooltip");
        tooltip.setManaged(false);
        tooltip.setVisible(false);
        tooltip.setMouseTransparent(true);
        focusRing.getStyleClass().add("map-focus-ring");
        focusRing.setManaged(false);
        focusRing.setVisible(false);
        focusRing.setMouseTransparent(true);
        focusPulse = new Timeline(
                new KeyFrame(Duration.ZERO, new KeyValue(focusRing.radiusProperty(), 10),
                        new KeyValue(focusRing.opacityProperty(), 1)),
                new KeyFrame(Duration.millis(1500), new KeyValue(focusRing.radiusProperty(), 46, Interpolator.EASE_OUT),
                        new KeyValue(focusRing.opacityProperty(), 0.15)));
        focusPulse.setCycleCount((int) (FOCUS_RING.toMillis() / 1500));
        focusPulse.setOnFinished(e -> {
            model.focus(null);
            focusRing.setVisible(false);
        });
        popover = new MapPopover(context);
        popover.popOver().setConsumeAutoHidingEvents(false);
        popover.popOver().setOnHidden(e -> {
            // hidden by a click elsewhere or Escape: the ring on the map goes too
            if (model.selected() != null && !popover.isShowing()) {
                model.select(null);
            }
        });
        search.getStyleClass().add("map-search");
        search.setPromptText(I18n.t("map.search.prompt"));
        search.setManaged(false);
        searchNote.getStyleClass().add("map-search-note");
        searchNote.setManaged(false);
        searchNote.setVisible(false);
        searchNote.setMouseTransparent(true);
        overlayStatus.getStyleClass().add("map-overlay-status");
        overlayStatus.setManaged(false);
        overlayStatus.setVisible(false);
        overlayStatus.setMouseTransparent(true);
        root.getChildren().addAll(base.canvas(), heat.canvas(), canvas, focusRing, search, searchNote, overlayStatus,
                tooltip);
        wire();
        wireSearch();
        context.links().onFocus(this::focus);
        // tiles arrive on the fetch threads, many at once: one frame for all that came before it
        tiles = RasterTiles.of(options.get("tiles"), TILE_CACHE, () -> {
            if (tilesArrived.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    tilesArrived.set(false);
                    invalidate();
                });
            }
        });
        JsonNode overlayFile = options.get("overlay");
        if (overlayFile != null && overlayFile.isTextual()) {
            loadOverlay(Path.of(overlayFile.asText()));
        }

        if (baseMapLoaded.isDone()) {
            baseMap = baseMapLoaded.getNow(BaseMap.EMPTY);
        } else {
            // once, when the loader's thread is done
            baseMapLoaded.thenAccept(b -> Platform.runLater(() -> {
                baseMap = b;
                invalidate();
            }));
        }
    }

    @Override
    public Node node() {
        return root;
    }

    /** Each pulse: takes the frame's situation if it is new, and draws if anything changed since the last pulse. */
    @Override
    public void show(WallFrame frame) {
        if (frame.hasSituation()) {
            show(frame.situation());
        }
        if (dirty) {
            drawNow();
        }
    }

    private void show(Situation s) {
        if (s == null || s == situation) {
            return;
        }
        situation = s;
        layers.situation(s);
        model.district(s.district() == null ? null : s.district().bounds());
        invalidate();
    }

    /** The map's state: its view, selection, focus, switches and what the last frame drew. */
    MapViewModel viewModel() {
        return model;
    }

    // --- frames ----------------------------------------------------------------------------------------

    /** The model changed: a frame in the next pulse; a moved view hides the tooltip, a selection gone its popover. */
    private void changed() {
        if (model.view() != shownView) {
            tooltip.setVisible(false);
        }
        if (model.selected() == null) {
            popover.hide();
        }
        invalidate();
    }

    /** Asks for a frame in the next pulse (the wall's frame); several changes in one pulse give one frame. */
    private void invalidate() {
        dirty = true;
    }

    /**
     * Draws the frame now (the wall's frame does this once per pulse after a change): the live canvas, and at most one
     * still canvas that is stale (the next one in the next frame), so that no frame rasterises two full planes.
     */
    void drawNow() {
        MapProjection view = model.view();
        if (view == null) {
            dirty = false; // nothing to draw on yet; the first size will ask again
            return;
        }
        if (shownView != null && view.zoom() != shownView.zoom()) {
            zoomRest.playFromStart();
        }
        MapContent content = new MapContent(situation, baseMap, overlay, tiles, model.selected(), model.layers());
        MapProjection still = stillFor(view, zoomRest.getStatus() != Animation.Status.RUNNING);
        boolean baseDrawn = false;
        boolean stillsCurrent = still.zoom() == view.zoom();
        boolean drewOne = false;
        boolean deferred = false;
        for (StillCanvas c : stills) {
            if (c.stale(layers, still, content)) {
                if (drewOne) {
                    deferred = true;
                    stillsCurrent = false;
                } else {
                    stillsCurrent &= c.paint(layers, still, content);
                    drewOne = true;
                    baseDrawn = c == base;
                }
            }
            c.place(view);
        }
        MapMark selected = model.drawn(layers.paint(canvas.getGraphicsContext2D(), view, content, stillsCurrent),
                baseDrawn);
        shownView = view;
        // a still canvas left for later asks for the next frame; a zoom under way asks when it rests
        dirty = deferred;
        placeFocusRing();
        if (selected != null) {
            popover.refresh(selected, situation);
        }
    }

    /**
     * The projection for the still canvases in this view: the last one while the view is only panned within the
     * margin (the canvases are then moved, not drawn) or while a zoom is under way (they are scaled), else one centred
     * on the view.
     */
    private MapProjection stillFor(MapProjection v, boolean zoomResting) {
        double w = v.width() + 2 * BASE_MARGIN;
        double h = v.height() + 2 * BASE_MARGIN;
        if (stillView != null && stillView.width() == w && stillView.height() == h) {
            if (stillView.zoom() != v.zoom() && !zoomResting) {
                return stillView;
            }
            double left = stillView.screenX(v.worldXAt(0));
            double top = stillView.screenY(v.worldYAt(0));
            if (stillView.zoom() == v.zoom() && left >= 0 && top >= 0 && left <= 2 * BASE_MARGIN
                    && top <= 2 * BASE_MARGIN) {
                return stillView;
            }
        }
        stillView = v.sized(w, h);
        return stillView;
    }

    // --- flying and ringing a place ------------------------------------------------------------------------

    /** Moves the view there in {@link #FLIGHT}, zooming out on the way when it is far. */
    private void flyTo(double lon, double lat, double zoom) {
        MapViewModel.Flight path = model.flightTo(lon, lat, zoom);
        if (path == null) {
            return;
        }
        if (flight != null) {
            flight.stop();
        }
        flight = new Transition() {
            {
                setCycleDuration(FLIGHT);
                setInterpolator(Interpolator.EASE_BOTH);
            }

            @Override
            protected void interpolate(double f) {
                model.moveTo(path.at(f));
            }
        };
        flight.play();
    }

    /** Centres there (flying) and rings the place for {@link #FOCUS_RING}: another widget asked, see {@link WallLinks}. */
    private void focus(GeoPoint at) {
        if (at != null) {
            ring(at, model.focusZoom());
        }
    }

    private void ring(GeoPoint at, double zoom) {
        model.focus(at);
        flyTo(at.lon(), at.lat(), zoom);
        focusRing.setVisible(true);
        placeFocusRing();
        focusPulse.playFromStart();
    }

    private void placeFocusRing() {
        GeoPoint at = model.focused();
        if (at != null && model.view() != null) {
            focusRing.setCenterX(model.view().xOf(at.lon()));
            focusRing.setCenterY(model.view().yOf(at.lat()));
        }
    }

    // --- the overlay --------------------------------------------------------------------------------

    /** Reads the layout's GeoJSON overlay in the background, its progress shown four times a second meanwhile. */
    private void loadOverlay(Path file) {
        String name = file.getFileName().toString();
        double[] read = {0};
        overlayStatus.setText(I18n.t("map.overlay.loading", name, 0.0));
        overlayStatus.setVisible(true);
        Timeline progress = new Timeline(new KeyFrame(Duration.millis(250), e -> {
            overlayStatus.setText(I18n.t("map.overlay.loading", name, read[0]));
            root.requestLayout();
        }));
        progress.setCycleCount(Timeline.INDEFINITE);
        progress.play();
        // read[0] is written by the loading thread; a stale share for a quarter of a second does no harm
        OverlayLoader.load(file, p -> read[0] = p).whenComplete((loaded, error) -> Platform.runLater(() -> {
            progress.stop();
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                overlayStatus.setText(I18n.t("map.overlay.failed", name, cause.getMessage()));
                Theme.setState(overlayStatus, Theme.WARNING);
            } else {
                overlay = loaded;
                overlayStatus.setVisible(false);
                invalidate();
            }
            root.requestLayout();
        }));
    }

    // --- the search box ----------------------------------------------------------------------------

    private void wireSearch() {
        AutoCompletionBinding<MapSearch.Hit> suggestions = TextFields.bindAutoCompletion(search,
                request -> MapSearch.find(request.getUserText(), situation, baseMap, SEARCH_HITS));
        suggestions.setPrefWidth(560);
        suggestions.setVisibleRowCount(8);
        suggestions.setOnAutoCompleted(e -> go(e.getCompletion()));
        search.setOnAction(e -> {
            List<MapSearch.Hit> hits = MapSearch.find(search.getText(), situation, baseMap, 1);
            if (hits.isEmpty()) {
                searchNote.setText(I18n.t("map.search.none", search.getText().strip()));
                Theme.setState(searchNote, Theme.WARNING);
                searchNote.setVisible(!search.getText().isBlank());
            } else {
                go(hits.get(0));
            }
        });
        search.textProperty().addListener((o, was, now) -> searchNote.setVisible(false));
    }

    /** Flies to a place found and rings it. */
    private void go(MapSearch.Hit hit) {
        searchNote.setVisible(false);
        root.requestFocus();
        ring(hit.at(), hit.zoom());
    }

    // --- pointer and keys ---------------------------------------------------------------------------

    private void wire() {
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            root.requestFocus();
            lastX = e.getX();
            lastY = e.getY();
            dragged = false;
            MapMark m = layers.hit(e.getX(), e.getY(), HIT_SLOP);
            pressedCamera = m != null && m.subject() instanceof Camera c ? c.id() : null;
        });
        // a camera pressed and dragged leaves the map for a video tile instead of panning
        canvas.addEventHandler(MouseEvent.DRAG_DETECTED, e -> {
            if (pressedCamera != null) {
                Dragboard board = canvas.startDragAndDrop(TransferMode.COPY);
                ClipboardContent content = new ClipboardContent();
                content.put(WallLinks.CAMERA, pressedCamera);
                content.putString(pressedCamera);
                board.setContent(content);
                dragged = true;
                e.consume();
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (model.view() == null || pressedCamera != null) {
                return;
            }
            double dx = e.getX() - lastX;
            double dy = e.getY() - lastY;
            if (dragged || Math.hypot(dx, dy) > 3) {
                dragged = true;
                lastX = e.getX();
                lastY = e.getY();
                model.pan(dx, dy);
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (!dragged) {
                click(e.getX(), e.getY());
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> tooltip.setVisible(false));
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                model.zoomAt(e.getX(), e.getY(), e.getDeltaY() / 40.0 * WHEEL_ZOOM_PER_NOTCH);
            }
            e.consume();
        });
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            MapProjection view = model.view();
            if (view == null || e.getTarget() == search) {
                return;
            }
            double cx = view.width() / 2;
            double cy = view.height() / 2;
            switch (e.getCode()) {
                case PLUS, EQUALS, ADD -> model.zoomAt(cx, cy, KEY_ZOOM);
                case MINUS, SUBTRACT -> model.zoomAt(cx, cy, -KEY_ZOOM);
                case LEFT -> model.pan(KEY_PAN, 0);
                case RIGHT -> model.pan(-KEY_PAN, 0);
                case UP -> model.pan(0, KEY_PAN);
                case DOWN -> model.pan(0, -KEY_PAN);
                case HOME, DIGIT0 -> model.fit();
                case ESCAPE -> model.select(null);
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    /** The pointer at (x, y): the nearest thing's name beside it, or nothing. */
    void hover(double x, double y) {
        MapMark m = layers.hit(x, y, HIT_SLOP);
        if (m == null) {
            tooltip.setVisible(false);
            return;
        }
        tooltip.setText(MapDescriptions.tooltip(m, situation));
        tooltip.applyCss();
        tooltip.autosize();
        double tx = Math.min(x + 14, root.getWidth() - tooltip.getWidth() - 4);
        double ty = y + 16 + tooltip.getHeight() > root.getHeight() ? y - 10 - tooltip.getHeight() : y + 16;
        tooltip.relocate(Math.max(4, tx), Math.max(4, ty));
        tooltip.setVisible(true);
    }

    /** A click at (x, y): a cluster zooms in, anything else opens its details, nothing closes them. */
    void click(double x, double y) {
        MapMark m = layers.hit(x, y, HIT_SLOP);
        if (m != null && m.subject() instanceof Cluster c) {
            model.zoomInto(c);
            return;
        }
        select(m);
    }

    private void select(MapMark m) {
        if (m == null) {
            model.select(null);
        } else if (canvas.getScene() != null && canvas.getScene().getWindow() != null
                && canvas.getScene().getWindow().isShowing()) {
            Point2D at = canvas.localToScreen(m.x(), m.y());
            boolean right = m.x() < model.view().width() / 2;
            double edge = m.radius() + 4;
            // the arrow's tip just beside the mark; the popover opens towards the middle of the map
            popover.show(m, situation, canvas, at.getX() + (right ? edge : -edge), at.getY(), right);
            model.select(m);
        }
    }

    /** Sizes the canvas with its cell; the overlays stay in their corners. */
    private final class MapPane extends Pane {
        @Override
        protected void layoutChildren() {
            double w = Math.floor(getWidth());
            double h = Math.floor(getHeight());
            if (w >= 1 && h >= 1 && (canvas.getWidth() != w || canvas.getHeight() != h)) {
                canvas.setWidth(w);
                canvas.setHeight(h);
                // the still canvases are larger than the map: they must not show beyond it
                setClip(new Rectangle(w, h));
                model.resized(w, h);
            }
            search.resize(Math.min(360, Math.max(160, w - 120)), search.prefHeight(-1));
            search.relocate(16, 16);
            searchNote.autosize();
            searchNote.relocate(16, 20 + search.getHeight());
            overlayStatus.autosize();
            overlayStatus.relocate((w - overlayStatus.getWidth()) / 2, h - overlayStatus.getHeight() - 16);
        }

        @Override
        protected double computePrefWidth(double height) {
            return 960;
        }

        @Override
        protected double computePrefHeight(double width) {
            return 540;
        }
    }
}

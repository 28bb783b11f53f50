package org.shanzhi.cockpit.wall.video;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.image.Image;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.VideoAlarms.VideoAlarm;
import org.shanzhi.cockpit.domain.VideoAlarms;
import org.shanzhi.cockpit.replay.ReplaySource;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.WallLinks;
import org.shanzhi.cockpit.wall.Widget;
import org.shanzhi.cockpit.wall.layout.Placement;

/**
 * The video screen: draws the {@link VideoGrid} of 1, 4, 9 or 16 {@link VideoTile}s and hands the grid the
 * operator's input (a double-click maximises a tile or restores the grid and the hidden tiles pause; right-click pins
 * or clears; a camera dropped on a tile, from the map or another tile, stays there; a camera opened through the
 * wall's links goes to the least important tile). The alarm coming up centres the wall's maps on its place.
 * <p>
 * With a hub in the {@link WallContext} tiles play their camera's stream ({@link Playback}): a pump of its own applies
 * each playing tile's newest frame at most once per pulse (pixels only, while any tile plays; what the grid shows
 * comes with the wall's frame), and a widget no longer on a showing window closes them.
 * <p>
 * While the wall replays ({@link WallLinks#replays()}) the grid follows the replayed situation but plays nothing: the
 * hub keeps no recorded video, so each tile shows its camera's present still ({@link CameraStill}, read once per
 * camera and replay) marked 无录像 with the replay's time; leaving the replay plays the live streams again.
 */
public final class VideoWidget implements Widget {

    static final String ROOT = "video";
    static final String GRID = "video-grid";
    static final String NOTICE = "video-notice";
    static final String FOOTER = "video-footer";
    static final String EMPTY = "video-empty";
    static final String QUEUE = "video-queue";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(Kpi.BEIJING);

    /** {@code -Dshanzhi.rtsp=direct}: libvlc plays rtsp:// itself (builds with live555), not through the hub. */
    static final boolean RTSP_DIRECT = "direct".equals(System.getProperty("shanzhi.rtsp"));

    private final VideoGrid grid;
    private final int split;
    private final int side;

    private final BorderPane root = new BorderPane();
    private final Label groupLabel = new Label();
    private final Label pages = new Label();
    private final Label queued = new Label();
    private final Label empty = new Label();
    private final GridPane tilePane = new GridPane();
    private final List<VideoTile> tiles = new ArrayList<>();
    private final WallContext context;
    private final Libvlc vlc;
    /** Pixels only: each playing tile's newest frame, once per pulse, while any tile plays. */
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pump();
        }
    };
    private boolean pumping;
    /** Whether the widget is on a showing window: streams open and close with it. */
    private final ObservableValue<Boolean> showing;
    /** The tile laid out over the grid (-1: none), as last drawn. */
    private int laidOut = -1;
    private final Label notice;
    private final boolean video;
    /** Whether the wall shows a replay, as last drawn. */
    private boolean replaying;
    /** In a replay: each camera's present still as read (null: none); a camera absent is still being read. */
    private final Map<String, Optional<Image>> stills = new HashMap<>();

    public VideoWidget(Placement placement) {
        this(placement, null);
    }

    /** {@code context} with a hub (and token): tiles play video; null or without a hub: names and states only. */
    public VideoWidget(Placement placement, WallContext context) {
        this(placement, context, context != null && context.hasHub() ? Libvlc.shared() : Libvlc.absent("no hub"));
    }

    VideoWidget(Placement placement, WallContext context, Libvlc vlc) {
        this.context = context;
        this.vlc = vlc;
        this.video = context != null && context.hasHub();
        this.grid = new VideoGrid(VideoGrid.Options.of(placement), a -> {
            if (context != null) {
                context.links().focus(a.at());
            }
        });
        this.split = grid.split();
        this.side = grid.options().side();

        Label title = new Label(I18n.t("video.title"));
        title.getStyleClass().add(Theme.PANEL_TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        groupLabel.getStyleClass().add(Theme.PANEL_CLOCK);
        groupLabel.setMinWidth(Region.USE_PREF_SIZE);
        pages.getStyleClass().add(Theme.PANEL_CLOCK);
        pages.setMinWidth(0);
        queued.getStyleClass().add(QUEUE);
        queued.setMinWidth(Region.USE_PREF_SIZE);
        queued.setVisible(false);
        HBox header = new HBox(title, groupLabel, pages, queued);
        header.getStyleClass().add(Theme.PANEL_HEADER);
        // said once under the grid, so that no tile can be read as playing when it does not
        notice = new Label(I18n.t(video ? "video.notice.live" : "video.notice"));
        notice.getStyleClass().add(NOTICE);
        notice.setMinWidth(0);
        HBox footer = new HBox(notice);
        footer.getStyleClass().add(FOOTER);

        tilePane.getStyleClass().add(GRID);
        for (int i = 0; i < side; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / side);
            cc.setHgrow(Priority.ALWAYS);
            tilePane.getColumnConstraints().add(cc);
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / side);
            rc.setVgrow(Priority.ALWAYS);
            tilePane.getRowConstraints().add(rc);
        }
        for (int i = 0; i < split; i++) {
            VideoTile tile = new VideoTile(video);
            tiles.add(tile);
            tilePane.add(tile, i % side, i / side);
            wire(tile, i);
        }
        empty.getStyleClass().add(EMPTY);
        empty.setWrapText(true);
        empty.setVisible(false);
        StackPane centre = new StackPane(tilePane, empty);
        StackPane.setAlignment(empty, Pos.CENTER);

        root.setTop(header);
        root.setCenter(centre);
        root.setBottom(footer);
        root.getStyleClass().addAll(Theme.PANEL, ROOT, "video-split-" + split);
        root.getStylesheets().add(Theme.stylesheet());
        showing = root.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
        if (video) {
            showing.addListener((o, was, is) -> syncStreams());
        }
        if (context != null) {
            context.links().onOpenCamera(this::open);
        }
        grid.show(Situation.empty(), Instant.EPOCH);
        draw();
    }

    /**
     * Double-click maximises, right-click pins or clears, a camera dropped on the tile (from the map, or dragged
     * from another tile) stays there.
     */
    private void wire(VideoTile tile, int index) {
        tile.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                grid.toggleMaximised(index);
                draw();
            }
        });
        tile.setOnContextMenuRequested(e -> {
            boolean pinned = grid.pinned(index);
            MenuItem pin = new MenuItem(I18n.t(pinned ? "video.unpin" : "video.pin"));
            pin.setOnAction(x -> pin(index, !pinned));
            MenuItem clear = new MenuItem(I18n.t("video.clear"));
            clear.setDisable(grid.chosen(index) == null);
            clear.setOnAction(x -> choose(index, null));
            new ContextMenu(pin, clear).show(tile, e.getScreenX(), e.getScreenY());
            e.consume(); // not the wall's own menu
        });
        tile.setOnDragDetected(e -> {
            if (tile.camera() != null) {
                Dragboard board = tile.startDragAndDrop(TransferMode.COPY);
                board.setContent(Map.of(WallLinks.CAMERA, tile.camera().id()));
                e.consume();
            }
        });
        tile.setOnDragOver(e -> {
            if (e.getDragboard().hasContent(WallLinks.CAMERA)) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
            }
            e.consume();
        });
        tile.setOnDragDropped(e -> {
            Object id = e.getDragboard().getContent(WallLinks.CAMERA);
            e.setDropCompleted(id instanceof String camera && choose(index, camera));
            e.consume();
        });
    }

    @Override
    public Node node() {
        return root;
    }

    /** Each pulse: the situation and the wall's clock go to the grid, and what it decided is drawn when it changed. */
    @Override
    public void show(WallFrame frame) {
        ReplaySource replay = context == null || context.links().replays() == null ? null
                : context.links().replays().replay();
        if ((replay != null) != replaying) {
            replaying = replay != null;
            stills.clear();
            notice.setText(I18n.t(replaying ? "video.notice.replay" : video ? "video.notice.live" : "video.notice"));
            if (!replaying) {
                tiles.forEach(t -> t.replay(null, null));
            }
            syncStreams(); // closes every stream in a replay, opens them again after
            draw();
        }
        if (frame.hasSituation() && grid.show(frame.situation(), frame.now())) {
            draw();
        }
        if (replaying) {
            String time = TIME.format(replay.time());
            for (VideoTile t : tiles) {
                t.replay(time, still(t.camera()));
            }
        }
    }

    /** The camera's present still, asked of the hub the first time (null: none, or not read yet). */
    private Image still(Camera c) {
        if (c == null) {
            return null;
        }
        Optional<Image> known = stills.get(c.id());
        if (known != null) {
            return known.orElse(null);
        }
        stills.put(c.id(), Optional.empty());
        if (video) {
            // the present camera, not the replay's: offline then, it may give a picture now
            Situation live = context.links().replays().live().latest();
            Camera now = live == null ? null : live.cameras().get(c.id());
            if (now != null) {
                CameraStill.of(now, context.source(), context.token()).thenAccept(img -> Platform.runLater(() -> {
                    if (img != null && replaying && stills.containsKey(c.id())) {
                        stills.put(c.id(), Optional.of(img));
                    }
                }));
            }
        }
        return null;
    }

    /** Puts {@code cameraId} on tile {@code index} until cleared (null clears it); false for an unknown camera. */
    boolean choose(int index, String cameraId) {
        boolean ok = grid.choose(index, cameraId);
        draw();
        return ok;
    }

    /** A camera opened from elsewhere on the wall: on the least important tile, or where it already is. */
    void open(String cameraId) {
        grid.open(cameraId);
        draw();
    }

    void pin(int index, boolean pinned) {
        grid.pin(index, pinned);
        draw();
    }

    /** One tile over the whole grid (null: the grid again); the others pause while hidden. */
    void maximise(VideoTile tile) {
        grid.maximise(tile == null ? -1 : tiles.indexOf(tile));
        draw();
    }

    /** The grid as decided: the maximised tile, each tile's camera, alarm and pin, the header; then the streams. */
    private void draw() {
        Situation s = grid.situation();
        if (grid.maximised() != laidOut) {
            layOut(grid.maximised());
        }
        List<Camera> members = grid.members();
        for (int i = 0; i < split; i++) {
            VideoTile t = tiles.get(i);
            if (t.pinned() != grid.pinned(i)) {
                t.pin(grid.pinned(i));
            }
            t.show(grid.camera(i), grid.alarm(i), s.time(), members.isEmpty());
        }
        String group = grid.options().group();
        groupLabel.setText(groupName(group, s));
        int tour = grid.options().tourSeconds();
        pages.setText(I18n.t("video.pages", members.size(), grid.page() + 1, grid.pageCount())
                + (tour > 0 ? " · " + I18n.t("video.tour", tour) : ""));
        int waiting = grid.queued();
        queued.setVisible(waiting > 0);
        queued.setText(waiting == 0 ? "" : I18n.t(grid.current() == null ? "video.queue.pinned" : "video.queue",
                waiting));
        boolean none = members.isEmpty();
        empty.setVisible(none && grid.current() == null && grid.noneChosen());
        empty.setText(!none ? "" : VideoGrid.UNITS.equals(group) ? I18n.t("video.empty.units")
                : s.cameras().isEmpty() ? I18n.t("common.noData") : I18n.t("video.empty.group", group));
        syncStreams();
    }

    /** One tile over the whole grid (-1: the grid); the others are hidden, and their streams pause. */
    private void layOut(int maximised) {
        laidOut = maximised;
        for (int i = 0; i < split; i++) {
            VideoTile t = tiles.get(i);
            if (maximised < 0) {
                GridPane.setConstraints(t, i % side, i / side, 1, 1);
                t.hide(false);
            } else if (i == maximised) {
                GridPane.setConstraints(t, 0, 0, side, side);
                t.hide(false);
            } else {
                t.hide(true);
            }
        }
    }

    private static String groupName(String group, Situation s) {
        switch (group) {
            case VideoGrid.KEY_POINTS:
            case VideoGrid.ALL:
            case VideoGrid.UNITS:
                return I18n.t("video.group." + group);
            default:
                Community c = s.communities().get(group);
                return c == null ? I18n.t("video.group.other", group) : c.name();
        }
    }

    private boolean live() {
        return context != null && context.hasHub() && Boolean.TRUE.equals(showing.getValue()) && !replaying;
    }

    /** Opens the streams of the tiles that show an online camera, closes the others; runs the pump while any. */
    private void syncStreams() {
        if (context == null || !context.hasHub()) {
            return;
        }
        boolean live = live();
        boolean any = false;
        for (VideoTile t : tiles) {
            String url = live ? urlOf(t.camera()) : null;
            t.play(url, url != null && url.startsWith(context.source()) ? context.token() : null, vlc);
            any |= t.playback() != null;
        }
        if (any && !pumping) {
            pumping = true;
            pump.start();
        } else if (!any && pumping) {
            pumping = false;
            pump.stop();
        }
    }

    /** Each pulse: every shown tile takes its newest frame, if one arrived, and its state. */
    private void pump() {
        if (!live()) {
            syncStreams(); // closes them all, stops the pump
            return;
        }
        for (VideoTile t : tiles) {
            if (t.isVisible()) {
                t.pump();
            }
        }
    }

    /**
     * The stream to play for a camera: its streamUrl, relative to the hub unless absolute; an rtsp:// camera
     * through the hub's relay (Debian's libvlc cannot open RTSP); null for none.
     */
    String urlOf(Camera c) {
        return streamUrl(c, context.source());
    }

    /** {@link #urlOf} for a hub at {@code source}: every widget that reads a camera goes the same way. */
    public static String streamUrl(Camera c, String source) {
        if (c == null || !c.online() || c.streamUrl() == null || c.streamUrl().isBlank()) {
            return null;
        }
        String u = c.streamUrl();
        String base = source.endsWith("/") ? source.substring(0, source.length() - 1) : source;
        if (u.startsWith("rtsp://") && !RTSP_DIRECT) {
            return base + "/video/relay/" + URLEncoder.encode(c.id(), StandardCharsets.UTF_8);
        }
        if (u.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
            return u;
        }
        return base + (u.startsWith("/") ? u : "/" + u);
    }

    /** Closes every stream (the wall closes; tests). */
    public void closeStreams() {
        for (VideoTile t : tiles) {
            t.play(null, null, vlc);
        }
        if (pumping) {
            pumping = false;
            pump.stop();
        }
    }

    /** The cameras shown, tile by tile (null for a vacant tile). */
    public List<String> cameraIds() {
        return grid.cameraIds();
    }

    /**
     * Frames of all tiles so far: {handed over by the decoders, shown, dropped by the decoders as late}
     * (benchmarks).
     */
    public long[] frames() {
        long decoded = 0;
        long shownFrames = 0;
        long late = 0;
        for (VideoTile t : tiles) {
            if (t.playback() != null) {
                decoded += t.playback().decoded();
                shownFrames += t.playback().shown();
                late += t.playback().late();
            }
        }
        return new long[] {decoded, shownFrames, late};
    }

    /**
     * The alarm shown now, its camera, and when (nanoTime) its first frame reached the tile (0: not yet):
     * null when no alarm is shown (benchmarks).
     */
    public AlarmShown alarmShown() {
        VideoAlarm current = grid.current();
        if (current == null) {
            return null;
        }
        VideoTile t = tiles.get(grid.currentTile());
        return new AlarmShown(current.id(), current.cameraId(), t.alarmFrameNanos());
    }

    public record AlarmShown(String alarmId, String cameraId, long firstFrameNanos) {
    }

    /** Why libvlc cannot play here, or null when it can. */
    public static String libvlcMissing() {
        return Libvlc.shared().missing();
    }

    /** Starts finding libvlc off the FX thread, before the first video widget needs it. */
    public static void prepare() {
        Libvlc.discoverInBackground();
    }

    List<VideoTile> tiles() {
        return tiles;
    }

    /** The decisions this widget draws (tests). */
    VideoGrid grid() {
        return grid;
    }
}

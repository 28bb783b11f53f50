package org.shanzhi.cockpit.wall.video;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
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

import org.pcollections.PMap;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Kpi.VideoAlarm;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.WallLinks;
import org.shanzhi.cockpit.wall.Widget;
import org.shanzhi.cockpit.wall.layout.Placement;

/**
 * The video screen's grid of 1, 4, 9 or 16 {@link VideoTile}s. Options: {@code split}, {@code group}
 * ({@code key-points}: the AI cameras; {@code all}; or a community code), {@code tourSeconds} (轮巡: the next page
 * of the group every so many seconds of situation time), {@code alarmTile} (the tile alarms go to, from 0; -1: the
 * least important one, the last that is neither pinned nor chosen by hand) and {@code alarmSeconds} (how long of
 * situation time an alarm stays up, unless it is cleared sooner).
 * <p>
 * New AI alerts and sensor alarms ({@link Kpi#newVideoAlarms}) queue for the alarm tile, one after another; the
 * one shown centres the wall's maps on its place. A camera dropped on a tile, or opened from the map, stays there
 * until cleared; a pinned tile is never taken by alarms; a double-click maximises a tile and pauses the hidden ones.
 * With a hub in the {@link WallContext} tiles play their camera's stream ({@link Playback}): a pump of its own applies
 * each playing tile's newest frame at most once per pulse (pixels only, while any tile plays; the situation comes
 * with the wall's frame), and a widget no longer on a showing window closes them.
 */
public final class VideoWidget implements Widget {

    static final String ROOT = "video";
    static final String GRID = "video-grid";
    static final String NOTICE = "video-notice";
    static final String FOOTER = "video-footer";
    static final String EMPTY = "video-empty";
    static final String QUEUE = "video-queue";

    public static final String KEY_POINTS = "key-points";
    public static final String ALL = "all";
    public static final String UNITS = "units";
    /** Alarms waiting beyond this many are dropped, oldest first: a storm must not bury the wall for hours. */
    static final int MAX_QUEUED = 50;
    /** How many alarm ids are remembered so that one is never queued twice. */
    private static final int SEEN = 10_000;
    /** {@code -Dshanzhi.rtsp=direct}: libvlc plays rtsp:// itself (builds with live555), not through the hub. */
    static final boolean RTSP_DIRECT = "direct".equals(System.getProperty("shanzhi.rtsp"));

    private final int split;
    private final int side;
    private final String group;
    private final int tourSeconds;
    private final int alarmTile;
    private final int alarmSeconds;

    private final BorderPane root = new BorderPane();
    private final Label groupLabel = new Label();
    private final Label pages = new Label();
    private final Label queued = new Label();
    private final Label empty = new Label();
    private final GridPane grid = new GridPane();
    private final List<VideoTile> tiles = new ArrayList<>();
    /** The camera chosen by hand for each tile (dropped, or opened from the map); null: the tour's. */
    private final String[] chosen;
    private final WallContext context;
    private final Libvlc vlc;
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pump();
        }
    };
    private boolean pumping;
    /** Whether the widget is on a showing window: streams open and close with it. */
    private final ObservableValue<Boolean> showing;

    private Situation last = Situation.empty();
    private PMap<String, Camera> camerasOf;
    private List<Camera> members = List.of();
    private Instant tourStart;
    private int page;
    private final Deque<VideoAlarm> queue = new ArrayDeque<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private VideoAlarm current;
    private Instant currentUntil;
    private int currentTile = -1;
    private VideoTile maximised;

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
        boolean video = context != null && context.hasHub();
        int s = placement == null ? 4 : placement.options().path("split").asInt(4);
        this.split = s == 1 || s == 4 || s == 9 || s == 16 ? s : 4;
        this.side = (int) Math.round(Math.sqrt(split));
        String g = placement == null ? KEY_POINTS : placement.options().path("group").asText(KEY_POINTS);
        this.group = g.isBlank() ? KEY_POINTS : g;
        int t = placement == null ? 0 : placement.options().path("tourSeconds").asInt(0);
        this.tourSeconds = t <= 0 ? 0 : Math.max(5, t);
        int a = placement == null ? 0 : placement.options().path("alarmTile").asInt(0);
        this.alarmTile = a < 0 || a >= split ? -1 : a;
        int secs = placement == null ? 60 : placement.options().path("alarmSeconds").asInt(60);
        this.alarmSeconds = Math.max(5, secs);
        this.chosen = new String[split];

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
        Label notice = new Label(I18n.t(video ? "video.notice.live" : "video.notice"));
        notice.getStyleClass().add(NOTICE);
        notice.setMinWidth(0);
        HBox footer = new HBox(notice);
        footer.getStyleClass().add(FOOTER);

        grid.getStyleClass().add(GRID);
        for (int i = 0; i < side; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / side);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / side);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        for (int i = 0; i < split; i++) {
            VideoTile tile = new VideoTile(video);
            tiles.add(tile);
            grid.add(tile, i % side, i / side);
            wire(tile, i);
        }
        empty.getStyleClass().add(EMPTY);
        empty.setWrapText(true);
        empty.setVisible(false);
        StackPane centre = new StackPane(grid, empty);
        StackPane.setAlignment(empty, Pos.CENTER);

        root.setTop(header);
        root.setCenter(centre);
        root.setBottom(footer);
        root.getStyleClass().addAll(Theme.PANEL, ROOT, "video-split-" + split);
        root.getStylesheets().add(Theme.stylesheet());
        showing = root.sceneProperty().flatMap(javafx.scene.Scene::windowProperty)
                .flatMap(javafx.stage.Window::showingProperty).orElse(false);
        if (video) {
            showing.addListener((o, was, is) -> syncStreams());
        }
        if (context != null) {
            context.links().onOpenCamera(this::open);
        }
        show(Situation.empty());
    }

    /**
     * Double-click maximises, right-click pins or clears, a camera dropped on the tile (from the map, or dragged
     * from another tile) stays there.
     */
    private void wire(VideoTile tile, int index) {
        tile.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                maximise(maximised == tile ? null : tile);
            }
        });
        tile.setOnContextMenuRequested(e -> {
            MenuItem pin = new MenuItem(I18n.t(tile.pinned() ? "video.unpin" : "video.pin"));
            pin.setOnAction(x -> pin(index, !tile.pinned()));
            MenuItem clear = new MenuItem(I18n.t("video.clear"));
            clear.setDisable(chosen[index] == null);
            clear.setOnAction(x -> choose(index, null));
            new ContextMenu(pin, clear).show(tile, e.getScreenX(), e.getScreenY());
            e.consume(); // not the wall's own menu
        });
        tile.setOnDragDetected(e -> {
            if (tile.camera() != null) {
                javafx.scene.input.Dragboard board = tile.startDragAndDrop(TransferMode.COPY);
                board.setContent(java.util.Map.of(WallLinks.CAMERA, tile.camera().id()));
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
            boolean ok = id instanceof String && last.cameras().containsKey(id);
            if (ok) {
                choose(index, (String) id);
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    @Override
    public Node node() {
        return root;
    }

    /** Each pulse: a new situation is placed on the tiles. */
    @Override
    public void show(WallFrame frame) {
        if (frame.hasSituation()) {
            show(frame.situation());
        }
    }

    private void show(Situation s) {
        if (s == null || (s == last && camerasOf != null)) {
            return;
        }
        Situation before = last;
        last = s;
        if (s.cameras() != camerasOf) {
            camerasOf = s.cameras();
            members = members(s);
        }
        groupLabel.setText(groupName(s));
        takeAlarms(before, s);

        int pageCount = Math.max(1, (members.size() + split - 1) / split);
        page = tourPage(s.time(), pageCount);
        pages.setText(I18n.t("video.pages", members.size(), page + 1, pageCount)
                + (tourSeconds > 0 ? " · " + I18n.t("video.tour", tourSeconds) : ""));
        placeCameras(s);

        boolean none = members.isEmpty();
        empty.setVisible(none && current == null && java.util.Arrays.stream(chosen).allMatch(c -> c == null));
        empty.setText(!none ? "" : UNITS.equals(group) ? I18n.t("video.empty.units")
                : s.cameras().isEmpty() ? I18n.t("common.noData") : I18n.t("video.empty.group", group));
    }

    /** Queues the new alarms, ends the one shown when it is cleared or its time is up, and brings up the next. */
    private void takeAlarms(Situation before, Situation s) {
        for (VideoAlarm a : Kpi.newVideoAlarms(before, s)) {
            boolean recent = a.raisedAt() == null
                    || !a.raisedAt().isBefore(s.time().minusSeconds(alarmSeconds));
            if (recent && seen.add(a.id())) {
                queue.addLast(a);
            }
        }
        while (seen.size() > SEEN) {
            seen.remove(seen.iterator().next());
        }
        while (queue.size() > MAX_QUEUED) {
            queue.removeFirst();
        }
        queue.removeIf(a -> !a.standsIn(s));
        if (current != null && (!current.standsIn(s) || !s.time().isBefore(currentUntil))) {
            current = null;
            currentTile = -1;
        }
        if (current == null && !queue.isEmpty()) {
            int tile = alarmTileIndex();
            if (tile >= 0) {
                current = queue.removeFirst();
                currentTile = tile;
                currentUntil = s.time().plusSeconds(alarmSeconds);
                if (maximised != null && maximised != tiles.get(tile)) {
                    maximise(null); // the alarm's tile must be seen: the grid comes back
                }
                if (context != null) {
                    context.links().focus(current.at());
                }
            }
        }
        queued.setVisible(!queue.isEmpty());
        queued.setText(queue.isEmpty() ? "" : I18n.t(current == null ? "video.queue.pinned" : "video.queue",
                queue.size()));
    }

    /** The layout's alarm tile if it is free to take, else the least important one; -1 when all are pinned. */
    private int alarmTileIndex() {
        if (alarmTile >= 0 && !tiles.get(alarmTile).pinned()) {
            return alarmTile;
        }
        for (int i = split - 1; i >= 0; i--) {
            if (!tiles.get(i).pinned() && chosen[i] == null) {
                return i;
            }
        }
        for (int i = split - 1; i >= 0; i--) {
            if (!tiles.get(i).pinned()) {
                return i;
            }
        }
        return -1;
    }

    /** The alarm on its tile, the cameras chosen by hand on theirs, the tour's page in the rest. */
    private void placeCameras(Situation s) {
        Camera[] shown = new Camera[split];
        Set<String> taken = new HashSet<>();
        if (current != null) {
            shown[currentTile] = s.cameras().get(current.cameraId());
            taken.add(current.cameraId());
        }
        for (int i = 0; i < split; i++) {
            if (i != currentTile && chosen[i] != null && s.cameras().containsKey(chosen[i])
                    && taken.add(chosen[i])) { // a camera is on one tile only: one stream each
                shown[i] = s.cameras().get(chosen[i]);
            }
        }
        int next = page * split;
        for (int i = 0; i < split; i++) {
            if (shown[i] != null || (i == currentTile) || chosen[i] != null) {
                continue;
            }
            while (next < members.size() && next < (page + 1) * split && taken.contains(members.get(next).id())) {
                next++;
            }
            if (next < members.size() && next < (page + 1) * split) {
                shown[i] = members.get(next++);
            }
        }
        for (int i = 0; i < split; i++) {
            tiles.get(i).show(shown[i], i == currentTile ? current : null, s.time(), members.isEmpty());
        }
        syncStreams();
    }

    /** Puts {@code cameraId} on tile {@code index} until cleared (null clears it: the tour's camera again). */
    void choose(int index, String cameraId) {
        chosen[index] = cameraId;
        placeCameras(last);
    }

    /** A camera opened from elsewhere on the wall: on the least important tile, or where it already is. */
    void open(String cameraId) {
        if (!last.cameras().containsKey(cameraId) || current != null && cameraId.equals(current.cameraId())) {
            return;
        }
        for (int i = 0; i < split; i++) {
            if (cameraId.equals(chosen[i])) {
                return;
            }
        }
        for (int i = split - 1; i >= 0; i--) {
            if (!tiles.get(i).pinned() && i != currentTile && chosen[i] == null) {
                choose(i, cameraId);
                return;
            }
        }
        for (int i = split - 1; i >= 0; i--) {
            if (!tiles.get(i).pinned() && i != currentTile) {
                choose(i, cameraId);
                return;
            }
        }
    }

    void pin(int index, boolean pinned) {
        tiles.get(index).pin(pinned);
        if (pinned && index == currentTile) {
            // the operator keeps this picture: the alarm moves to another tile
            VideoAlarm a = current;
            current = null;
            currentTile = -1;
            if (a != null) {
                queue.addFirst(a);
            }
        }
        if (current == null) {
            takeAlarms(last, last); // a tile freed, or the alarm moved: the waiting alarm may come up
        }
        placeCameras(last);
    }

    /** One tile over the whole grid (null: the grid again); the others pause while hidden. */
    void maximise(VideoTile tile) {
        maximised = tile;
        for (int i = 0; i < split; i++) {
            VideoTile t = tiles.get(i);
            if (tile == null) {
                GridPane.setConstraints(t, i % side, i / side, 1, 1);
                t.hide(false);
            } else if (t == tile) {
                GridPane.setConstraints(t, 0, 0, side, side);
                t.hide(false);
            } else {
                t.hide(true);
            }
        }
    }

    private boolean live() {
        return context != null && context.hasHub() && Boolean.TRUE.equals(showing.getValue());
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
        if (c == null || !c.online() || c.streamUrl() == null || c.streamUrl().isBlank()) {
            return null;
        }
        String u = c.streamUrl();
        String base = context.source().endsWith("/") ? context.source().substring(0, context.source().length() - 1)
                : context.source();
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

    /** The page of the tour at {@code now}: one page further every {@code tourSeconds} after the first picture. */
    private int tourPage(Instant now, int pageCount) {
        if (tourSeconds == 0 || pageCount == 1 || now.equals(Situation.EPOCH)) {
            return 0;
        }
        if (tourStart == null || now.isBefore(tourStart)) {
            tourStart = now; // a replay that goes back starts the tour again
        }
        long steps = Duration.between(tourStart, now).getSeconds() / tourSeconds;
        return (int) (steps % pageCount);
    }

    private List<Camera> members(Situation s) {
        List<Camera> out = new ArrayList<>();
        for (Camera c : s.cameras().values()) {
            boolean in = switch (group) {
                case KEY_POINTS -> c.ai();
                case ALL -> true;
                default -> group.equals(c.communityCode());
            };
            if (in) {
                out.add(c);
            }
        }
        return out;
    }

    private String groupName(Situation s) {
        switch (group) {
            case KEY_POINTS:
            case ALL:
            case UNITS:
                return I18n.t("video.group." + group);
            default:
                Community c = s.communities().get(group);
                return c == null ? I18n.t("video.group.other", group) : c.name();
        }
    }

    /** The cameras shown, tile by tile (null for a vacant tile). */
    public List<String> cameraIds() {
        List<String> out = new ArrayList<>();
        for (VideoTile t : tiles) {
            out.add(t.camera() == null ? null : t.camera().id());
        }
        return out;
    }

    /** Frames decoded and shown by all tiles so far: {decoded, shown} (benchmarks). */
    public long[] frames() {
        long decoded = 0;
        long shownFrames = 0;
        for (VideoTile t : tiles) {
            if (t.playback() != null) {
                decoded += t.playback().decoded();
                shownFrames += t.playback().shown();
            }
        }
        return new long[] {decoded, shownFrames};
    }

    /**
     * The alarm shown now, its camera, and when (nanoTime) its first frame reached the tile (0: not yet):
     * null when no alarm is shown (benchmarks).
     */
    public AlarmShown alarmShown() {
        if (current == null) {
            return null;
        }
        VideoTile t = tiles.get(currentTile);
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

    int page() {
        return page;
    }

    int queuedAlarms() {
        return queue.size();
    }
}

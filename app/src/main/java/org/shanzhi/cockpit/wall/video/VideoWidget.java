package org.shanzhi.cockpit.wall.video;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.pcollections.PMap;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.Widget;
import org.shanzhi.cockpit.wall.layout.Placement;

/**
 * The video screen's grid of 1, 4, 9 or 16 tiles, without playback yet: each tile names its camera (name, id, AI
 * badge) and says plainly whether it is online; no tile pretends to play. Options: {@code split}, {@code group}
 * ({@code key-points}: the AI cameras; {@code all}; or a community code) and {@code tourSeconds} (轮巡: the next
 * page of the group every so many seconds of situation time, advanced by {@link #show}, no timer of its own). The
 * newest AI alert still waiting for review on a camera of the group puts that camera in the first tile.
 * With a hub in the {@link WallContext}, online tiles play their camera's {@code streamUrl} (MJPEG, read by
 * {@link MjpegStream}); a pump applies each tile's newest frame at most once per pulse, and tiles that show no
 * online camera, or a widget no longer on a showing window, close their streams.
 */
public final class VideoWidget implements Widget {

    static final String ROOT = "video";
    static final String GRID = "video-grid";
    static final String TILE = "video-tile";
    static final String TILE_ALARM = "video-tile-alarm";
    static final String TILE_VACANT = "video-tile-vacant";
    static final String NAME = "video-name";
    static final String ID = "video-id";
    static final String BADGE = "video-ai";
    static final String STATE = "video-state";
    static final String ALARM = "video-alarm";
    static final String NOTICE = "video-notice";
    static final String FOOTER = "video-footer";
    static final String EMPTY = "video-empty";

    public static final String KEY_POINTS = "key-points";
    public static final String ALL = "all";
    public static final String UNITS = "units";

    private final int split;
    private final int side;
    private final String group;
    private final int tourSeconds;

    private final BorderPane root = new BorderPane();
    private final Label groupLabel = new Label();
    private final Label pages = new Label();
    private final Label empty = new Label();
    private final GridPane grid = new GridPane();
    private final List<Tile> tiles = new ArrayList<>();
    private final WallContext context;
    private final AnimationTimer pump = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pump();
        }
    };
    private boolean pumping;
    /** Whether the widget is on a showing window: streams open and close with it. */
    private final javafx.beans.value.ObservableValue<Boolean> showing;

    private Situation last;
    private PMap<String, Camera> camerasOf;
    private List<Camera> members = List.of();
    private Set<String> memberIds = Set.of();
    private Instant tourStart;
    private int page;

    public VideoWidget(Placement placement) {
        this(placement, null);
    }

    /** {@code context} with a hub (and token): tiles play video; null or without a hub: names and states only. */
    public VideoWidget(Placement placement, WallContext context) {
        this.context = context != null && context.hasHub() ? context : null;
        int s = placement == null ? 4 : placement.options().path("split").asInt(4);
        this.split = s == 1 || s == 4 || s == 9 || s == 16 ? s : 4;
        this.side = (int) Math.round(Math.sqrt(split));
        String g = placement == null ? KEY_POINTS : placement.options().path("group").asText(KEY_POINTS);
        this.group = g.isBlank() ? KEY_POINTS : g;
        int t = placement == null ? 0 : placement.options().path("tourSeconds").asInt(0);
        this.tourSeconds = t <= 0 ? 0 : Math.max(5, t);

        Label title = new Label(I18n.t("video.title"));
        title.getStyleClass().add(Theme.PANEL_TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        groupLabel.getStyleClass().add(Theme.PANEL_CLOCK);
        groupLabel.setMinWidth(Region.USE_PREF_SIZE);
        pages.getStyleClass().add(Theme.PANEL_CLOCK);
        pages.setMinWidth(0);
        HBox header = new HBox(title, groupLabel, pages);
        header.getStyleClass().add(Theme.PANEL_HEADER);
        // said once under the grid, so that no tile can be read as playing
        Label notice = new Label(I18n.t(this.context != null ? "video.notice.live" : "video.notice"));
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
            Tile tile = new Tile(this.context != null);
            tiles.add(tile);
            grid.add(tile, i % side, i / side);
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
        if (this.context != null) {
            showing.addListener((o, was, is) -> syncStreams());
        }
        show(Situation.empty());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void show(Situation s) {
        if (s == null || s == last) {
            return;
        }
        last = s;
        if (s.cameras() != camerasOf) {
            camerasOf = s.cameras();
            members = members(s);
            memberIds = Set.copyOf(members.stream().map(Camera::id).toList());
        }
        groupLabel.setText(groupName(s));

        int pageCount = Math.max(1, (members.size() + split - 1) / split);
        page = tourPage(s.time(), pageCount);
        List<Camera> onPage = members.subList(Math.min(members.size(), page * split),
                Math.min(members.size(), (page + 1) * split));
        pages.setText(I18n.t("video.pages", members.size(), page + 1, pageCount)
                + (tourSeconds > 0 ? " · " + I18n.t("video.tour", tourSeconds) : ""));

        AiAlert alarm = null;
        for (AiAlert a : Kpi.pendingAlerts(s)) {
            if (memberIds.contains(a.cameraId())) {
                alarm = a;
                break;
            }
        }
        List<Camera> shown = new ArrayList<>(split);
        if (alarm != null) {
            shown.add(s.cameras().get(alarm.cameraId()));
        }
        for (Camera c : onPage) {
            if (shown.size() < split && (alarm == null || !c.id().equals(alarm.cameraId()))) {
                shown.add(c);
            }
        }
        for (int i = 0; i < split; i++) {
            Camera c = i < shown.size() ? shown.get(i) : null;
            tiles.get(i).show(c, i == 0 && alarm != null ? alarm : null, s.time(), members.isEmpty());
        }

        syncStreams();

        boolean none = members.isEmpty();
        empty.setVisible(none);
        empty.setText(!none ? "" : UNITS.equals(group) ? I18n.t("video.empty.units")
                : s.cameras().isEmpty() ? I18n.t("common.noData") : I18n.t("video.empty.group", group));
    }

    private boolean live() {
        return context != null && Boolean.TRUE.equals(showing.getValue());
    }

    /** Opens the streams of the tiles that show an online camera, closes the others; runs the pump while any. */
    private void syncStreams() {
        if (context == null) {
            return;
        }
        boolean live = live();
        boolean any = false;
        for (Tile t : tiles) {
            t.sync(live ? urlOf(t.camera) : null, context.source(), context.token());
            any |= t.stream != null;
        }
        if (any && !pumping) {
            pumping = true;
            pump.start();
        } else if (!any && pumping) {
            pumping = false;
            pump.stop();
        }
    }

    /** Each pulse: every playing tile shows its newest frame, if a new one arrived, and its state. */
    private void pump() {
        if (!live()) {
            syncStreams(); // closes them all, stops the pump
            return;
        }
        for (Tile t : tiles) {
            t.pump();
        }
    }

    /** The stream to play for a camera: its streamUrl, relative to the hub unless absolute; null for none. */
    private String urlOf(Camera c) {
        if (c == null || !c.online() || c.streamUrl() == null || c.streamUrl().isBlank()) {
            return null;
        }
        String u = c.streamUrl();
        if (u.startsWith("http://") || u.startsWith("https://")) {
            return u;
        }
        String base = context.source().endsWith("/") ? context.source().substring(0, context.source().length() - 1)
                : context.source();
        return base + (u.startsWith("/") ? u : "/" + u);
    }

    /** Closes every stream (the wall closes; tests). */
    public void closeStreams() {
        for (Tile t : tiles) {
            t.sync(null, null, null);
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
        for (Tile t : tiles) {
            out.add(t.camera == null ? null : t.camera.id());
        }
        return out;
    }

    List<Tile> tiles() {
        return tiles;
    }

    int page() {
        return page;
    }

    /** One tile: its camera's picture when it plays, else plainly what it would play and its state. */
    static final class Tile extends StackPane {
        final ImageView picture = new ImageView();
        private final boolean video;
        MjpegStream stream;
        private MjpegStream.State shownState;
        final Label alarm = new Label();
        final Label name = new Label();
        final Label id = new Label();
        final Label ai = new Label(I18n.t("video.ai"));
        final Label state = new Label();
        private Camera camera;
        private AiAlert alert;
        private String alarmSince;
        private boolean drawn;
        private boolean blank;

        Tile(boolean video) {
            this.video = video;
            picture.setManaged(false);
            picture.setPreserveRatio(true);
            picture.setSmooth(true);
            picture.setVisible(false);
            for (Label l : List.of(alarm, name, id, state)) {
                l.setMinWidth(0);
                l.setMaxWidth(Double.MAX_VALUE);
            }
            alarm.getStyleClass().add(ALARM);
            name.getStyleClass().add(NAME);
            id.getStyleClass().add(ID);
            ai.getStyleClass().add(BADGE);
            ai.setMinWidth(Region.USE_PREF_SIZE);
            state.getStyleClass().add(STATE);
            state.setWrapText(true);
            state.setAlignment(Pos.CENTER);
            HBox idLine = new HBox(6, id, ai);
            idLine.setAlignment(Pos.CENTER_LEFT);
            VBox top = new VBox(2, alarm, name, idLine);
            StackPane.setAlignment(top, Pos.TOP_LEFT);
            StackPane.setAlignment(state, Pos.CENTER);
            getChildren().addAll(picture, state, top);
            getStyleClass().add(TILE);
            setMinSize(0, 0);
            setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        }

        /** Shows a camera (null: vacant; blank when the group has none at all) and its pending alert, if any. */
        void show(Camera c, AiAlert a, Instant now, boolean groupEmpty) {
            String since = a == null ? null : Formats.when(a.raisedAt(), now);
            if (drawn && c == camera && a == alert && Objects.equals(since, alarmSince) && groupEmpty == blank) {
                return;
            }
            drawn = true;
            blank = groupEmpty;
            camera = c;
            alert = a;
            alarmSince = since;
            getStyleClass().removeAll(TILE_ALARM, TILE_VACANT);
            if (c == null) {
                getStyleClass().add(TILE_VACANT);
                name.setText("");
                id.setText("");
                ai.setVisible(false);
                state.setText(groupEmpty ? "" : I18n.t("video.vacant"));
                Theme.setState(state, Theme.STALE);
                alarm.setVisible(false);
                alarm.setManaged(false);
                return;
            }
            name.setText(c.name());
            id.setText(c.id());
            ai.setVisible(c.ai());
            state.setText(video && c.online() ? stateText(stream == null ? null : stream.state())
                    : I18n.t(c.online() ? "video.online" : "video.offline"));
            Theme.setState(state, c.online() ? null : Theme.CRITICAL);
            boolean alarmed = a != null;
            if (alarmed) {
                getStyleClass().add(TILE_ALARM);
                alarm.setText(I18n.t("video.alarm", a.kind(), a.confidence() * 100) + "\n"
                        + I18n.t("video.alarm.since", since));
            }
            alarm.setVisible(alarmed);
            alarm.setManaged(alarmed);
        }

        Camera camera() {
            return camera;
        }

        /** Plays {@code url} (null: nothing); the token goes only to the hub's own URLs. */
        void sync(String url, String hub, String token) {
            if (stream != null && stream.url().equals(url)) {
                return;
            }
            if (stream != null) {
                stream.close();
                stream = null;
                picture.setImage(null);
                picture.setVisible(false);
            }
            shownState = null;
            if (url != null) {
                stream = new MjpegStream(url, hub != null && url.startsWith(hub) ? token : null);
                pump();
            }
        }

        void pump() {
            if (stream == null) {
                return;
            }
            Image frame = stream.take();
            if (frame != null) {
                Image was = picture.getImage();
                picture.setImage(frame);
                if (was == null || was.getWidth() != frame.getWidth() || was.getHeight() != frame.getHeight()) {
                    requestLayout();
                }
                picture.setVisible(true);
            }
            MjpegStream.State s = stream.state();
            if (s != shownState) {
                shownState = s;
                if (s == MjpegStream.State.FAILED) {
                    picture.setVisible(false);
                }
                state.setText(stateText(s));
                Theme.setState(state, s == MjpegStream.State.FAILED ? Theme.WARNING : null);
            }
        }

        private static String stateText(MjpegStream.State s) {
            return s == null || s == MjpegStream.State.CONNECTING ? I18n.t("video.connecting")
                    : s == MjpegStream.State.FAILED ? I18n.t("video.noSignal") : "";
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            double w = getWidth();
            double h = getHeight();
            picture.setFitWidth(w);
            picture.setFitHeight(h);
            Image img = picture.getImage();
            if (img != null && img.getWidth() > 0 && img.getHeight() > 0) {
                double scale = Math.min(w / img.getWidth(), h / img.getHeight());
                picture.relocate((w - img.getWidth() * scale) / 2, (h - img.getHeight() * scale) / 2);
            } else {
                picture.relocate(0, 0);
            }
        }
    }
}

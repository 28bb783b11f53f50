package org.shanzhi.cockpit.wall.video;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Sensor;
import org.shanzhi.cockpit.domain.VideoAlarms.VideoAlarm;
import org.shanzhi.cockpit.domain.VideoAlarms;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

/**
 * One tile of the video grid: its camera's picture when it plays, its name, and always what state it is in
 * (connecting, no signal since T and when it tries again, stalled, no player installed, offline). A tile with an
 * alarm is framed in the alarm colour and draws the AI boxes over the picture. A pinned tile is never taken by
 * alarms. In a replay it plays nothing: the hub keeps no recorded video, so it shows the camera's present still, if
 * any, marked 无录像 with the replay's time, never as the picture of the replay's moment.
 */
final class VideoTile extends StackPane {

    static final String TILE = "video-tile";
    static final String TILE_ALARM = "video-tile-alarm";
    static final String TILE_VACANT = "video-tile-vacant";
    static final String TILE_PINNED = "video-tile-pinned";
    static final String NAME = "video-name";
    static final String ID = "video-id";
    static final String BADGE = "video-ai";
    static final String PIN = "video-pin";
    static final String STATE = "video-state";
    static final String ALARM = "video-alarm";
    /** The aspect of a tile's picture until its stream says otherwise. */
    private static final double ASPECT = 16.0 / 9.0;

    final ImageView picture = new ImageView();
    final Canvas boxes = new Canvas();
    final Label alarm = new Label();
    final Label name = new Label();
    final Label id = new Label();
    final Label ai = new Label(I18n.t("video.ai"));
    final Label pin = new Label(I18n.t("video.pinned"));
    final Label state = new Label();
    /** The alarm, the camera's name and its id, over the picture's top. */
    private final VBox top = new VBox(2);

    private final boolean video;
    private Playback playback;
    private Camera camera;
    private VideoAlarm shownAlarm;
    private String alarmSince;
    private boolean drawn;
    private boolean blank;
    private boolean pinned;
    private String stateText;
    /** Whether the alarm on this tile still waits for its camera's first frame. */
    private boolean alarmAwaitingFrame;
    /** When (nanoTime) the alarm on this tile showed its camera's first frame; 0 while it has not. */
    private long alarmFrameNanos;
    /** The picture's width / height (16:9 until a stream says otherwise). */
    private double aspect = ASPECT;
    /** In a replay, its time as shown on the tile; null while live. */
    private String replayTime;
    /** In a replay, the camera's present still (null: none). */
    private Image still;

    VideoTile(boolean video) {
        this.video = video;
        picture.setManaged(false);
        picture.setPreserveRatio(false); // the tile fits the picture's own aspect: see Playback.aspect()
        picture.setSmooth(false);
        picture.setVisible(false);
        boxes.setManaged(false);
        boxes.setMouseTransparent(true);
        for (Label l : List.of(alarm, name, id, state)) {
            l.setMinWidth(0);
            l.setMaxWidth(Double.MAX_VALUE);
        }
        alarm.getStyleClass().add(ALARM);
        alarm.setWrapText(true);
        name.getStyleClass().add(NAME);
        id.getStyleClass().add(ID);
        ai.getStyleClass().add(BADGE);
        ai.setMinWidth(Region.USE_PREF_SIZE);
        pin.getStyleClass().add(PIN);
        pin.setMinWidth(Region.USE_PREF_SIZE);
        pin.setVisible(false);
        state.getStyleClass().add(STATE);
        state.setWrapText(true);
        state.setAlignment(Pos.CENTER);
        HBox idLine = new HBox(6, id, ai, pin);
        idLine.setAlignment(Pos.CENTER_LEFT);
        top.getChildren().addAll(alarm, name, idLine);
        top.setMouseTransparent(true);
        StackPane.setAlignment(top, Pos.TOP_LEFT);
        StackPane.setAlignment(state, Pos.CENTER);
        getChildren().addAll(picture, boxes, state, top);
        getStyleClass().add(TILE);
        setMinSize(0, 0);
        setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
    }

    /** Shows a camera (null: vacant; blank when the group has none at all) and the alarm on it, if any. */
    void show(Camera c, VideoAlarm a, Instant now, boolean groupEmpty) {
        String since = a == null ? null : Formats.when(a.raisedAt(), now);
        if (drawn && c == camera && a == shownAlarm && Objects.equals(since, alarmSince) && groupEmpty == blank) {
            return;
        }
        if (a != shownAlarm) {
            alarmAwaitingFrame = a != null;
            alarmFrameNanos = 0;
        }
        drawn = true;
        blank = groupEmpty;
        camera = c;
        shownAlarm = a;
        alarmSince = since;
        getStyleClass().removeAll(TILE_ALARM, TILE_VACANT);
        boolean alarmed = a != null && c != null;
        alarm.setVisible(alarmed);
        alarm.setManaged(alarmed);
        if (c == null) {
            getStyleClass().add(TILE_VACANT);
            name.setText("");
            id.setText("");
            ai.setVisible(false);
            setState(groupEmpty ? "" : I18n.t("video.vacant"), Theme.STALE);
            drawBoxes();
            return;
        }
        name.setText(c.name());
        id.setText(c.id());
        ai.setVisible(c.ai());
        if (replayTime != null) {
            showReplay();
        } else if (!c.online()) {
            setState(I18n.t("video.offline"), Theme.CRITICAL);
        } else if (!video) {
            setState(I18n.t("video.online"), null);
        } else {
            showStatus();
        }
        if (alarmed) {
            getStyleClass().add(TILE_ALARM);
            alarm.setText(alarmText(a) + "\n" + I18n.t(a.alert() != null ? "video.alarm.since" : "video.alarm.at", since));
        }
        drawBoxes();
    }

    /**
     * In a replay at {@code time} (null: live again), with the camera's present still (null: none). The caller has
     * closed the tile's stream first.
     */
    void replay(String time, Image present) {
        if (Objects.equals(time, replayTime) && present == still) {
            return;
        }
        replayTime = time;
        still = present;
        if (time == null) {
            picture.setImage(null);
            picture.setVisible(false);
            aspect = ASPECT;
            drawn = false; // the live state is drawn again
            requestLayout();
        } else if (camera != null) {
            showReplay();
        }
    }

    /** The still under the 无录像 mark with the replay's time (an offline camera of the time says so first). */
    private void showReplay() {
        picture.setImage(still);
        picture.setVisible(still != null);
        if (still != null && aspect != still.getWidth() / still.getHeight()) {
            aspect = still.getWidth() / still.getHeight();
            requestLayout();
        }
        String mark = I18n.t(still != null ? "video.noRecording.still" : "video.noRecording.dark", replayTime);
        setState(camera.online() ? mark : I18n.t("video.offline") + " · " + mark, Theme.WARNING);
    }

    private static String alarmText(VideoAlarm a) {
        if (a.alert() != null) {
            return I18n.t("video.alarm", a.alert().kind(), a.alert().confidence() * 100);
        }
        Sensor x = a.sensor();
        return I18n.t("video.alarm.sensor", x.kind().zh, x.id(), x.value(), x.kind().unit);
    }

    Camera camera() {
        return camera;
    }

    VideoAlarm alarm() {
        return shownAlarm;
    }

    boolean pinned() {
        return pinned;
    }

    void pin(boolean value) {
        pinned = value;
        pin.setVisible(value);
        getStyleClass().remove(TILE_PINNED);
        if (value) {
            getStyleClass().add(TILE_PINNED);
        }
    }

    Playback playback() {
        return playback;
    }

    /** When (nanoTime) the alarm on this tile showed its camera's first frame; 0 while it has not, or no alarm. */
    long alarmFrameNanos() {
        return alarmFrameNanos;
    }

    /** Plays {@code url} (null: nothing). */
    void play(String url, String token, Libvlc vlc) {
        if (playback != null && playback.url().equals(url)) {
            return;
        }
        if (playback != null) {
            playback.close();
            playback = null;
            picture.setImage(null);
            picture.setVisible(false);
            aspect = ASPECT;
        }
        if (url != null) {
            playback = Playback.open(url, token, vlc);
            if (!isVisible()) {
                playback.hidden(true); // behind a maximised tile: it starts when shown
            }
            fitPlayback(pictureArea());
            pump();
        }
    }

    /** Hidden behind a maximised tile: the stream pauses. */
    void hide(boolean hidden) {
        setVisible(!hidden);
        if (playback != null) {
            playback.hidden(hidden);
        }
    }

    /** Once per pulse: the newest frame, if one came, and the state. */
    void pump() {
        if (playback == null) {
            return;
        }
        if (playback.pump()) {
            Image img = playback.image();
            if (picture.getImage() != img || aspect != playback.aspect()) {
                picture.setImage(img);
                aspect = playback.aspect();
                requestLayout();
            }
            picture.setVisible(true);
            if (alarmAwaitingFrame) {
                alarmAwaitingFrame = false;
                alarmFrameNanos = System.nanoTime();
            }
        }
        if (camera != null && camera.online()) {
            showStatus();
        }
    }

    private void showStatus() {
        Playback.Status s = playback == null ? null : playback.status();
        String text;
        String colour = null;
        if (s == null || s.state() == Playback.State.CONNECTING) {
            text = I18n.t("video.connecting");
        } else {
            switch (s.state()) {
                case PLAYING -> text = "";
                case NO_SIGNAL -> {
                    long in = s.retryAt() == null ? 0
                            : Math.max(0, Duration.between(Instant.now(), s.retryAt()).toSeconds() + 1);
                    text = I18n.t("video.noSignal", Formats.clock(s.since()), in);
                    colour = Theme.WARNING;
                }
                case STALLED -> {
                    text = I18n.t("video.stalled", Formats.clock(s.since()));
                    colour = Theme.WARNING;
                }
                default -> {
                    text = I18n.t("video.noPlayer", Libvlc.INSTALL);
                    colour = Theme.CRITICAL;
                }
            }
        }
        if (s != null && s.state() != Playback.State.PLAYING) {
            picture.setVisible(false);
        }
        setState(text, colour);
    }

    private void setState(String text, String colour) {
        if (text.equals(stateText) && Objects.equals(colour, state.getUserData())) {
            return;
        }
        stateText = text;
        state.setUserData(colour);
        state.setText(text);
        state.setVisible(!text.isEmpty());
        Theme.setState(state, colour);
    }

    /** The alarm's AI boxes over the picture (or over a 16:9 box while there is none), with their labels. */
    private void drawBoxes() {
        GraphicsContext g = boxes.getGraphicsContext2D();
        g.clearRect(0, 0, boxes.getWidth(), boxes.getHeight());
        boolean any = shownAlarm != null && shownAlarm.alert() != null && !shownAlarm.alert().boxes().isEmpty();
        // an empty canvas over the picture would still be blended over every new frame by the renderer
        boxes.setVisible(any);
        if (!any) {
            return;
        }
        Rectangle2D area = pictureArea();
        g.setStroke(Theme.color(Theme.CRITICAL));
        g.setLineWidth(3);
        g.setFont(Font.font(null, FontWeight.BOLD, Math.max(12, area.getHeight() / 22)));
        for (AiAlert.Box b : shownAlarm.alert().boxes()) {
            double x = area.getMinX() + b.x() * area.getWidth();
            double y = area.getMinY() + b.y() * area.getHeight();
            g.strokeRect(x, y, b.w() * area.getWidth(), b.h() * area.getHeight());
            if (b.label() != null && !b.label().isBlank()) {
                g.setFill(Theme.color(Theme.CRITICAL));
                g.fillText(b.label(), x + 4, Math.max(g.getFont().getSize(), y - 4));
            }
        }
    }

    /** Where the picture is drawn in the tile: the largest box of the picture's aspect, centred. */
    Rectangle2D pictureArea() {
        double w = getWidth();
        double h = getHeight();
        if (w <= 0 || h <= 0) {
            return new Rectangle2D(0, 0, Math.max(1, w), Math.max(1, h));
        }
        double pw = Math.min(w, h * aspect);
        double ph = pw / aspect;
        return new Rectangle2D((w - pw) / 2, (h - ph) / 2, pw, ph);
    }

    /** Tells the player the picture's size in screen pixels (the wall may be scaled as a whole to its window). */
    private void fitPlayback(Rectangle2D area) {
        if (playback != null) {
            javafx.geometry.Bounds screen = localToScene(new javafx.geometry.BoundingBox(area.getMinX(),
                    area.getMinY(), area.getWidth(), area.getHeight()));
            playback.fit(screen.getWidth(), screen.getHeight());
        }
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        // in a small tile (the incident's 单兵图传) the centred state would be drawn over the name: it goes under it
        double underTop = top.getLayoutY() + top.prefHeight(top.getWidth()); // the block fills the tile; its lines do not
        if (state.getLayoutY() < underTop) {
            state.resizeRelocate(state.getLayoutX(), underTop, state.getWidth(),
                    Math.max(0, getHeight() - snappedBottomInset() - underTop));
        }
        Rectangle2D area = pictureArea();
        picture.setFitWidth(area.getWidth());
        picture.setFitHeight(area.getHeight());
        picture.relocate(area.getMinX(), area.getMinY());
        fitPlayback(area);
        if (boxes.getWidth() != getWidth() || boxes.getHeight() != getHeight()) {
            boxes.setWidth(getWidth());
            boxes.setHeight(getHeight());
        }
        drawBoxes();
    }
}

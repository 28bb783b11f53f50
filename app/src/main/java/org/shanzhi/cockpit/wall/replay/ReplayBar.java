package org.shanzhi.cockpit.wall.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.replay.Marker;
import org.shanzhi.cockpit.replay.ReplayClock;
import org.shanzhi.cockpit.replay.ReplaySource;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

/**
 * The trainer's replay controls under the wall while a replay is shown: play / pause, the speed, one event on,
 * the previous and next marker, a time to go to, the timeline strip (drag to seek), the marker colours, what the
 * last action came to, and the way back to live.
 */
final class ReplayBar {

    static final String STYLE = "replay-bar";
    static final String STATUS = "replay-status";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(Kpi.BEIJING);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(Kpi.BEIJING);

    private final VBox root;
    private final Button play = new Button();
    private final ChoiceBox<String> speed = new ChoiceBox<>();
    private final Label time = new Label();
    private final Label status = new Label();
    private final Label said = new Label();
    private final TextField goTo = new TextField();
    private final TimelineStrip strip;
    private final HBox controls;
    private final Button debrief;
    private ReplaySource replay;
    private String shownTime = "";
    private String shownStatus = "";
    private Boolean shownPlaying;
    private double shownSpeed;

    ReplayBar(Runnable leave, Runnable debriefs) {
        strip = new TimelineStrip(t -> {
            if (replay != null) {
                say(replay.seek(t), t);
            }
        });
        play.getStyleClass().add("replay-play");
        play.setOnAction(e -> {
            if (replay.playing()) {
                replay.pause();
            } else {
                replay.play();
            }
        });
        Button step = button("replay.step", () -> {
            if (!replay.step()) {
                said.setText(I18n.t("replay.atEnd"));
            }
        });
        Button previous = button("replay.previous", () -> marker(false));
        Button next = button("replay.next", () -> marker(true));
        for (double s : ReplayClock.SPEEDS) {
            speed.getItems().add(ReplayBanner.speed(s) + "×");
        }
        speed.setOnAction(e -> {
            int i = speed.getSelectionModel().getSelectedIndex();
            if (replay != null && i >= 0 && ReplayClock.SPEEDS[i] != replay.speed()) {
                replay.speed(ReplayClock.SPEEDS[i]);
            }
        });
        goTo.setPromptText(I18n.t("replay.goTo"));
        goTo.setPrefColumnCount(8);
        goTo.setOnAction(e -> goTo());
        debrief = button("replay.debrief", debriefs);
        debrief.setDisable(true);
        Button back = button("replay.leave", leave);
        Theme.setState(back, Theme.WARNING);
        time.getStyleClass().add("replay-time");
        status.getStyleClass().addAll(STATUS, Theme.KPI_CAPTION);
        said.getStyleClass().add(Theme.KPI_CAPTION);
        HBox legend = new HBox(10);
        for (Marker.Kind k : Marker.Kind.values()) {
            Label l = new Label("■ " + I18n.t("replay.marker." + k.name()));
            l.setTextFill(TimelineStrip.COLOURS.get(k));
            legend.getChildren().add(l);
        }
        controls = new HBox(10, previous, play, next, step, speed, time, goTo, status, said);
        controls.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(said, Priority.ALWAYS);
        said.setMaxWidth(Double.MAX_VALUE);
        HBox lower = new HBox(16, legend, debrief, back);
        lower.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(legend, Priority.ALWAYS);
        root = new VBox(6, controls, strip, lower);
        root.getStyleClass().add(STYLE);
        root.setVisible(false);
        root.managedProperty().bind(root.visibleProperty());
    }

    Node node() {
        return root;
    }

    TimelineStrip strip() {
        return strip;
    }

    /**
     * Each pulse: the replay shown (null: live, the bar hides) and where it stands; while one is being read
     * ({@code loading}, null when not), the bar shows only that.
     */
    void show(ReplaySource r, String loading) {
        if (r == null && loading != null) {
            root.setVisible(true);
            controls.setDisable(true);
            said.setText(loading);
            return;
        }
        controls.setDisable(false);
        if (r != replay || (r == null && root.isVisible())) {
            replay = r;
            root.setVisible(r != null);
            said.setText(r == null || r.replay().warning() == null ? ""
                    : I18n.t("replay.damaged", r.replay().warning()));
            shownPlaying = null;
        }
        if (r == null) {
            strip.show(null, null);
            shownStatus = "";
            status.setText("");
            return;
        }
        String now = status(r);
        if (!now.equals(shownStatus)) {
            shownStatus = now;
            status.setText(now);
        }
        Instant t = r.time();
        strip.show(r.replay(), t);
        String text = I18n.t("replay.time", DAY.format(t), TIME.format(r.replay().end()));
        if (!text.equals(shownTime)) {
            shownTime = text;
            time.setText(text);
        }
        boolean playing = r.playing();
        if (shownPlaying == null || playing != shownPlaying) {
            shownPlaying = playing;
            play.setText(I18n.t(playing ? "replay.pause" : "replay.play"));
        }
        if (r.speed() != shownSpeed || speed.getSelectionModel().getSelectedIndex() < 0) {
            shownSpeed = r.speed();
            for (int i = 0; i < ReplayClock.SPEEDS.length; i++) {
                if (ReplayClock.SPEEDS[i] == shownSpeed) {
                    speed.getSelectionModel().select(i);
                }
            }
        }
    }

    /** "回放 05-30 08:15:00 至 05-30 09:20:00，共 2,012 条事件；播放中 8×" (or 已暂停, 已到结尾) as it stands now. */
    static String status(ReplaySource r) {
        String state = r.playing() ? I18n.t("replay.state.playing", ReplayBanner.speed(r.speed()))
                : r.time().equals(r.replay().end()) ? I18n.t("replay.state.atEnd") : I18n.t("replay.state.paused");
        return I18n.t("replay.opened", DAY.format(r.replay().start()), DAY.format(r.replay().end()), r.replay().size(),
                state);
    }

    private void marker(boolean next) {
        Marker m = replay.toMarker(next);
        said.setText(m == null ? I18n.t("replay.noMarker")
                : I18n.t("replay.marker", TIME.format(m.time()), I18n.t("replay.marker." + m.kind().name()), m.subject()));
    }

    /** A time typed as HH:mm[:ss] (on the replay's day at the playhead) or yyyy-MM-dd HH:mm[:ss]. */
    private void goTo() {
        String text = goTo.getText().trim();
        Instant t;
        try {
            t = text.length() <= 8
                    ? LocalDateTime.of(LocalDate.ofInstant(replay.time(), Kpi.BEIJING), LocalTime.parse(text))
                            .atZone(Kpi.BEIJING).toInstant()
                    : LocalDateTime.parse(text.replace(' ', 'T')).atZone(Kpi.BEIJING).toInstant();
        } catch (DateTimeParseException e) {
            said.setText(I18n.t("replay.badTime", text));
            return;
        }
        say(replay.seek(t), t);
    }

    private void say(ReplaySource.Seek how, Instant asked) {
        said.setText(switch (how) {
            case DONE -> "";
            case BEYOND_END -> I18n.t("replay.beyondEnd", DAY.format(asked), DAY.format(replay.replay().end()));
            case BEFORE_START -> I18n.t("replay.beforeStart", DAY.format(asked), DAY.format(replay.replay().start()));
        });
    }

    private Button button(String key, Runnable action) {
        Button b = new Button(I18n.t(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Whether the wall can make a debrief: the 复盘报告 button works. */
    void canDebrief(boolean can) {
        debrief.setDisable(!can);
    }

    /** Says {@code text} on the bar's message line. */
    void say(String text) {
        said.setText(text);
    }

    /** The bar's message line (tests). */
    String said() {
        return said.getText();
    }
}

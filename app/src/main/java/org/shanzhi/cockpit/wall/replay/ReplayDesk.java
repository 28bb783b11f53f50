package org.shanzhi.cockpit.wall.replay;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.recording.Recording;
import org.shanzhi.cockpit.replay.HubRecordings;
import org.shanzhi.cockpit.replay.Replay;
import org.shanzhi.cockpit.replay.ReplaySource;
import org.shanzhi.cockpit.replay.ReplaySwitch;
import org.shanzhi.cockpit.report.DebriefHtml;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

/**
 * The wall's way into a replay and out of it: a recording file, or a range of the hub's own journal, read off the FX
 * thread and then shown in place of the live situation (which keeps coming underneath); the menu items; the bar of
 * controls under the wall while a replay is shown. FX thread, but for the reading.
 */
public final class ReplayDesk {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayDesk.class);
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Kpi.BEIJING);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(Kpi.BEIJING);

    private final ReplaySwitch replays;
    private final Consumer<String> tell;
    /** Where the bar goes under the wall: empty until the first replay, so a wall's start does not build it. */
    private final StackPane barPlace = new StackPane();
    private ReplayBar bar;
    private boolean canDebrief;
    private HubRecordings hub;
    /** What is being read, shown in the bar until it opens (or fails), else null. */
    private String loading;
    private Debriefs debriefs;
    private final DebriefWindow debriefWindow = new DebriefWindow();
    /** The replay whose runs into the end were counted, and how many of them have opened the debrief. */
    private ReplaySource endsOf;
    private int endsSeen;

    /** {@code tell}: a message for the operator in the wall's notification bar. */
    public ReplayDesk(ReplaySwitch replays, Consumer<String> tell) {
        this.replays = replays;
        this.tell = tell;
    }

    /** Where a range of the journal comes from (null: no hub, the item is off). */
    public void hub(HubRecordings recordings) {
        hub = recordings;
    }

    /** How the debrief is made and where it is kept (null: no debrief, its button is off). */
    public void debriefs(Debriefs d) {
        debriefs = d;
        canDebrief = d != null;
        if (bar != null) {
            bar.canDebrief(canDebrief);
        }
    }

    public ReplaySwitch replays() {
        return replays;
    }

    /** The place of the bar of controls, to put under the wall; empty while live. */
    public Node bar() {
        return barPlace;
    }

    /** The bar, made when a replay is first read or shown. */
    private ReplayBar madeBar() {
        if (bar == null) {
            bar = new ReplayBar(this::leave, this::debrief);
            bar.canDebrief(canDebrief);
            barPlace.getChildren().add(bar.node());
        }
        return bar;
    }

    /** Each pulse; playing into the replay's end opens its debrief, once each time. */
    public void show() {
        ReplaySource r = replays.replay();
        if (bar != null || r != null || loading != null) {
            madeBar().show(r, loading);
        }
        if (r != endsOf) {
            endsOf = r;
            endsSeen = 0;
        }
        if (r != null && r.endsReached() > endsSeen) {
            endsSeen = r.endsReached();
            debrief();
        }
    }

    /**
     * The debrief of the range replayed, made and written off the FX thread under the wall's data, then shown in its
     * window with where the file is.
     */
    public void debrief() {
        ReplaySource r = replays.replay();
        Debriefs d = debriefs;
        if (r == null || d == null) {
            return;
        }
        Replay replay = r.replay();
        String what = TYPED.format(replay.start()) + " – " + TYPED.format(replay.end());
        madeBar().say(I18n.t("replay.debrief.writing"));
        Thread t = new Thread(() -> {
            try {
                String html = DebriefHtml.render(d.build().apply(replay.contents()));
                Files.createDirectories(d.dir());
                Path file = d.dir().resolve("debrief-" + FILE_TIME.format(replay.start()) + "-"
                        + FILE_TIME.format(replay.end()) + ".html");
                Files.writeString(file, html, StandardCharsets.UTF_8);
                LOG.info("debrief of the replay {} written to {}", what, file);
                Platform.runLater(() -> {
                    bar.say(I18n.t("replay.debrief.file", file.toAbsolutePath()));
                    debriefWindow.show(file, what);
                });
            } catch (Exception e) {
                LOG.warn("debrief of the replay {} not written", what, e);
                Platform.runLater(() -> bar.say(I18n.t("replay.debrief.failed", String.valueOf(e.getMessage()))));
            }
        }, "replay-debrief");
        t.setDaemon(true);
        t.start();
    }

    /** The debrief's window (tests). */
    DebriefWindow debriefWindow() {
        return debriefWindow;
    }

    /** Reads a recording file and shows it, paused at its start; a damaged file up to its damage, saying so. */
    public void openFile(Path file) {
        load(file.getFileName().toString(), () -> new Replay(Recording.readUpToDamage(file)));
    }

    /** Asks the hub for its journal from {@code from} to {@code to} and shows it, paused at its start. */
    public void openRange(Instant from, Instant to) {
        if (hub == null) {
            tell.accept(I18n.t("replay.noHub"));
            return;
        }
        HubRecordings h = hub;
        load(TYPED.format(from) + " – " + TYPED.format(to), () -> h.fetchWhenReady(from, to, Duration.ofMinutes(2)));
    }

    /** Back to the live situation (every screen's banner says so for a moment). */
    public void leave() {
        replays.leave();
    }

    private void load(String what, Callable<Replay> read) {
        loading = I18n.t("replay.loading", what);
        Thread t = new Thread(() -> {
            try {
                Replay r = read.call();
                LOG.info("replay of {} open: {} events, {} to {}", what, r.size(), r.start(), r.end());
                Platform.runLater(() -> {
                    loading = null;
                    replays.enter(ReplaySource.of(r)); // the bar says what it holds
                });
            } catch (HubRecordings.Refused e) {
                LOG.warn("replay of {} not opened: {} {}", what, e.status(), e.getMessage());
                String why = e.status() == 401 || e.status() == 403 ? I18n.t("replay.forbidden")
                        : e.status() == 0 ? I18n.t("replay.unreachable") : e.getMessage();
                Platform.runLater(() -> failed(I18n.t("replay.refused", why)));
            } catch (Exception e) {
                LOG.warn("replay of {} not opened", what, e);
                Platform.runLater(() -> failed(I18n.t("replay.unreadable", e.getMessage())));
            }
        }, "replay-load");
        t.setDaemon(true);
        t.start();
    }

    private void failed(String why) {
        loading = null;
        tell.accept(why);
    }

    /** The wall menu's items: open a file, a range of the journal, and back to live while replaying. */
    public List<MenuItem> menuItems(Window owner) {
        MenuItem file = new MenuItem(I18n.t("replay.menu.file"));
        file.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(I18n.t("replay.menu.file"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.t("replay.fileKind"),
                    "*.shanzhi", "*.recording"));
            java.io.File f = chooser.showOpenDialog(owner);
            if (f != null) {
                openFile(f.toPath());
            }
        });
        MenuItem range = new MenuItem(I18n.t("replay.menu.hub"));
        range.setDisable(hub == null);
        range.setOnAction(e -> askRange(owner));
        MenuItem back = new MenuItem(I18n.t("replay.menu.leave"));
        back.setDisable(!replays.replaying());
        back.setOnAction(e -> leave());
        return List.of(file, range, back);
    }

    /** A small form for the range, the last two hours of the live situation filled in. */
    private void askRange(Window owner) {
        Situation live = replays.live().latest();
        Instant now = live != null && live.time() != null ? live.time() : Instant.now();
        TextField from = new TextField(TYPED.format(now.minus(Duration.ofHours(2))));
        TextField to = new TextField(TYPED.format(now));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label(I18n.t("replay.range.from")), from);
        form.addRow(1, new Label(I18n.t("replay.range.to")), to);
        Label example = new Label(I18n.t("replay.range.example", TYPED.format(now)));
        example.getStyleClass().add("replay-example");
        form.add(example, 1, 2);
        ButtonType open = new ButtonType(I18n.t("replay.range.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(I18n.t("replay.range.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(I18n.t("replay.menu.hub"));
        d.setHeaderText(I18n.t("replay.range.header"));
        d.getDialogPane().setContent(form);
        d.getDialogPane().getStylesheets().add(Theme.stylesheet());
        d.getDialogPane().getStyleClass().add("replay-dialog");
        d.getDialogPane().getButtonTypes().addAll(open, cancel);
        d.showAndWait().filter(b -> b == open).ifPresent(b -> {
            try {
                Instant f = LocalDateTime.parse(from.getText().trim(), TYPED).atZone(Kpi.BEIJING).toInstant();
                Instant t = LocalDateTime.parse(to.getText().trim(), TYPED).atZone(Kpi.BEIJING).toInstant();
                if (!t.isAfter(f)) {
                    tell.accept(I18n.t("replay.range.order"));
                } else {
                    openRange(f, t);
                }
            } catch (DateTimeParseException ex) {
                tell.accept(I18n.t("replay.range.bad"));
            }
        });
    }
}

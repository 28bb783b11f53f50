package org.shanzhi.cockpit.wall.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.DrillStatus;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.HubCommands.Outcome;
import org.shanzhi.cockpit.feed.HubDrill;
import org.shanzhi.cockpit.replay.ReplaySwitch;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.Widget;

/**
 * 演练控制, the trainer's control: the drills the hub can load, the loaded drill's clock and state, its injects (when
 * each fires, fired or still to come, what the trainees are expected to do) with 立即触发 on each, the steps start /
 * pause / resume / skip / stop, and a small form for an unannounced inject (a kind of case at a community). Every
 * step goes through the wall's commands ({@code HubCommands}, its outbox), and a refusal is told in the trainer's
 * words. The drill lives on the hub, not in the situation: the control asks for it twice a second, on the pulse,
 * and shows the newest answer in the next frame. During a replay the control offers nothing live on a replayed
 * picture: it shows the replayed moment's drill (from the situation) with every step disabled, until the wall
 * leaves the replay.
 */
public final class DrillWidget implements Widget {

    static final String ROOT = "drill";
    static final String CLOCK = "drill-clock";
    static final String STATE = "drill-state";
    static final String NAME = "drill-name";
    static final String INJECT = "drill-inject";
    static final String INJECT_STATE = "drill-inject-state";
    static final String OUTCOME = "drill-outcome";
    static final String STEP = "drill-step";
    static final String STOP_DIALOG = "drill-stop-dialog";

    private static final Duration ASK_EVERY = Duration.ofMillis(500);

    private final WallContext context;
    private final HubDrill hub;
    private final BorderPane root = new BorderPane();
    private final Label name = new Label();
    private final Label state = new Label();
    private final Label clock = new Label();
    private final Label counts = new Label();
    private final ComboBox<HubDrill.Script> scripts = new ComboBox<>();
    private static final long SCRIPTS_ASKED_AGAIN_NS = 3_000_000_000L;
    private long scriptsAskedAt;
    private final Button load;
    private final Button start;
    private final Button pause;
    private final Button resume;
    private final Button skip;
    private final Button stop;
    private final VBox injects = new VBox(4);
    private final ComboBox<UnannouncedInject.Kind> kind = new ComboBox<>();
    private final ComboBox<Community> place = new ComboBox<>();
    private final Button add = new Button(I18n.t("drill.add"));
    private final Label outcome = new Label();
    private final boolean mayRun;

    /** The newest answer of the hub, set on okhttp's thread and shown on the next pulse. */
    private volatile HubDrill.Reading latest;
    private HubDrill.Reading shown;
    private HubDrill.Status status;
    private Instant askedAt;
    private boolean asking;
    private Object placesOf;
    private boolean sending;
    private Alert stopQuestion;
    /** While the wall shows a replay: the replayed situation shown, else null. */
    private Situation replayed;

    public DrillWidget(WallContext context) {
        this.context = context;
        this.hub = context.hasHub() ? new HubDrill(context.source(), context.token()) : null;
        this.mayRun = context.hasHub() && (context.role() == null || context.role().equals("trainer"));
        load = step("drill.load", () -> context.commands().loadDrill(scripts.getValue().name()), "load");
        start = step("drill.start", () -> context.commands().drill("start"), "start");
        pause = step("drill.pause", () -> context.commands().drill("pause"), "pause");
        resume = step("drill.resume", () -> context.commands().drill("resume"), "resume");
        skip = step("drill.skip", () -> context.commands().drill("skip"), "skip");
        stop = step("drill.stop", () -> context.commands().drill("stop"), "stop");
        var sendStop = stop.getOnAction();
        stop.setOnAction(e -> askToStop(() -> sendStop.handle(e)));

        Label title = new Label(I18n.t("drill.title"));
        title.getStyleClass().add(Theme.PANEL_TITLE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        state.getStyleClass().add(STATE);
        HBox header = new HBox(12, title, gap, state);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Theme.PANEL_HEADER);

        name.getStyleClass().add(NAME);
        name.setWrapText(true);
        clock.getStyleClass().add(CLOCK);
        counts.getStyleClass().add("drill-meta");
        scripts.setPromptText(I18n.t("drill.choose"));
        scripts.setConverter(converter(HubDrill.Script::title));
        scripts.setMaxWidth(Double.MAX_VALUE);
        scripts.valueProperty().addListener((o, was, now) -> showStatus(status));
        HBox.setHgrow(scripts, Priority.ALWAYS);
        HBox chooser = new HBox(8, scripts, load);
        chooser.setAlignment(Pos.CENTER_LEFT);
        FlowPane steps = new FlowPane(8, 8, start, pause, resume, skip, stop);
        VBox top = new VBox(8, header, chooser, name, clock, counts, steps);

        ScrollPane scroll = new ScrollPane(injects);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        injects.getStyleClass().add("drill-injects");

        Label extra = new Label(I18n.t("drill.extra"));
        extra.getStyleClass().add("drill-section");
        kind.getItems().setAll(UnannouncedInject.Kind.values());
        kind.setValue(UnannouncedInject.Kind.TREE);
        kind.setConverter(converter(k -> I18n.t("drill.kind." + k.name())));
        place.setPromptText(I18n.t("drill.place"));
        place.setConverter(converter(Community::name));
        place.setMaxWidth(Double.MAX_VALUE);
        place.valueProperty().addListener((o, was, now) -> showStatus(status));
        HBox.setHgrow(place, Priority.ALWAYS);
        add.getStyleClass().add(STEP);
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setOnAction(e -> addInject());
        HBox form = new HBox(8, kind, place, add);
        form.setAlignment(Pos.CENTER_LEFT);
        outcome.getStyleClass().add(OUTCOME);
        outcome.setWrapText(true);
        VBox bottom = new VBox(6, extra, form, outcome);

        root.setTop(top);
        root.setCenter(scroll);
        root.setBottom(bottom);
        BorderPane.setMargin(scroll, new javafx.geometry.Insets(8, 0, 8, 0));
        root.getStyleClass().addAll(Theme.PANEL, ROOT);
        root.getStylesheets().add(Theme.stylesheet());
        sayWhoMayRun();
        if (mayRun) {
            askForScripts();
        }
        showStatus(null);
    }

    /** Asks the hub for its drills; asked again while the list is empty (a hub still starting answers none). */
    private void askForScripts() {
        scriptsAskedAt = System.nanoTime();
        hub.scripts().thenAccept(list -> Platform.runLater(() -> {
            scripts.getItems().setAll(list);
            if (status == null) {
                showInjects(null); // the guide names them
            }
        }));
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void show(WallFrame frame) {
        ReplaySwitch replays = context.links().replays();
        if (replays != null && replays.replaying()) {
            showReplayed(frame.situation());
            return;
        }
        if (replayed != null) {
            replayed = null;
            sayWhoMayRun();
            showStatus(status);
            showInjects(status);
        }
        showPlaces(frame.situation());
        if (context.hasHub() && mayRun && scripts.getItems().isEmpty()
                && System.nanoTime() - scriptsAskedAt > SCRIPTS_ASKED_AGAIN_NS) {
            askForScripts();
        }
        HubDrill.Reading r = latest;
        if (r != shown) {
            shown = r;
            showStatus(r.status());
            if (r.problem() != null && !sending) {
                say(I18n.t("drill.unreadable"), Theme.STALE);
            }
        }
        ask(frame.now());
    }

    /**
     * The replayed moment's drill, if one ran: its name and how long it had been going (from its start; the
     * situation does not hold its pauses), and no step to take.
     */
    private void showReplayed(Situation s) {
        if (replayed == null && stopQuestion != null) {
            stopQuestion.close();
        }
        if (s == replayed) {
            return;
        }
        replayed = s;
        DrillStatus d = s.drill();
        state.setText(I18n.t("drill.replay"));
        Theme.setState(state, Theme.STALE);
        name.setText(d == null ? I18n.t("drill.replay.none") : d.name());
        clock.setText(d == null ? "" : I18n.t("drill.replay.elapsed",
                clock(Math.max(0, Duration.between(d.startedAt(), s.time()).toSeconds()))));
        clock.setVisible(d != null);
        clock.setManaged(d != null);
        counts.setText("");
        counts.setManaged(false);
        for (Node n : List.of(scripts, load, start, pause, resume, skip, stop, add, kind, place)) {
            n.setDisable(true);
        }
        injects.getChildren().clear();
        say(I18n.t("drill.replay"), Theme.STALE);
    }

    /** Asks the hub for the drill, at most every {@link #ASK_EVERY} and one question at a time. */
    private void ask(Instant now) {
        if (hub == null || asking || askedAt != null && Duration.between(askedAt, now).compareTo(ASK_EVERY) < 0) {
            return;
        }
        asking = true;
        askedAt = now;
        hub.status().thenAccept(r -> {
            latest = r;
            Platform.runLater(() -> asking = false);
        });
    }

    /** Asks again on the next pulse (after one of the trainer's steps). */
    private void askSoon() {
        askedAt = null;
    }

    private void showStatus(HubDrill.Status s) {
        HubDrill.Status before = status;
        status = s;
        if (replayed != null) {
            return; // kept for leaving the replay
        }
        String st = s == null ? "none" : s.state();
        state.setText(I18n.t("drill.state." + st));
        Theme.setState(state, switch (st) {
            case "running" -> Theme.OK;
            case "paused" -> Theme.WARNING;
            case "ready" -> Theme.INFO;
            default -> Theme.STALE;
        });
        name.setText(s == null ? I18n.t("drill.none") : s.name());
        clock.setText(s == null ? "" : I18n.t("drill.clock", clock(s.clockSeconds())));
        clock.setVisible(s != null);
        clock.setManaged(s != null);
        counts.setManaged(s != null);
        counts.setText(s == null ? "" : s.dropped() == 0 ? I18n.t("drill.counts", s.emitted())
                : I18n.t("drill.countsDropped", s.emitted(), s.dropped()));
        boolean live = s != null && s.live();
        boolean idle = !sending && mayRun;
        scripts.setDisable(!idle || live);
        load.setDisable(!idle || live || scripts.getValue() == null);
        start.setDisable(!idle || s == null || !st.equals("ready"));
        pause.setDisable(!idle || !st.equals("running"));
        resume.setDisable(!idle || !st.equals("paused"));
        skip.setDisable(!idle || !live);
        stop.setDisable(!idle || !live);
        add.setDisable(!idle || !live || place.getValue() == null);
        kind.setDisable(!mayRun || !live);
        place.setDisable(!mayRun || !live);
        if (before == null || s == null || !sameInjects(before, s) || before.live() != s.live()) {
            showInjects(s);
        }
    }

    /** Whether the inject rows would read the same (the clock moves every second; the rows need not follow it). */
    private static boolean sameInjects(HubDrill.Status a, HubDrill.Status b) {
        return a.id().equals(b.id()) && a.state().equals(b.state()) && a.injects().equals(b.injects());
    }

    /**
     * With no drill loaded the column would stand empty: the platform's scripts (title and what each rehearses) once
     * it has named them, and how a drill goes.
     */
    private void showGuide() {
        if (!scripts.getItems().isEmpty()) {
            injects.getChildren().add(section(I18n.t("drill.guide.scripts", scripts.getItems().size())));
            for (HubDrill.Script x : scripts.getItems()) {
                Label title = wrapped(x.title(), "drill-inject-title");
                VBox row = x.summary() == null || x.summary().isBlank() ? new VBox(2, title)
                        : new VBox(2, title, wrapped(x.summary(), "drill-meta"));
                row.getStyleClass().add("drill-inject");
                injects.getChildren().add(row);
            }
        }
        injects.getChildren().add(section(I18n.t("drill.guide.title")));
        List<String> steps = List.of("drill.noneHint", "drill.guide.injects", "drill.guide.pause", "drill.guide.extra");
        for (int i = 0; i < steps.size(); i++) {
            injects.getChildren().add(wrapped((i + 1) + ". " + I18n.t(steps.get(i)), "drill-guide"));
        }
    }

    private static Label section(String text) {
        Label l = wrapped(text, "drill-section");
        l.setPadding(new javafx.geometry.Insets(8, 0, 2, 0));
        return l;
    }

    private static Label wrapped(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        return l;
    }

    private void showInjects(HubDrill.Status s) {
        injects.getChildren().clear();
        if (s == null) {
            showGuide();
            return;
        }
        List<HubDrill.Inject> order = s.injects().stream()
                .sorted(Comparator.comparing((HubDrill.Inject i) -> i.firesAtSeconds() == null ? Long.MAX_VALUE
                        : i.firesAtSeconds()))
                .toList();
        for (HubDrill.Inject in : order) {
            injects.getChildren().add(row(s, in));
        }
    }

    private Node row(HubDrill.Status s, HubDrill.Inject in) {
        Label when = new Label(in.firesAtSeconds() == null ? I18n.t("drill.waits") : "T+" + clock(in.firesAtSeconds()));
        when.getStyleClass().add("drill-when");
        when.setMinWidth(Region.USE_PREF_SIZE);
        Label what = new Label(in.title());
        what.getStyleClass().add("drill-inject-title");
        what.setWrapText(true);
        HBox.setHgrow(what, Priority.ALWAYS);
        what.setMaxWidth(Double.MAX_VALUE);
        String st = in.fired() ? "fired" : s.live() || s.state().equals("ready") ? "due" : "notFired";
        Label chip = new Label(I18n.t("drill.inject." + st));
        chip.getStyleClass().add(INJECT_STATE);
        chip.setMinWidth(Region.USE_PREF_SIZE);
        Theme.setState(chip, in.fired() ? Theme.OK : st.equals("due") ? Theme.INFO : Theme.STALE);
        HBox line = new HBox(8, when, what, chip);
        line.setAlignment(Pos.CENTER_LEFT);
        if (!in.fired() && s.live() && mayRun) {
            Button fire = step("drill.fire", () -> context.commands().fireInject(in.id()), "fire");
            fire.getStyleClass().add("drill-fire");
            line.getChildren().add(fire);
        }
        VBox box = new VBox(2, line);
        for (HubDrill.Expect x : in.expect()) {
            String action = I18n.t("drill.action." + x.action());
            Label expect = new Label(I18n.t("drill.expect", action, minutes(x.withinSeconds()),
                    x.text() == null ? "" : " · " + x.text()));
            expect.getStyleClass().add("drill-expect");
            expect.setWrapText(true);
            box.getChildren().add(expect);
        }
        box.getStyleClass().add(INJECT);
        box.setId(in.id());
        return box;
    }

    private void showPlaces(Situation s) {
        if (s.communities() == placesOf) {
            return;
        }
        placesOf = s.communities();
        Community chosen = place.getValue();
        List<Community> all = s.communities().values().stream().filter(c -> !c.synthetic()).toList();
        place.getItems().setAll(all.isEmpty() ? s.communities().values() : all);
        place.setValue(chosen != null && place.getItems().contains(chosen) ? chosen
                : place.getItems().isEmpty() ? null : place.getItems().get(0));
        showStatus(status);
    }

    private void addInject() {
        Community where = place.getValue();
        UnannouncedInject.Kind k = kind.getValue();
        if (where == null || k == null) {
            return;
        }
        String title = I18n.t("drill.extraTitle", where.name(), I18n.t("drill.kind." + k.name()));
        send(() -> context.commands().addInject(UnannouncedInject.of(k, title, where, Instant.now())), "add");
    }

    private Button step(String key, Supplier<CompletableFuture<Outcome>> command, String action) {
        Button b = new Button(I18n.t(key));
        b.getStyleClass().add(STEP);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> send(command, action));
        return b;
    }

    /**
     * 结束演练 is asked again, naming the drill: a drill ended by a slip cannot be resumed, and its injects still to
     * come never fire. The question does not block the wall (its pulses go on); {@code stop} runs on 结束演练.
     */
    private void askToStop(Runnable stop) {
        if (!mayRun || replayed != null || sending || status == null || stopQuestion != null) {
            return;
        }
        ButtonType end = new ButtonType(I18n.t("drill.stop.yes"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(I18n.t("drill.stop.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, I18n.t("drill.stop.detail"), end, keep);
        ask.setTitle(I18n.t("drill.stop"));
        ask.setHeaderText(I18n.t("drill.stop.ask", status.name()));
        ask.getDialogPane().getStylesheets().add(Theme.stylesheet());
        ask.getDialogPane().getStyleClass().add(STOP_DIALOG);
        // Enter keeps the drill running: ending it takes a deliberate click
        ((Button) ask.getDialogPane().lookupButton(end)).setDefaultButton(false);
        ((Button) ask.getDialogPane().lookupButton(keep)).setDefaultButton(true);
        if (this.stop.getScene() != null) {
            ask.initOwner(this.stop.getScene().getWindow());
        }
        ask.setOnHidden(e -> {
            stopQuestion = null;
            if (ask.getResult() == end) {
                stop.run();
            }
        });
        stopQuestion = ask;
        ask.show();
    }

    /** The 结束演练 question while it is asked, else null (tests). */
    Alert stopQuestion() {
        return stopQuestion;
    }

    /** Sends one step; the buttons wait for its answer, and the answer is told in the trainer's words. */
    private void send(Supplier<CompletableFuture<Outcome>> command, String action) {
        if (!mayRun || replayed != null || sending) {
            return;
        }
        sending = true;
        showStatus(status);
        say(I18n.t("drill.sending"), Theme.INFO);
        command.get().thenAccept(result -> Platform.runLater(() -> {
            sending = false;
            askSoon();
            DrillWords.Said said = DrillWords.of(action, result);
            if (replayed == null) {
                say(said.words(), said.state());
            }
            showStatus(status);
        }));
    }

    /** Why this seat cannot steer a drill, or nothing. */
    private void sayWhoMayRun() {
        if (!context.hasHub()) {
            say(I18n.t("drill.noHub"), Theme.STALE);
        } else if (!mayRun) {
            say(I18n.t("drill.noRight", context.seat()), Theme.STALE);
        } else {
            say("", Theme.INFO);
        }
    }

    private void say(String words, String st) {
        outcome.setText(words);
        Theme.setState(outcome, st);
    }

    /** Drill time as H:MM:SS. */
    static String clock(long seconds) {
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    private static String minutes(long seconds) {
        return seconds % 60 == 0 ? I18n.t("drill.minutes", seconds / 60) : I18n.t("drill.seconds", seconds);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> words) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : words.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}

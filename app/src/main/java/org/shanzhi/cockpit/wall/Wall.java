package org.shanzhi.cockpit.wall;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.domain.FigureSettings;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.SituationSource;
import org.shanzhi.cockpit.replay.ReplaySwitch;
import org.shanzhi.cockpit.wall.dispatch.IncidentScreen;
import org.shanzhi.cockpit.wall.layout.LayoutLoader;
import org.shanzhi.cockpit.wall.layout.LayoutResult;
import org.shanzhi.cockpit.wall.layout.LayoutWatcher;
import org.shanzhi.cockpit.wall.layout.Monitor;
import org.shanzhi.cockpit.wall.layout.ScreenPlan;
import org.shanzhi.cockpit.wall.layout.WallLayout;
import org.shanzhi.cockpit.wall.replay.ReplayDesk;

/**
 * The wall on the FX thread: the windows of the current layout on the monitors found, one pulse
 * ({@link WallPulse}) that shows every widget the same {@link WallFrame}, alarms, and switching layouts (menu on
 * right-click, Ctrl+1…9, Ctrl+R to reload, F11 full screen; a changed layout file reloads itself).
 * A layout that is refused leaves the current one on screen and says why.
 */
public final class Wall {

    private static final Logger LOG = LoggerFactory.getLogger(Wall.class);

    private final WallContext context;
    private final WallPulse pulse;
    private final LayoutLoader loader;
    private final List<Stage> stages = new ArrayList<>();
    private final List<StageView> views = new ArrayList<>();
    /** Cases opened in windows of their own (from the map or the board when the layout has no incident screen). */
    private final Map<String, IncidentScreen> popOuts = new LinkedHashMap<>();
    /** One queue of alarms for the life of the wall: a layout switch keeps what is not yet acknowledged. */
    private final Alarms alarms = new Alarms();
    /** The source shown, live or a replay over it, and the trainer's controls for the replay. */
    private final ReplayDesk replay;
    private WallLayout layout;
    /** The last situation the alarms were checked against. */
    private Situation checked;
    private boolean shownAny;
    private LayoutWatcher watcher;

    public Wall(SituationSource source, WallContext context, LayoutLoader loader) {
        this(source, context, loader, Clock.systemUTC());
    }

    /** {@code clock}: the wall's time, from which the connection bars and the stale banner count ages. */
    public Wall(SituationSource source, WallContext context, LayoutLoader loader, Clock clock) {
        this.context = context;
        this.loader = loader;
        ReplaySwitch replays = new ReplaySwitch(source);
        this.replay = new ReplayDesk(replays, this::tell);
        context.links().replays(replays);
        this.pulse = new WallPulse(replays, context.feedStatus(), clock, this::show);
    }

    /** The center's settings the panels' figures are computed with (figures.properties). */
    public void figures(FigureSettings settings) {
        pulse.figures(settings);
    }

    /** Opening a replay, and leaving it. */
    public ReplayDesk replay() {
        return replay;
    }

    public WallLayout layout() {
        return layout;
    }

    /** Opens the layout and starts the pulse and the layout watcher. */
    public void start(WallLayout first) {
        open(first);
        pulse.start();
        try {
            watcher = LayoutWatcher.start(loader, result -> Platform.runLater(() -> changed(result)));
        } catch (IOException | RuntimeException e) {
            LOG.info("layout files are not watched: {}", e.toString());
        }
    }

    /** Replaces the windows by those of {@code next}. */
    public void open(WallLayout next) {
        List<Stage> old = new ArrayList<>(stages);
        stages.clear();
        views.clear();
        context.links().clear();
        context.links().onPopOutIncident(this::popOut);
        ScreenPlan plan = ScreenPlan.of(next, monitors());
        for (int i = 0; i < plan.stages().size(); i++) {
            ScreenPlan.Stage p = plan.stages().get(i);
            StageView view = new StageView(p, context);
            views.add(view);
            Scene scene;
            if (i == 0) {
                // the alarm bar above the first window's screens and the replay's controls under them, each shown while
                // it has something to say: the screens fit between, so no bar covers a banner or a title
                VBox content = new VBox(alarms.node(), view.node(), replay.bar());
                VBox.setVgrow(view.node(), Priority.ALWAYS);
                view.node().setMinSize(0, 0); // the screens shrink to fit between the bars, rather than push them off
                scene = new Scene(content, p.monitor().width(), p.monitor().height());
            } else {
                scene = new Scene(view.node(), p.monitor().width(), p.monitor().height());
            }
            scene.getStylesheets().add(Theme.stylesheet());
            scene.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
            view.node().setOnContextMenuRequested(e -> menu().show(view.node(), e.getScreenX(), e.getScreenY()));
            Stage stage = new Stage(p.decorated() ? StageStyle.DECORATED : StageStyle.UNDECORATED);
            stage.setTitle(I18n.t("wall.title", next.title().in(I18n.locale())));
            stage.setScene(scene);
            stage.setX(p.monitor().x());
            stage.setY(p.monitor().y());
            stage.setFullScreenExitHint("");
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreen(p.fullScreen());
            stage.setMaximized(p.maximized());
            stage.setOnCloseRequest(e -> Platform.exit());
            stage.show();
            stages.add(stage);
        }
        old.forEach(s -> {
            s.setOnCloseRequest(null);
            s.close();
        });
        layout = next;
        LOG.info("layout {} open: {} window(s), {}", next.name(), stages.size(), plan.mode());
    }

    /** Each pulse: the frame to every screen of every window; a new situation is checked for alarms. */
    private void show(WallFrame frame) {
        for (StageView view : views) {
            view.screens().forEach(sv -> sv.show(frame));
        }
        popOuts.values().forEach(p -> p.show(frame));
        replay.show();
        // alarms are about the present: during a replay they keep coming from the live situation underneath
        ReplaySwitch replays = replay.replays();
        alarms.replaying(replays.replaying());
        Situation s = replays.replaying() ? replays.live().latest() : frame.hasSituation() ? frame.situation() : null;
        if (s != null && s != checked) {
            checked = s;
            alarms.check(s, frame.orderTiming());
            if (!shownAny) {
                shownAny = true;
                LOG.info("first situation shown: seq {}, {} ms after the process started", s.seq(),
                        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
            }
        }
    }

    /** A case in a window of its own, shown the same frames as the wall; a case already open comes to the front. */
    private void popOut(String incidentId) {
        IncidentScreen open = popOuts.get(incidentId);
        if (open != null) {
            ((Stage) open.node().getScene().getWindow()).toFront();
            return;
        }
        IncidentScreen screen = new IncidentScreen(context);
        screen.open(incidentId);
        Scene scene = new Scene((Parent) screen.node(), 1280, 900);
        scene.getStylesheets().add(Theme.stylesheet());
        Stage stage = new Stage();
        stage.setTitle(I18n.t("incident.window", incidentId));
        stage.setScene(scene);
        stage.setOnHidden(e -> popOuts.remove(incidentId));
        popOuts.put(incidentId, screen);
        if (pulse.frame() != null) {
            screen.show(pulse.frame());
        }
        stage.show();
    }

    private void changed(LayoutResult result) {
        if (layout == null || !result.name().equals(layout.name())) {
            return;
        }
        apply(result);
    }

    /** Opens a layout by name or refuses it with its errors, keeping the current one. */
    public void switchTo(String name) {
        apply(loader.load(name));
    }

    private void apply(LayoutResult result) {
        if (result instanceof LayoutResult.Loaded loaded) {
            open(loaded.layout());
        } else {
            String report = ((LayoutResult.Refused) result).report();
            LOG.warn("layout {} refused:\n{}", result.name(), report);
            tell(I18n.t("wall.layoutRefused", result.name(), report));
        }
    }

    /** A message for the operator in the alarm bar, ahead of the alarms. */
    public void tell(String text) {
        alarms.tell(text);
    }

    private void key(KeyEvent e) {
        if (e.getCode() == KeyCode.F11) {
            Stage s = (Stage) ((Scene) e.getSource()).getWindow();
            s.setFullScreen(!s.isFullScreen());
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.R) {
            switchTo(layout.name());
        } else if (e.isShortcutDown() && e.getCode().isDigitKey()) {
            int i = e.getCode().getCode() - KeyCode.DIGIT1.getCode();
            List<String> names = loader.available();
            if (i >= 0 && i < names.size()) {
                switchTo(names.get(i));
            }
        }
    }

    private ContextMenu menu() {
        ContextMenu m = new ContextMenu();
        List<String> names = loader.available();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            MenuItem item = new MenuItem(I18n.t("wall.menu.layout", layoutTitle(name), i + 1));
            item.setOnAction(e -> switchTo(name));
            m.getItems().add(item);
        }
        MenuItem reload = new MenuItem(I18n.t("wall.menu.reload"));
        reload.setOnAction(e -> switchTo(layout.name()));
        MenuItem language = new MenuItem(I18n.t("wall.menu.language"));
        language.setOnAction(e -> {
            I18n.setLocale(I18n.locale().getLanguage().equals("en") ? I18n.DEFAULT : Locale.ENGLISH);
            open(layout);
        });
        MenuItem quit = new MenuItem(I18n.t("wall.menu.quit"));
        quit.setOnAction(e -> Platform.exit());
        m.getItems().addAll(new SeparatorMenuItem(), reload, language, new SeparatorMenuItem());
        m.getItems().addAll(replay.menuItems(stages.isEmpty() ? null : stages.get(0)));
        m.getItems().addAll(new SeparatorMenuItem(), quit);
        return m;
    }

    /** A layout's own title in the wall's language, or its file name when it cannot be read. */
    private String layoutTitle(String name) {
        return loader.load(name) instanceof LayoutResult.Loaded l ? l.layout().title().in(I18n.locale()) : name;
    }

    /** The monitors JavaFX sees, as the plain records of the layout planner. */
    public static List<Monitor> monitors() {
        List<Monitor> out = new ArrayList<>();
        for (javafx.stage.Screen s : javafx.stage.Screen.getScreens()) {
            Rectangle2D b = s.getBounds();
            out.add(new Monitor(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight(), s.getOutputScaleX()));
        }
        return out;
    }

    public void stop() {
        pulse.stop();
        if (watcher != null) {
            watcher.close();
        }
    }
}

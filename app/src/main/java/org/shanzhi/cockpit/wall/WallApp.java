package org.shanzhi.cockpit.wall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.shanzhi.cockpit.domain.FigureSettings;
import org.shanzhi.cockpit.feed.HubCommands;
import org.shanzhi.cockpit.feed.SituationSource;
import org.shanzhi.cockpit.replay.HubRecordings;
import org.shanzhi.cockpit.wall.layout.LayoutLoader;
import org.shanzhi.cockpit.wall.replay.Debriefs;
import org.shanzhi.cockpit.wall.layout.LayoutResult;
import org.shanzhi.cockpit.wall.layout.ScreenPlan;
import org.shanzhi.cockpit.wall.layout.WallLayout;
import org.shanzhi.cockpit.wall.video.VideoWidget;

/** The JavaFX application of the wall; started by {@link #run} from the plain main class. */
public final class WallApp extends Application {

    /**
     * What to show: the source of the situation, a label for it, a layout (name, file or null to pick), the
     * language, the token, its role when known (the embedded hub's own token, or the seat given), else null, and
     * the commands with their outbox on disk (null: none, or kept in memory), where the hub's recordings are read
     * for replay (null: no hub), a replay to open at once (null: live), and how a replay's debrief is made (null:
     * none).
     */
    public record Options(SituationSource source, String sourceLabel, String layout, Locale locale, String token,
                          String role, HubCommands commands, HubRecordings recordings, ReplayStart replay,
                          Debriefs debriefs, FigureSettings figures) {

        public Options(SituationSource source, String sourceLabel, String layout, Locale locale) {
            this(source, sourceLabel, layout, locale, null, null, null, null, null, null, FigureSettings.DEFAULT);
        }

    }

    /** A replay opened with the wall: a recording file, or the hub's journal from {@code from} to {@code to}. */
    public record ReplayStart(Path file, Instant from, Instant to) {
    }

    private static volatile Options options;
    private Wall wall;

    /** Blocks until the wall is closed. */
    public static void run(Options o) {
        options = o;
        VideoWidget.prepare(); // libvlc is found while JavaFX starts
        prepare(o.locale());
        Application.launch(WallApp.class);
    }

    /**
     * Reads what the first window needs and does not need JavaFX for (the layouts' schema, the theme's palette, the
     * texts) on another thread while the toolkit starts, so that the FX thread finds them ready.
     */
    private static void prepare(Locale locale) {
        Thread t = new Thread(() -> {
            LayoutLoader.prepare();
            Theme.palette();
            I18n.bundle(locale);
        }, "wall-prepare");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void start(Stage ignored) {
        Options o = options;
        I18n.setLocale(o.locale());
        Platform.setImplicitExit(true);
        LayoutLoader loader = LayoutLoader.standard();
        String wanted = o.layout() != null ? o.layout() : ScreenPlan.pickLayout(Wall.monitors());
        LayoutResult result = o.layout() != null && (o.layout().endsWith(".json") || Files.exists(Path.of(o.layout())))
                ? loader.load(Path.of(o.layout())) : loader.load(wanted);
        LayoutResult.Refused refused = null;
        if (result instanceof LayoutResult.Refused r) {
            refused = r;
            System.err.println("layout " + r.name() + " refused:\n" + r.report());
            result = loader.load(ScreenPlan.pickLayout(Wall.monitors()));
        }
        WallLayout layout = result.orElseThrow();
        WallContext context = o.commands() != null
                ? new WallContext(o.source()::status, o.sourceLabel(), o.token(), o.role(), new WallLinks(), o.commands())
                : new WallContext(o.source()::status, o.sourceLabel(), o.token(), o.role(), new WallLinks());
        wall = new Wall(o.source(), context, loader);
        wall.figures(o.figures());
        wall.start(layout);
        wall.replay().hub(o.recordings());
        wall.replay().debriefs(o.debriefs());
        if (o.replay() != null && o.replay().file() != null) {
            wall.replay().openFile(o.replay().file());
        } else if (o.replay() != null) {
            wall.replay().openRange(o.replay().from(), o.replay().to());
        }
        if (context.commands() != null) {
            // a command that waited for the hub and was refused then: the operator who gave it has moved on
            context.commands().onLateRefusal(r -> Platform.runLater(() -> wall.tell(I18n.t("outbox.refused",
                    CommandNames.of(r.path()), r.refusal().status(), r.refusal().message()))));
        }
        if (refused != null) {
            wall.tell(I18n.t("wall.layoutRefused", refused.name(), refused.report()));
        }
    }

    @Override
    public void stop() {
        if (wall != null) {
            wall.stop();
        }
    }
}

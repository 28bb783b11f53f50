package org.shanzhi.cockpit.app;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.shanzhi.cockpit.domain.FigureSettings;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.SituationSource;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.hub.sim.Simulator;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallPicture;
import org.shanzhi.cockpit.wall.layout.LayoutLoader;
import org.shanzhi.cockpit.wall.layout.LayoutResult;
import org.shanzhi.cockpit.wall.layout.WallLayout;

/**
 * Renders a layout to PNG at its full resolution with no display: the Heyi scenario simulated
 * in-process up to the given time, folded, and drawn once.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Render a layout to a PNG at full resolution, headless, from the Heyi scenario.")
final class SnapshotCommand implements Callable<Integer> {

    @Option(names = "--layout", defaultValue = "laptop", description = "Layout name or file (default: ${DEFAULT-VALUE}).")
    String layout;

    @Option(names = "--out", required = true, description = "The PNG to write.")
    Path out;

    @Option(names = "--after", defaultValue = "PT14H",
            description = "Simulated time after the scenario start (06:00), ISO-8601 (default: ${DEFAULT-VALUE}, i.e. 20:00).")
    Duration after;

    @Option(names = "--seed", defaultValue = "1", description = "Scenario seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--locale", defaultValue = "zh-CN", description = "zh-CN (default) or en.")
    String locale;

    @Option(names = "--data", description = "A data directory whose " + FiguresFile.NAME
            + " the panels' figures are computed with, as the wall on it would (default: DOMAIN.md's settings).")
    Path data;

    @Override
    public Integer call() throws Exception {
        LayoutLoader loader = LayoutLoader.standard();
        LayoutResult result = layout.endsWith(".json") ? loader.load(Path.of(layout)) : loader.load(layout);
        if (result instanceof LayoutResult.Refused r) {
            System.err.println(r.report());
            return 1;
        }
        WallLayout wall = result.orElseThrow();
        FigureSettings figures = data == null ? FigureSettings.DEFAULT : FiguresFile.read(data);
        Situation situation = Simulator.simulate(HeyiScenario.loadDefault(), seed, Simulator.DEFAULT_START.plus(after));

        // no display: JavaFX's headless platform, software rendering (must be set before the toolkit starts)
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        I18n.setLocale(Locale.forLanguageTag(locale));
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                WallContext context = new WallContext(SituationSource.fixed(situation)::status, "snapshot");
                WallPicture.render(wall, situation, context, figures).whenComplete((fx, e) -> {
                    if (e != null) {
                        image.completeExceptionally(e);
                    } else {
                        image.complete(fx);
                    }
                });
            } catch (RuntimeException e) {
                image.completeExceptionally(e);
            }
        });
        BufferedImage png = SwingFXUtils.fromFXImage(image.get(), null);
        Platform.exit();
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        ImageIO.write(png, "png", new File(out.toString()));
        System.out.println(out + ": " + wall.name() + " " + png.getWidth() + "×" + png.getHeight() + " at "
                + situation.time() + " (seq " + situation.seq() + ")");
        return 0;
    }

}

package org.shanzhi.cockpit.wall.cockpit;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;

import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.Widget;

/** Puts a panel on the headless primary stage at 960 × 540 and reads back what a person would see. */
final class PanelHarness {

    private PanelHarness() {
    }

    static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Builds the panel on the FX thread (texts come from the locale set before) and shows it. */
    static <P extends Widget> P mount(Callable<P> make) throws Exception {
        return mount(make, CockpitPanel.WIDTH, CockpitPanel.HEIGHT);
    }

    /** The same at another size (a whole 1920 × 1080 monitor gives a panel its large form). */
    static <P extends Widget> P mount(Callable<P> make, double width, double height) throws Exception {
        P panel = fx(make);
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene((Parent) panel.node(), width, height));
            stage.show();
        });
        return panel;
    }

    static void show(Widget panel, Situation s) throws Exception {
        show(panel, WallFrame.of(s));
    }

    /** Shows a frame at another clock than its situation's own (a long list pages on the operator's clock). */
    static void show(Widget panel, WallFrame frame) throws Exception {
        laidOut(panel, () -> panel.show(frame));
    }

    /** Shows figures computed elsewhere (with other weights or minimums than the wall's). */
    static void show(CockpitPanel panel, CockpitFigures f) throws Exception {
        laidOut(panel, () -> panel.show(f));
    }

    private static void laidOut(Widget panel, Runnable show) throws Exception {
        fx(() -> {
            show.run();
            Parent root = (Parent) panel.node();
            root.applyCss();
            root.layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    /** Every visible text under a node: label texts in full, and free Text nodes (TilesFX) as drawn. */
    static List<String> texts(Node root) {
        return org.shanzhi.cockpit.wall.WidgetHarness.texts(root);
    }

    /** Labels with one of the style classes whose drawn text was cut short (an ellipsis in place of the end). */
    static List<String> clipped(Node root, List<String> styleClasses) {
        List<String> out = new ArrayList<>();
        clipped(root, styleClasses, out);
        return out;
    }

    private static void clipped(Node n, List<String> classes, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getStyleClass().stream().anyMatch(classes::contains)) {
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text t && !t.getText().equals(l.getText())) {
                    out.add(l.getText() + " → " + t.getText());
                }
            }
            return;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                clipped(c, classes, out);
            }
        }
    }

    /** Renders the node to a PNG and returns the image. */
    static BufferedImage png(Widget panel, Path file) throws Exception {
        WritableImage fxImage = fx(() -> panel.node().snapshot(null, null));
        BufferedImage img = SwingFXUtils.fromFXImage(fxImage, null);
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return img;
    }
}

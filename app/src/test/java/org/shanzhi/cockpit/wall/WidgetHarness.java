package org.shanzhi.cockpit.wall;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.layout.LayoutLoader;
import org.shanzhi.cockpit.wall.layout.LayoutResult;
import org.shanzhi.cockpit.wall.layout.Placement;
import org.shanzhi.cockpit.wall.layout.Screen;
import org.shanzhi.cockpit.wall.layout.WidgetType;

/** Puts one widget on the headless primary stage at a given size and reads back what a person would see. */
public final class WidgetHarness {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WidgetHarness() {
    }

    public static void start() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** A placement of a type with options written as JSON, e.g. {@code {"split":4}}. */
    public static Placement placement(WidgetType type, String options) {
        try {
            JsonNode o = JSON.readTree(options);
            return new Placement(type, 1, 1, 1, 1, o);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A widget's placement in a shipped layout, with the size in pixels it gets there. */
    public record Sized(Placement placement, double width, double height) {
    }

    public static Sized shipped(String layout, String screen, WidgetType type) {
        LayoutResult r = LayoutLoader.fromClasspath().load(layout);
        if (!(r instanceof LayoutResult.Loaded loaded)) {
            throw new IllegalStateException(layout + " did not load: " + r);
        }
        Screen sc = loaded.layout().screen(screen).orElseThrow();
        Placement p = sc.widgets().stream().filter(w -> w.type() == type).findFirst().orElseThrow();
        Screen.Grid g = sc.grid();
        double cellW = (sc.width() - (g.columns() - 1.0) * g.gap()) / g.columns();
        double cellH = (sc.height() - (g.rows() - 1.0) * g.gap()) / g.rows();
        return new Sized(p, Math.floor(cellW * p.columnSpan() + g.gap() * (p.columnSpan() - 1)),
                Math.floor(cellH * p.rowSpan() + g.gap() * (p.rowSpan() - 1)));
    }

    /** Builds the widget on the FX thread (texts come from the locale set before) and shows it at the size. */
    public static <W extends Widget> W mount(Callable<W> make, double width, double height) throws Exception {
        W widget = fx(make);
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene((Parent) widget.node(), width, height));
            stage.show();
        });
        return widget;
    }

    /**
     * Shows a situation, in a frame at its own time as a picture shows it, and lays the widget out (twice: a width
     * change may rebuild rows during the first).
     */
    public static void show(Widget widget, Situation s) throws Exception {
        fx(() -> {
            widget.show(WallFrame.of(s));
            Parent root = (Parent) widget.node();
            for (int i = 0; i < 2; i++) {
                root.applyCss();
                root.layout();
            }
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Makes {@code r} the wall's source as the widgets of {@code context} see it (a replay shown, or live). */
    public static void replays(WallContext context, org.shanzhi.cockpit.replay.ReplaySwitch r) {
        context.links().replays(r);
    }

    public static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    /** Every visible text under a node: label texts in full, and free Text nodes. */
    public static List<String> texts(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (n == null || !n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l) {
            out.add(l.getText());
            return;
        }
        if (n instanceof Text t && t.getText() != null && !t.getText().isEmpty()) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    /** The first visible label under a node with a style class, or null. */
    public static Labeled labelWith(Node root, String styleClass) {
        if (root == null || !root.isVisible()) {
            return null;
        }
        if (root instanceof Labeled l && l.getStyleClass().contains(styleClass)) {
            return l;
        }
        if (root instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                Labeled found = labelWith(c, styleClass);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Labels with one of the style classes whose drawn text was cut short (an ellipsis in place of the end). */
    public static List<String> clipped(Node root, List<String> styleClasses) {
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
                if (c instanceof Text t && !t.getText().equals(l.getText()) && !l.isWrapText()) {
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

    /** Renders the widget to a PNG and returns the image. */
    public static BufferedImage png(Widget widget, Path file) throws Exception {
        WritableImage fxImage = fx(() -> widget.node().snapshot(null, null));
        BufferedImage img = SwingFXUtils.fromFXImage(fxImage, null);
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        return img;
    }

    /** How many distinct colours a sample of the image holds: a blank render has a handful. */
    public static int colours(BufferedImage img) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        return colours.size();
    }
}

package org.shanzhi.cockpit.wall.replay;

import java.nio.file.Path;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

/**
 * The debrief report in a window of its own on the wall: the page as written (a local file; it fetches nothing), and
 * above it the line that says where the file is, to hand it on. One window: a newer report replaces the page.
 */
final class DebriefWindow {

    static final String STYLE = "debrief-window";
    static final String FILE = "debrief-file";
    private static final Logger LOG = LoggerFactory.getLogger(DebriefWindow.class);

    private Stage stage;
    private WebView page;
    private TextField where;
    private Path shown;
    private int shows;

    /** Shows the report in {@code file}, titled with what it covers. */
    void show(Path file, String what) {
        if (stage == null) {
            open();
        }
        shown = file;
        shows++;
        stage.setTitle(I18n.t("replay.debrief.title", what));
        where.setText(I18n.t("replay.debrief.file", file.toAbsolutePath()));
        if (page != null) {
            page.getEngine().load(file.toUri().toString());
        }
        stage.show();
        stage.toFront();
    }

    private void open() {
        where = new TextField();
        where.setEditable(false); // selectable, to copy the path
        where.getStyleClass().add(FILE);
        Node centre;
        try {
            page = new WebView();
            page.setContextMenuEnabled(false);
            centre = page;
        } catch (RuntimeException | LinkageError e) {
            // a build without WebView's natives (the Windows jar): the file is still there to open in a browser
            LOG.warn("no WebView here: the debrief is only written", e);
            Label none = new Label(I18n.t("replay.debrief.noViewer"));
            none.setWrapText(true);
            centre = none;
        }
        BorderPane root = new BorderPane(centre);
        root.setTop(new VBox(where));
        root.getStyleClass().add(STYLE);
        Scene scene = new Scene(root, 1280, 900);
        scene.getStylesheets().add(Theme.stylesheet());
        stage = new Stage();
        stage.setScene(scene);
        stage.setOnHidden(e -> shown = null);
    }

    /** The file shown, or null while the window is closed (tests). */
    Path shown() {
        return shown;
    }

    /** How many times a report was shown (tests). */
    int shows() {
        return shows;
    }

    /** The window (null before the first report; tests). */
    Stage stage() {
        return stage;
    }

    /** The page (null where there is no WebView; tests). */
    WebView page() {
        return page;
    }
}

package org.shanzhi.cockpit.wall.kpi;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

/**
 * A cell of a panel: our own title on top (large, themed, CJK-safe), a body, a caption line. When the figure
 * is missing the body is covered by "—" (or the empty text of a list) instead of a misleading zero.
 */
public class KpiCell extends VBox {

    private final Label title = new Label();
    private final StackPane body = new StackPane();
    private final Label caption = new Label();
    private final Label missing = new Label();

    public KpiCell(String titleText) {
        getStyleClass().add(Theme.KPI);
        title.getStyleClass().add(Theme.KPI_TITLE);
        title.setText(titleText);
        title.setMaxWidth(Double.MAX_VALUE);
        caption.getStyleClass().add(Theme.KPI_CAPTION);
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.setText(" ");
        // the caption line is always laid out, so that the figures of a row line up and keep one size
        caption.setMinHeight(Region.USE_PREF_SIZE);
        missing.setVisible(false);
        missing.setMouseTransparent(true);
        // "样本不足 · 3 份回访" in a third of a cell: two lines rather than an ellipsis
        missing.setWrapText(true);
        missing.setTextAlignment(TextAlignment.CENTER);
        StackPane.setAlignment(missing, Pos.CENTER);
        body.setMinSize(0, 0);
        // a body taller than its cell is cut at the cell, never drawn over the title
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(body.widthProperty());
        clip.heightProperty().bind(body.heightProperty());
        body.setClip(clip);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(title, body, caption);
        setMinSize(0, 0);
    }

    protected void setBody(Node content) {
        body.getChildren().setAll(content, missing);
    }

    /** A body that reads from the top (lists): when it does not fit, its last rows are cut, not its first. */
    protected void setListBody(Node content) {
        StackPane.setAlignment(content, Pos.TOP_LEFT);
        setBody(content);
    }

    public void setTitle(String text) {
        title.setText(text);
    }

    public String title() {
        return title.getText();
    }

    /** The line under the figure; null hides it. */
    public void setCaption(String text, String state) {
        caption.setText(text == null ? "" : text);
        Theme.setState(caption, state);
    }

    public String caption() {
        return caption.getText().isEmpty() ? null : caption.getText();
    }

    /** Covers the body with "—" when there is no figure to show. */
    protected void setMissing(boolean isMissing) {
        setCover(isMissing, I18n.t("common.missing"), Theme.KPI_MISSING);
    }

    /**
     * Covers the body with words instead of a rate that rests on too few cases to mean anything ("样本不足 · 3 份回访"):
     * a rate from one 回访 would read 100.0, from three a red 66.7. The next {@code show} uncovers it.
     */
    public void showTooFew(String words) {
        setCover(true, words, Theme.KPI_EMPTY);
    }

    /** The words covering the body ("—", "暂无", "样本不足 · …"), or null when the figure shows. */
    public String cover() {
        return missing.isVisible() ? missing.getText() : null;
    }

    /** Covers the body with "暂无" when a list or board has nothing in it. */
    protected void setEmpty(boolean isEmpty) {
        setCover(isEmpty, I18n.t("common.none"), Theme.KPI_EMPTY);
    }

    private void setCover(boolean on, String text, String styleClass) {
        // a new style class list, even an equal one, has the whole cell's CSS applied again at the next pulse
        if (missing.getStyleClass().size() != 2 || !missing.getStyleClass().get(1).equals(styleClass)) {
            missing.getStyleClass().setAll("label", styleClass);
        }
        missing.setText(text);
        missing.setVisible(on);
        body.getChildren().get(0).setVisible(!on);
    }

    public boolean isCovered() {
        return missing.isVisible();
    }
}

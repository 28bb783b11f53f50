package org.shanzhi.cockpit.wall.kpi;

import javafx.scene.control.Label;

import org.shanzhi.cockpit.wall.Theme;

/** A short statement in large type coloured by its state, e.g. "暴雨橙色预警". */
public final class TextKpi extends KpiCell {

    private final Label text = new Label();

    public TextKpi(String title) {
        super(title);
        text.getStyleClass().add(Theme.KPI_BIG);
        text.setWrapText(true);
        setBody(text);
    }

    public void show(String value, String state) {
        text.setText(value);
        Theme.setState(text, state);
    }

    public String text() {
        return text.getText();
    }

    public String state() {
        return text.getStyleClass().stream().filter(Theme.STATES::contains).findFirst().orElse(null);
    }
}

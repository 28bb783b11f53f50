package org.shanzhi.cockpit.wall.dispatch;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

/**
 * The incident screen's 吹哨报到: a button that opens the form (the departments to summon and why), and each whistle of
 * the case with its departments' 报到, a button recording the arrival of those that have not reported.
 */
final class WhistleSection {

    static final String DEPARTMENT_ROW = "incident-department";
    static final String DEPARTMENT_STATE = "incident-department-state";
    static final String DEPARTMENT_CHOICE = "incident-department-choice";
    static final String WHISTLE_REASON = "incident-whistle-reason";
    /** The departments a street summons most, as the seed names them. */
    static final List<String> DEPARTMENTS = List.of("供电公司", "燃气集团", "排水集团", "城管执法队", "园林绿化", "派出所",
            "消防救援");

    private final CaseCommands commands;
    private final Button whistle = new Button(I18n.t("incident.whistle.button"));
    private final VBox form = new VBox(4);
    private final List<CheckBox> departments = new ArrayList<>();
    private final TextField reason = new TextField();
    private final VBox lines = new VBox(2);
    private final VBox box = IncidentScreen.section();
    private List<CaseFile.WhistleLine> shown;
    private String incidentId;

    WhistleSection(CaseCommands commands) {
        this.commands = commands;
        whistle.getStyleClass().add(IncidentScreen.ACTION);
        whistle.setOnAction(e -> form.setVisible(!form.isVisible()));
        FlowPane choices = new FlowPane(10, 4);
        for (String d : DEPARTMENTS) {
            CheckBox choice = new CheckBox(d);
            choice.getStyleClass().add(DEPARTMENT_CHOICE);
            departments.add(choice);
            choices.getChildren().add(choice);
        }
        reason.getStyleClass().add(WHISTLE_REASON);
        reason.setPromptText(I18n.t("incident.whistle.reason"));
        Button blow = IncidentScreen.action(I18n.t("incident.whistle.send"));
        blow.setOnAction(e -> blow());
        blow.disableProperty().bind(whistle.disableProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox reasonRow = new HBox(8, reason, blow);
        reasonRow.setAlignment(Pos.CENTER_LEFT);
        form.getChildren().setAll(choices, reasonRow);
        form.setVisible(false);
        form.managedProperty().bind(form.visibleProperty());
        box.getChildren().addAll(IncidentScreen.heading(I18n.t("incident.section.whistle")), whistle, form, lines);
    }

    VBox node() {
        return box;
    }

    void show(CaseFile f) {
        incidentId = f.incident().id();
        if (!f.whistles().equals(shown)) {
            shown = f.whistles();
            List<Node> rows = new ArrayList<>();
            for (CaseFile.WhistleLine w : f.whistles()) {
                Label line = IncidentScreen.text(I18n.t("incident.whistle.line", w.reason(), w.arrived(), w.summoned(),
                        w.summoned() == 0 ? 0 : 100.0 * w.onTime() / w.summoned()));
                line.setWrapText(true);
                rows.add(line);
                for (int k = 0; k < w.departments().size(); k++) {
                    rows.add(departmentRow(w, k));
                }
            }
            lines.getChildren().setAll(rows);
        }
        whistle.setDisable(commands.sending() || !commands.maySummon() || !f.incident().open());
    }

    /** Draws the lines again at the next show (their buttons follow the seat's right to act). */
    void forget() {
        shown = null;
    }

    /** Turns the buttons off while a command is on its way. */
    void disable() {
        whistle.setDisable(true);
        lines.lookupAll("." + IncidentScreen.ACTION).forEach(n -> n.setDisable(true));
    }

    private void blow() {
        List<String> chosen = departments.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList();
        String why = reason.getText() == null ? "" : reason.getText().strip();
        if (chosen.isEmpty() || why.isEmpty()) {
            commands.say(I18n.t("incident.whistle.incomplete"), Theme.WARNING);
            return;
        }
        String id = incidentId;
        form.setVisible(false);
        departments.forEach(b -> b.setSelected(false));
        reason.clear();
        String names = String.join("、", chosen);
        commands.send(I18n.t("incident.whistle.sending", names), hub -> hub.whistle(id, why, chosen),
                I18n.t("incident.whistle.sent", names));
    }

    /** A summoned department: its 报到 state and time, and a button to record its arrival while it has not reported. */
    private HBox departmentRow(CaseFile.WhistleLine w, int index) {
        CaseFile.Summoned d = w.departments().get(index);
        Label state = IncidentScreen.text(d.arrivedAt() == null ? I18n.t("incident.whistle.waiting", d.department())
                : I18n.t(d.onTime() ? "incident.whistle.arrived" : "incident.whistle.late", d.department(),
                        Formats.clock(d.arrivedAt())));
        state.getStyleClass().add(DEPARTMENT_STATE);
        Theme.setState(state, d.arrivedAt() == null ? Theme.WARNING : d.onTime() ? Theme.OK : Theme.CRITICAL);
        HBox row = new HBox(8, state);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId(w.id() + "-" + index);
        row.getStyleClass().add(DEPARTMENT_ROW);
        if (d.arrivedAt() == null && w.open()) {
            Button arrived = IncidentScreen.action(I18n.t("incident.whistle.record"));
            arrived.setDisable(commands.sending() || !commands.maySummon());
            arrived.setOnAction(e -> commands.send(I18n.t("incident.whistle.recording", d.department()),
                    hub -> hub.whistleArrived(w.id(), d.department()),
                    I18n.t("incident.whistle.recorded", d.department())));
            row.getChildren().add(arrived);
        }
        return row;
    }
}

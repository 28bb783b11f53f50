package org.shanzhi.cockpit.wall.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Instruction;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.HubCommands.Outcome;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.Widget;
import org.shanzhi.cockpit.wall.drill.DrillMark;
import org.shanzhi.cockpit.wall.layout.Placement;

/**
 * 批示: the seats' written instructions, newest first (when, which seat, on which case or for the whole street; for a
 * case, where it stands now and who handles it), under them the {@link AttentionCases} still waiting for one, and, on a seat that may write them (the district's, a leader's), a line to write one on an open case or for the
 * whole street, sent through the wall's commands (a 批示 the hub cannot take now waits, 待发送). Option: {@code limit}
 * (1–200, default 30).
 */
public final class InstructionsWidget implements Widget {

    static final String ROOT = "instructions";
    static final String TEXT = "instructions-text";
    static final String SEND = "instructions-send";

    /** A case the 批示 may be about; {@code incidentId} null: the whole street. */
    record Target(String incidentId, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final int limit;
    private final WallContext context;
    private final BorderPane root = new BorderPane();
    private final VBox list = new VBox(2);
    private final AttentionCases attention = new AttentionCases(this::choose);
    private final ComboBox<Target> about = new ComboBox<>();
    private final TextField text = new TextField();
    private final Button send = new Button(I18n.t("instructions.send"));
    private final Label outcome = new Label();
    private Situation last;
    private List<String> shownIds;
    private List<Target> targets = List.of();
    /** The cases the targets were made from: a situation that did not touch them keeps the choice as it is. */
    private Object targetsOf;

    public InstructionsWidget(Placement placement, WallContext context) {
        this.limit = Math.max(1, Math.min(200, placement == null ? 30 : placement.options().path("limit").asInt(30)));
        this.context = context;
        Label name = new Label(I18n.t("instructions.title"));
        name.getStyleClass().add(Theme.PANEL_TITLE);
        HBox header = new HBox(name);
        header.getStyleClass().add(Theme.PANEL_HEADER);

        list.getStyleClass().add(IncidentsWidget.CASES);
        // the 批示 first, the cases still waiting for one right under them: a short history leaves them the room
        ScrollPane scroll = new ScrollPane(new VBox(8, list, attention.node()));
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);

        text.setPromptText(I18n.t("instructions.prompt"));
        text.getStyleClass().add(TEXT);
        HBox.setHgrow(text, Priority.ALWAYS);
        send.getStyleClass().add(SEND);
        send.setMinWidth(Region.USE_PREF_SIZE);
        send.setOnAction(e -> send());
        text.setOnAction(e -> send());
        about.setMaxWidth(200);
        HBox line = new HBox(8, about, text, send);
        line.setAlignment(Pos.CENTER_LEFT);
        outcome.getStyleClass().add(IncidentsWidget.META);
        outcome.setWrapText(true);
        VBox composer = new VBox(4, line, outcome);
        if (!context.mayInstruct()) {
            line.setDisable(true);
            say(context.hasHub() ? I18n.t("instructions.noRight") : I18n.t("instructions.noHub"), Theme.STALE);
        }

        root.setTop(header);
        root.setCenter(scroll);
        root.setBottom(composer);
        root.getStyleClass().addAll(Theme.PANEL, IncidentsWidget.ROOT, ROOT);
        root.getStylesheets().add(Theme.stylesheet());
        show(Situation.empty());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void show(WallFrame frame) {
        show(frame.situation());
    }

    private void show(Situation s) {
        if (s == null || s == last) {
            return;
        }
        last = s;
        showTargets(s);
        if (s.time() != null) {
            attention.show(s, s.time());
        }
        List<Instruction> newest = new ArrayList<>(s.instructions().values());
        newest.sort(Comparator.comparing(Instruction::at).reversed());
        newest = newest.subList(0, Math.min(limit, newest.size()));
        // a 批示's line says where its case stands now: the rows follow the cases too
        List<String> ids = newest.stream().map(i -> i.id() + "/" + answer(s, i)).toList();
        if (ids.equals(shownIds)) {
            return;
        }
        shownIds = ids;
        list.getChildren().clear();
        if (newest.isEmpty()) {
            Label empty = new Label(I18n.t("instructions.empty"));
            empty.getStyleClass().add(IncidentsWidget.EMPTY);
            list.getChildren().add(empty);
        }
        for (Instruction i : newest) {
            Incident incident = i.incidentId() == null ? null : s.incidents().get(i.incidentId());
            String where = i.incidentId() == null ? I18n.t("instructions.street")
                    : incident == null ? i.incidentId() : incident.title();
            Label head = new Label(DrillMark.text(s, "instructions", i.id(), I18n.t("instructions.row",
                    Formats.clock(i.at()), I18n.t("issuer." + i.issuer().name()), where)));
            head.getStyleClass().add(IncidentsWidget.META);
            Label body = new Label(i.text());
            body.getStyleClass().add(IncidentsWidget.TITLE);
            body.setWrapText(true);
            VBox row = new VBox(2, head, body);
            String answer = answer(s, i);
            if (!answer.isEmpty()) {
                Label answers = new Label(answer);
                answers.getStyleClass().add(IncidentsWidget.META);
                answers.setWrapText(true);
                Theme.setState(answers, incident != null && incident.open() ? Theme.INFO : Theme.OK);
                row.getChildren().add(answers);
            }
            row.getStyleClass().add(IncidentsWidget.ROW);
            list.getChildren().add(row);
        }
    }

    /** Where a 批示's case stands and who handles it; empty for one to the whole street. */
    static String answer(Situation s, Instruction i) {
        Incident incident = i.incidentId() == null ? null : s.incidents().get(i.incidentId());
        if (incident == null) {
            return "";
        }
        FieldUnit unit = incident.unitId() == null ? null : s.units().get(incident.unitId());
        String who = unit != null ? unit.name() : incident.unitId() != null ? incident.unitId()
                : I18n.t("dispatch.unassigned");
        return I18n.t("instructions.answer", I18n.t("incidentState", incident.state()), who);
    }

    /** Makes the case a click on 重点案件 chose the next 批示's subject. */
    private void choose(String incidentId) {
        targets.stream().filter(t -> incidentId.equals(t.incidentId())).findFirst().ifPresent(about::setValue);
        text.requestFocus();
    }

    AttentionCases attention() {
        return attention;
    }

    /** The whole street and the open cases, kept as they are while the open cases stay the same. */
    private void showTargets(Situation s) {
        if (s.incidents() == targetsOf) {
            return;
        }
        targetsOf = s.incidents();
        List<Target> next = new ArrayList<>();
        next.add(new Target(null, I18n.t("instructions.street")));
        s.incidents().values().stream().filter(Incident::open)
                .sorted(Comparator.comparing(Incident::openedAt).reversed())
                .forEach(i -> next.add(new Target(i.id(), i.id() + " · " + i.title())));
        if (next.equals(targets)) {
            return;
        }
        Target chosen = about.getValue();
        targets = next;
        about.getItems().setAll(next);
        about.setValue(chosen != null && next.contains(chosen) ? chosen : next.get(0));
    }

    private void send() {
        String words = text.getText() == null ? "" : text.getText().strip();
        if (words.isEmpty() || !context.mayInstruct()) {
            return;
        }
        if (context.notYetConnected()) {
            say(I18n.t("wall.notConnected"), Theme.WARNING); // the picture may be the one kept from the last run
            return;
        }
        Target target = about.getValue();
        send.setDisable(true);
        say(I18n.t("instructions.sending"), Theme.INFO);
        context.commands().instruct(target == null ? null : target.incidentId(), words)
                .thenAccept(result -> Platform.runLater(() -> {
                    send.setDisable(false);
                    if (result instanceof Outcome.Done) {
                        text.clear();
                        say(I18n.t("instructions.sent"), Theme.OK);
                    } else if (result instanceof Outcome.Queued q) {
                        text.clear();
                        say(I18n.t("instructions.queued", q.waiting()), Theme.WARNING);
                    } else if (result instanceof Outcome.Refused r) {
                        say(I18n.t("map.dispatch.refused", r.status(), r.message()), Theme.CRITICAL);
                    } else if (result instanceof Outcome.Failed f) {
                        say(I18n.t("instructions.failed", f.reason()), Theme.CRITICAL);
                    }
                }));
    }

    private void say(String words, String state) {
        outcome.setText(words);
        Theme.setState(outcome, state);
    }
}

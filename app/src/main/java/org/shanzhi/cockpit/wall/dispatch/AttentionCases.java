package org.shanzhi.cockpit.wall.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.shanzhi.cockpit.domain.DispatchBoard;
import org.shanzhi.cockpit.domain.DispatchBoard.DispatchCase;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Instruction;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.StateStyle;
import org.shanzhi.cockpit.wall.Theme;

/**
 * The 批示 box's 重点案件: the open cases a duty leader is expected to write on — 特急 and 紧急 ones and every
 * overdue one — that have no 批示 yet, most urgent first, each with its state, its deadline (or how far past it)
 * and who handles it. A click chooses the case for the next 批示.
 */
final class AttentionCases {

    static final String ROW = "instructions-attention";

    /** One case as shown, all texts formatted. */
    record Line(String incidentId, String severity, String severityState, String title, String detail,
                String detailState) {
    }

    private final VBox box = new VBox(2);
    private final Label heading = new Label();
    private final Consumer<String> choose;
    private List<Line> shown;

    /** {@code choose} takes the case a click chose (on the FX thread). */
    AttentionCases(Consumer<String> choose) {
        this.choose = choose;
        heading.getStyleClass().add(IncidentsWidget.META);
    }

    Node node() {
        return box;
    }

    /** The cases to write on at {@code now}: urgent or overdue, open, not yet under a 批示. */
    static List<Line> lines(Situation s, Instant now) {
        Set<String> instructed = new HashSet<>();
        for (Instruction i : s.instructions().values()) {
            if (i.incidentId() != null) {
                instructed.add(i.incidentId());
            }
        }
        List<Line> out = new ArrayList<>();
        for (DispatchCase c : DispatchBoard.dispatchBoard(s, now, DispatchBoard.CaseFilter.OPEN)) {
            boolean weighty = c.severity() == Incident.Severity.CRITICAL || c.severity() == Incident.Severity.HIGH
                    || c.sla() == Kpi.Sla.OVERDUE;
            if (weighty && !instructed.contains(c.id())) {
                out.add(line(c, now));
            }
        }
        return out;
    }

    private static Line line(DispatchCase c, Instant now) {
        String deadline;
        if (c.deadline() == null) {
            deadline = I18n.t("incident.deadline.none");
        } else if (now.isAfter(c.deadline())) {
            deadline = I18n.t("instructions.attention.over", Formats.duration(Duration.between(c.deadline(), now)));
        } else {
            deadline = I18n.t("instructions.attention.due", Formats.when(c.deadline(), now));
        }
        String who = c.unitName() != null ? c.unitName() : c.unitId() != null ? c.unitId()
                : I18n.t("dispatch.unassigned");
        String title = c.community() == null ? c.title() : I18n.t("dispatch.where", c.title(), c.community());
        return new Line(c.id(), I18n.t("severity", c.severity()), IncidentsWidget.severityState(c.severity()), title,
                I18n.t("instructions.attention.detail", I18n.t("incidentState", c.state()), deadline, who),
                StateStyle.sla(c.sla()).state());
    }

    /** Shows the lines; nothing is rebuilt while they stay the same. */
    void show(Situation s, Instant now) {
        List<Line> next = lines(s, now);
        if (next.equals(shown)) {
            return;
        }
        shown = next;
        heading.setText(I18n.t("instructions.attention.title", next.size()));
        List<Node> rows = new ArrayList<>();
        rows.add(heading);
        for (Line l : next) {
            rows.add(row(l));
        }
        box.getChildren().setAll(rows);
    }

    List<Line> shown() {
        return shown == null ? List.of() : shown;
    }

    private Node row(Line l) {
        Label badge = new Label(l.severity());
        badge.getStyleClass().add(IncidentsWidget.SEVERITY);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        Theme.setState(badge, l.severityState());
        Label title = new Label(l.title());
        title.getStyleClass().add(IncidentsWidget.TITLE);
        title.setMinWidth(0);
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox top = new HBox(8, badge, title);
        top.setAlignment(Pos.CENTER_LEFT);
        Label detail = new Label(l.detail());
        detail.getStyleClass().add(IncidentsWidget.META);
        detail.setMinWidth(0);
        Theme.setState(detail, l.detailState());
        VBox row = new VBox(2, top, detail);
        row.getStyleClass().addAll(IncidentsWidget.ROW, ROW);
        row.setId(l.incidentId());
        row.setOnMouseClicked(e -> choose.accept(l.incidentId()));
        return row;
    }
}

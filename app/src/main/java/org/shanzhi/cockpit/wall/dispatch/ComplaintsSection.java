package org.shanzhi.cockpit.wall.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

/**
 * The incident screen's 12345 part: the orders joined to the case (并案) with where each stands on the way to its
 * 回访 (办理中 until the case's 结案 replies it, then 已回访 with the caller's satisfaction), and the open orders of
 * its category nearby with a 并案 button. Rebuilt only when its lines or the seat's right to act change.
 */
final class ComplaintsSection {

    static final String ROW = "incident-complaint";
    static final String JOIN = "incident-complaint-join";

    private final VBox box = new VBox(4);
    private final Consumer<Complaint> join;
    private Object shown;

    /** {@code join} sends the 并案 of an order (on the FX thread). */
    ComplaintsSection(Consumer<Complaint> join) {
        this.join = join;
        box.getStyleClass().add(IncidentScreen.SECTION);
    }

    VBox node() {
        return box;
    }

    void show(List<CaseFile.ComplaintLine> lines, Instant now, boolean mayJoin) {
        Object key = List.of(lines, mayJoin);
        if (key.equals(shown)) {
            return;
        }
        shown = key;
        long joined = lines.stream().filter(CaseFile.ComplaintLine::joined).count();
        List<Node> rows = new ArrayList<>();
        rows.add(label(I18n.t("incident.section.complaints", joined, lines.size() - joined), IncidentScreen.HEADING));
        for (CaseFile.ComplaintLine l : lines) {
            rows.add(row(l, now, mayJoin));
        }
        if (lines.isEmpty()) {
            rows.add(label(I18n.t("incident.noComplaints"), IncidentScreen.TEXT));
        }
        box.getChildren().setAll(rows);
    }

    private HBox row(CaseFile.ComplaintLine l, Instant now, boolean mayJoin) {
        Complaint c = l.complaint();
        Label text = label(I18n.t("incident.complaint", Formats.when(c.acceptedAt(), now), c.summary(), stands(l)),
                IncidentScreen.TEXT);
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(8, text);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add(ROW);
        row.setId(c.orderNo());
        if (!l.joined()) {
            Button b = new Button(I18n.t("incident.complaint.join"));
            b.getStyleClass().addAll(IncidentScreen.ACTION, JOIN);
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setDisable(!mayJoin);
            b.setOnAction(e -> join.accept(c));
            row.getChildren().add(b);
        } else {
            Theme.setState(text, c.revisit() != null ? satisfactionState(c.revisit().satisfaction())
                    : c.state() == ComplaintState.IN_PROGRESS ? Theme.INFO : null);
        }
        return row;
    }

    /** Where the order stands: joined, its state (and 回访 result); nearby, that it may join. */
    private static String stands(CaseFile.ComplaintLine l) {
        Complaint c = l.complaint();
        if (!l.joined()) {
            return I18n.t("incident.complaint.near");
        }
        if (c.revisit() != null) {
            return I18n.t("incident.complaint.revisited", I18n.t("satisfaction", c.revisit().satisfaction()));
        }
        return I18n.t("incident.complaint.joined", I18n.t("complaintState", c.state()));
    }

    private static String satisfactionState(Complaint.Satisfaction s) {
        return switch (s) {
            case SATISFIED -> Theme.OK;
            case BASICALLY_SATISFIED -> Theme.WARNING;
            case UNSATISFIED -> Theme.CRITICAL;
        };
    }

    private static Label label(String text, String style) {
        Label l = new Label(text == null ? "" : text);
        l.getStyleClass().add(style);
        l.setMinWidth(0);
        return l;
    }
}

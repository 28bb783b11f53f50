package org.shanzhi.cockpit.wall.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.StateStyle;

/**
 * The incident screen's timeline: the case's steps newest first, each with its time and who took it. It takes what
 * height its column leaves and scrolls; rebuilt only when the steps change.
 */
final class CaseTimeline {

    static final String MOMENT = "incident-moment";
    /**
     * The newest steps drawn, older ones counted: a long case's whole history rebuilt on every change kept the wall's
     * pulse busy for tens of milliseconds (bench dispatch.ack_to_wall_render_*).
     */
    static final int MOMENTS_SHOWN = 40;

    private final VBox moments = new VBox(2);
    private final VBox box = IncidentScreen.section();
    private List<CaseFile.Moment> shown;

    CaseTimeline() {
        ScrollPane scroll = new ScrollPane(moments);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        box.getChildren().addAll(IncidentScreen.heading(I18n.t("incident.section.timeline")), scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox.setVgrow(box, Priority.ALWAYS);
    }

    VBox node() {
        return box;
    }

    void show(List<CaseFile.Moment> timeline, Situation s, Instant now) {
        if (timeline.equals(shown)) {
            return;
        }
        shown = timeline;
        List<Node> rows = new ArrayList<>();
        // newest first: the last step is what the seat looks for
        int oldest = Math.max(0, timeline.size() - MOMENTS_SHOWN);
        for (int k = timeline.size() - 1; k >= oldest; k--) {
            rows.add(moment(timeline.get(k), s, now));
        }
        if (oldest > 0) {
            rows.add(IncidentScreen.text(I18n.t("common.more", oldest)));
        }
        moments.getChildren().setAll(rows);
    }

    private static Node moment(CaseFile.Moment m, Situation s, Instant now) {
        String what = switch (m.kind()) {
            case OPENED -> I18n.t("incident.moment.OPENED", I18n.t("incident.source", m.state()));
            case CASE_STATE -> I18n.t("incident.moment.CASE_STATE", I18n.t("incidentState", m.state()));
            case ALERT -> I18n.t("incident.moment.ALERT", m.subject());
            case ORDER_STEP -> I18n.t("incident.moment.ORDER_STEP", m.subject(),
                    StateStyle.order((OrderState) m.state()).label());
            case INSTRUCTION -> I18n.t("incident.moment.INSTRUCTION", m.subject());
            case WHISTLE -> I18n.t("incident.moment.WHISTLE", m.subject());
            case WHISTLE_ARRIVED -> I18n.t("incident.moment.WHISTLE_ARRIVED", m.subject());
        };
        Label at = new Label(Formats.when(m.at(), now));
        at.getStyleClass().add(IncidentsWidget.META);
        at.setMinWidth(Region.USE_PREF_SIZE);
        Label text = IncidentScreen.text(what);
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(10, at, text);
        if (m.by() != null && m.kind() != CaseFile.MomentKind.WHISTLE_ARRIVED) {
            Label by = new Label(who(m.by(), s));
            by.getStyleClass().add(IncidentsWidget.META);
            by.setMinWidth(Region.USE_PREF_SIZE);
            row.getChildren().add(by);
        }
        row.getStyleClass().add(MOMENT);
        return row;
    }

    /** Who took a step: a seat, the hub, a unit by its name, a camera by its name. */
    private static String who(String by, Situation s) {
        return switch (by) {
            case "center" -> I18n.t("issuer.CENTER");
            case "district" -> I18n.t("issuer.DISTRICT");
            case "hub" -> I18n.t("incident.by.hub");
            case "override" -> I18n.t("incident.by.override");
            default -> {
                if (s.units().get(by) != null) {
                    yield s.units().get(by).name();
                }
                yield s.cameras().get(by) != null ? s.cameras().get(by).name() : by;
            }
        };
    }
}

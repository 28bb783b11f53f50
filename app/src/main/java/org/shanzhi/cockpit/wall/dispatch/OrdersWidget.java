package org.shanzhi.cockpit.wall.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.StateStyle;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.WallFrame;
import org.shanzhi.cockpit.wall.WallLinks;
import org.shanzhi.cockpit.wall.Widget;
import org.shanzhi.cockpit.wall.drill.DrillMark;
import org.shanzhi.cockpit.wall.layout.Placement;

/**
 * The orders board (指令): every order of the street's seat and the district's, the open ones first (newest first),
 * then those that ended today (Beijing), each with its state in its colour, its time, the seat that issued it, its
 * unit and its case and, while the unit keeps it waiting, how ({@link DispatchOrder#lateness} on the hub's time:
 * 未送达, 未签收); under it, an open order's case deadline with the time left or 超时 by how much, an ended one's
 * time taken. Made from the situation alone, so two walls on one hub show the same rows. A click on a row opens
 * its case. Option: {@code limit} (1–200, default 30).
 */
public final class OrdersWidget implements Widget {

    static final String ROOT = "orders";
    static final String DEADLINE = "orders-deadline";
    /** What a row says, all texts formatted: the rows are rebuilt only when these change. */
    record Row(String orderId, String incidentId, String state, String stateStyle, String text, String late,
               String lateStyle, String deadline, String deadlineStyle, boolean drill) {
    }

    private final int limit;
    private final WallLinks links;
    private final BorderPane root = new BorderPane();
    private final Label count = new Label();
    private final VBox rows = new VBox(2);
    private Situation last;
    private List<Row> shown;

    public OrdersWidget(Placement placement, WallContext context) {
        this.limit = Math.max(1, Math.min(200, placement == null ? 30 : placement.options().path("limit").asInt(30)));
        this.links = context.links();
        Label name = new Label(I18n.t("orders.title"));
        name.getStyleClass().add(Theme.PANEL_TITLE);
        count.getStyleClass().add(Theme.PANEL_CLOCK);
        HBox header = new HBox(name, count);
        header.getStyleClass().add(Theme.PANEL_HEADER);
        rows.getStyleClass().add(IncidentsWidget.CASES);
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setTop(header);
        root.setCenter(scroll);
        root.getStyleClass().addAll(Theme.PANEL, IncidentsWidget.ROOT, ROOT);
        root.getStylesheets().add(Theme.stylesheet());
        show(Situation.empty(), DispatchOrder.Timing.defaults());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void show(WallFrame frame) {
        show(frame.situation(), frame.orderTiming());
    }

    private void show(Situation s, DispatchOrder.Timing timing) {
        if (s == null || s == last) {
            return;
        }
        last = s;
        List<Row> next = rows(s, limit, timing);
        if (next.equals(shown)) {
            return;
        }
        shown = next;
        long open = s.orders().values().stream().filter(DispatchOrder::open).count();
        count.setText(I18n.t("orders.count", open));
        rows.getChildren().clear();
        if (next.isEmpty()) {
            Label empty = new Label(I18n.t("orders.empty"));
            empty.getStyleClass().add(IncidentsWidget.EMPTY);
            rows.getChildren().add(empty);
        }
        for (Row r : next) {
            rows.getChildren().add(row(r));
        }
    }

    /** The board's rows at the situation's time, late against the hub's order timing. */
    static List<Row> rows(Situation s, int limit, DispatchOrder.Timing timing) {
        Instant now = s.time();
        List<DispatchOrder> open = new ArrayList<>();
        List<DispatchOrder> ended = new ArrayList<>();
        for (DispatchOrder o : s.orders().values()) {
            if (o.open()) {
                open.add(o);
            } else if (now != null && !o.updatedAt().isBefore(dayStart(now))) {
                ended.add(o);
            }
        }
        open.sort(Comparator.comparing(DispatchOrder::issuedAt).reversed());
        ended.sort(Comparator.comparing(DispatchOrder::updatedAt).reversed());
        open.addAll(ended);
        List<Row> out = new ArrayList<>();
        for (DispatchOrder o : open.subList(0, Math.min(limit, open.size()))) {
            out.add(row(s, o, now, timing));
        }
        return out;
    }

    /** Midnight of the day (Beijing) {@code now} is in: the board keeps the day's ended orders. */
    static Instant dayStart(Instant now) {
        return now.atZone(Kpi.BEIJING).toLocalDate().atStartOfDay(Kpi.BEIJING).toInstant();
    }

    private static Row row(Situation s, DispatchOrder o, Instant now, DispatchOrder.Timing timing) {
        FieldUnit unit = s.units().get(o.unitId());
        Incident incident = s.incidents().get(o.incidentId());
        StateStyle.Look look = StateStyle.order(o.state());
        String text = I18n.t("orders.row", Formats.clock(o.issuedAt()), I18n.t("issuer." + o.issuer().name()),
                unit == null ? o.unitId() : unit.name(), incident == null ? o.incidentId() : incident.title());
        DispatchOrder.Lateness late = now == null ? DispatchOrder.Lateness.ON_TIME
                : o.lateness(now, timing);
        String deadline = "";
        String deadlineStyle = null;
        if (!o.open()) {
            deadline = I18n.t("orders.ended", Formats.clock(o.updatedAt()),
                    Formats.duration(Duration.between(o.issuedAt(), o.updatedAt())));
        } else if (incident != null && incident.deadline() != null && now != null) {
            // the order is done when its case is: the case's deadline is the one the seat answers for
            Duration left = Duration.between(now, incident.deadline());
            deadline = left.isNegative()
                    ? I18n.t("orders.deadline.over", Formats.clock(incident.deadline()), Formats.duration(left.negated()))
                    : I18n.t("orders.deadline.left", Formats.clock(incident.deadline()), Formats.duration(left));
            deadlineStyle = StateStyle.sla(Kpi.sla(incident.openedAt(), incident.deadline(), now)).state();
        }
        return new Row(o.id(), o.incidentId(), look.label(), look.state(), text,
                late == DispatchOrder.Lateness.ON_TIME ? "" : I18n.t("orders.late." + late.name()),
                late == DispatchOrder.Lateness.NOT_DELIVERED ? Theme.WARNING : Theme.CRITICAL,
                deadline, deadlineStyle, DrillMark.of(s, "orders", o.id()));
    }

    private Node row(Row r) {
        Label state = new Label(r.state());
        state.getStyleClass().add(IncidentsWidget.STATE);
        Theme.setState(state, r.stateStyle());
        state.setMinWidth(80);
        Label text = new Label(r.text());
        text.getStyleClass().add(IncidentsWidget.TITLE);
        text.setMinWidth(0);
        text.setWrapText(true); // a narrow column (the district's) still shows the unit and the case
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox line = new HBox(8, state, text);
        if (r.drill()) {
            line.getChildren().add(1, DrillMark.label());
        }
        if (!r.late().isEmpty()) {
            Label late = new Label(r.late());
            late.getStyleClass().add(IncidentsWidget.STATE);
            late.setMinWidth(Region.USE_PREF_SIZE);
            Theme.setState(late, r.lateStyle());
            line.getChildren().add(late);
        }
        line.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(2, line);
        if (!r.deadline().isEmpty()) {
            Label deadline = new Label(r.deadline());
            deadline.getStyleClass().addAll(IncidentsWidget.META, DEADLINE);
            deadline.setMinWidth(0);
            deadline.setPadding(new Insets(0, 0, 0, 88)); // under the text, past the state
            Theme.setState(deadline, r.deadlineStyle());
            row.getChildren().add(deadline);
        }
        row.getStyleClass().add(IncidentsWidget.ROW);
        row.setId(r.orderId());
        row.setOnMouseClicked(e -> links.openIncident(r.incidentId()));
        return row;
    }
}

package org.shanzhi.cockpit.wall.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.shanzhi.cockpit.domain.DispatchOrder;
import org.shanzhi.cockpit.domain.Recommendations.RecommendedUnit;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.StateStyle;
import org.shanzhi.cockpit.wall.Theme;

/**
 * The incident screen's orders: each with its state live, how long a late one has kept the seat waiting, and while
 * open its 改派, 撤回 and 增派. Rebuilt when an order, its lateness or the unit offered instead changes; the seconds
 * waited are set in place.
 */
final class OrdersSection {

    static final String ORDER = "incident-order";
    static final String ORDER_STATE = "incident-order-state";
    static final String LATE = "incident-late";
    /** The ended orders drawn after the open ones, newest first, older ones counted (as the timeline's moments). */
    static final int ENDED_ORDERS_SHOWN = 10;

    private final CaseCommands commands;
    private final BiConsumer<String, RecommendedUnit> dispatch;
    private final VBox box = IncidentScreen.section();
    private List<Object> shown;

    /** {@code dispatch} sends a unit to a case with the screen's task and priority. */
    OrdersSection(CaseCommands commands, BiConsumer<String, RecommendedUnit> dispatch) {
        this.commands = commands;
        this.dispatch = dispatch;
    }

    VBox node() {
        return box;
    }

    void show(CaseFile f, Instant now) {
        List<Object> key = new ArrayList<>();
        for (CaseFile.OrderLine l : f.orders()) {
            key.add(List.of(l.order(), l.lateness(), l.replacement() == null ? "" : l.replacement().id(), l.unitName()));
        }
        key.add(commands.whyNot(f) == null && !commands.sending());
        if (key.equals(shown)) {
            updateWaits(f, now);
            return;
        }
        shown = key;
        List<Node> rows = new ArrayList<>();
        long open = f.orders().stream().filter(CaseFile.OrderLine::open).count();
        rows.add(IncidentScreen.heading(I18n.t("incident.section.orders", f.orders().size(), open)));
        // the open orders first, then the newest ended ones
        int drawn = (int) Math.min(f.orders().size(), open + ENDED_ORDERS_SHOWN);
        for (CaseFile.OrderLine l : f.orders().subList(0, drawn)) {
            rows.add(orderRow(f, l));
        }
        if (drawn < f.orders().size()) {
            rows.add(IncidentScreen.text(I18n.t("common.more", f.orders().size() - drawn)));
        }
        if (f.orders().isEmpty()) {
            rows.add(IncidentScreen.text(I18n.t("incident.noOrder")));
        }
        box.getChildren().setAll(rows);
        updateWaits(f, now);
    }

    /** Draws the orders again at the next show (their buttons follow the seat's right to act). */
    void forget() {
        shown = null;
    }

    private VBox orderRow(CaseFile f, CaseFile.OrderLine l) {
        DispatchOrder o = l.order();
        StateStyle.Look look = StateStyle.order(o.state());
        Label state = new Label(look.label());
        state.getStyleClass().add(ORDER_STATE);
        state.setMinWidth(Region.USE_PREF_SIZE);
        Theme.setState(state, l.lateness() == DispatchOrder.Lateness.ON_TIME ? look.state() : lateState(l.lateness()));
        Label who = IncidentScreen.text(I18n.t("incident.order.line", o.id(), l.unitName()));
        HBox.setHgrow(who, Priority.ALWAYS);
        who.setMaxWidth(Double.MAX_VALUE);
        HBox first = new HBox(10, state, who);
        first.setAlignment(Pos.CENTER_LEFT);
        Label meta = IncidentScreen.text(I18n.t("incident.order.meta", l.role() == null ? I18n.t("common.missing")
                : I18n.t("role", l.role()), StateStyle.severity(o.priority()).label(),
                I18n.t("issuer." + o.issuer().name())));
        VBox row = new VBox(2, first, meta, IncidentScreen.text(I18n.t("incident.order.task", o.task())));
        if (o.override()) {
            row.getChildren().add(IncidentScreen.text(I18n.t("incident.order.override")));
        }
        if (o.reason() != null) {
            row.getChildren().add(IncidentScreen.text(I18n.t("incident.order.reason", o.reason())));
        }
        if (o.note() != null) {
            row.getChildren().add(IncidentScreen.text(I18n.t("incident.order.note", o.note())));
        }
        if (l.lateness() != DispatchOrder.Lateness.ON_TIME) {
            Label late = new Label();
            late.getStyleClass().add(LATE);
            late.setUserData(o.id());
            Theme.setState(late, lateState(l.lateness()));
            row.getChildren().add(late);
        }
        if (l.open()) {
            row.getChildren().add(actions(f, l));
        }
        row.getStyleClass().add(ORDER);
        row.setId(o.id());
        return row;
    }

    /** 改派 to the unit offered instead (else the first recommended), the late order's own actions, 撤回. */
    private HBox actions(CaseFile f, CaseFile.OrderLine l) {
        DispatchOrder o = l.order();
        boolean off = commands.whyNot(f) != null || commands.sending();
        List<Node> buttons = new ArrayList<>();
        RecommendedUnit instead = l.replacement() != null ? l.replacement()
                : f.recommended().isEmpty() ? null : f.recommended().get(0);
        if (CaseFile.reassignable(o)) {
            Button reassign = IncidentScreen.action(instead == null ? I18n.t("incident.reassign.none")
                    : I18n.t("incident.reassign", instead.name() == null ? instead.id() : instead.name()));
            reassign.setDisable(off || instead == null);
            reassign.setOnAction(e -> reassign(o, instead));
            if (l.replacement() != null) {
                reassign.getStyleClass().add("incident-action-suggested");
            }
            buttons.add(reassign);
        }
        buttons.addAll(LateOrderActions.of(l, off, () -> commands.send(I18n.t("incident.resending", o.id()),
                hub -> hub.resendOrder(o.id()), I18n.t("incident.resent", o.id())),
                () -> dispatch.accept(f.incident().id(), l.replacement())));
        if (CaseFile.cancellable(o)) {
            Button cancel = IncidentScreen.action(I18n.t("incident.cancel"));
            cancel.setDisable(off);
            cancel.setOnAction(e -> commands.send(I18n.t("incident.cancelling", o.id()),
                    hub -> hub.cancelOrder(o.id()), I18n.t("incident.cancelled", o.id())));
            buttons.add(cancel);
        }
        HBox actions = new HBox(8);
        actions.getChildren().setAll(buttons);
        return actions;
    }

    private void reassign(DispatchOrder o, RecommendedUnit u) {
        String name = u.name() == null ? u.id() : u.name();
        commands.send(I18n.t("incident.reassigning", o.id(), name), hub -> hub.reassignOrder(o.id(), u.id()),
                I18n.t("incident.reassigned", o.id(), name));
    }

    /** The seconds an order has kept the seat waiting, on its alert line. */
    private void updateWaits(CaseFile f, Instant now) {
        for (Node n : box.lookupAll("." + LATE)) {
            Label late = (Label) n;
            for (CaseFile.OrderLine l : f.orders()) {
                if (l.order().id().equals(late.getUserData())) {
                    Duration waited = Duration.between(l.order().issuedAt(), now);
                    late.setText(I18n.t("incident.late." + l.lateness().name(), waitText(waited)));
                }
            }
        }
    }

    private static String waitText(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s < 60 ? I18n.t("incident.seconds", s) : I18n.t("incident.minutesSeconds", s / 60, s % 60);
    }

    private static String lateState(DispatchOrder.Lateness l) {
        return switch (l) {
            case ON_TIME -> Theme.INFO;
            case NOT_DELIVERED -> Theme.WARNING;
            case NOT_ACCEPTED, EXPIRED -> Theme.CRITICAL;
        };
    }
}

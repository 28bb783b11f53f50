package org.shanzhi.cockpit.wall.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import org.controlsfx.control.PopOver;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Recommendations;
import org.shanzhi.cockpit.domain.Recommendations.RecommendedUnit;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.feed.HubCommands.Outcome;
import org.shanzhi.cockpit.feed.HubCommands;
import org.shanzhi.cockpit.wall.Formats;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallContext;
import org.shanzhi.cockpit.wall.map.geo.BaseMap;
import org.shanzhi.cockpit.wall.map.geo.BaseMapLoader;
import org.shanzhi.cockpit.wall.map.layer.MapMark;

/**
 * The details of the mark clicked, in a ControlsFX {@link PopOver} beside it, with what can be done from there: a
 * camera's video opened on the wall's video screen, a case waiting for dispatch sent to one of the free units
 * recommended for it (by travel time along the roads). On the FX thread; orders go to the hub on okhttp's threads and their outcome comes back here.
 */
final class MapPopover {

    /** How many free units a case offers to send. */
    static final int NEAREST = 3;

    private final PopOver popOver = new PopOver();
    private final VBox content = new VBox();
    private final Label title = new Label();
    private final VBox rows = new VBox();
    private final VBox actions = new VBox();
    /** 指挥: the case on the incident screen (or in a window of its own). */
    private final Button command = new Button(I18n.t("map.action.command"));
    private final WallContext context;
    private final HubCommands commands;

    /** The mark shown and, for a case, the units offered (their ids), so a new situation updates rather than rebuilds. */
    private String shownId;
    private List<String> offered = List.of();
    private Label outcome;
    private boolean sending;
    /** The hub refused an order for this token's role once: the buttons stay off from then on. */
    private boolean forbidden;

    MapPopover(WallContext context) {
        this.context = context;
        this.commands = context.commands();
        content.getStyleClass().add("map-details");
        title.getStyleClass().add("map-details-title");
        actions.getStyleClass().add("map-actions");
        command.getStyleClass().add("map-command");
        command.setOnAction(e -> {
            if (context.links().openIncident(shownId)) {
                hide();
            } else {
                if (outcome == null) {
                    outcome = note();
                    actions.getChildren().add(outcome);
                }
                say(I18n.t("map.action.noIncidentScreen"), Theme.WARNING);
            }
        });
        content.getChildren().addAll(title, rows, command, actions);
        popOver.setContentNode(content);
        popOver.setDetachable(false);
        popOver.setAutoHide(true);
        popOver.setHideOnEscape(true);
        popOver.setFadeInDuration(Duration.millis(120));
        popOver.setFadeOutDuration(Duration.millis(80));
        popOver.getStyleClass().add("map-popover");
    }

    PopOver popOver() {
        return popOver;
    }

    boolean isShowing() {
        return popOver.isShowing();
    }

    void hide() {
        shownId = null;
        if (popOver.isShowing()) {
            popOver.hide(Duration.ZERO);
        }
    }

    /** Shows the mark's details with its arrow at ({@code screenX}, {@code screenY}), on the side with more room. */
    void show(MapMark m, Situation s, Node owner, double screenX, double screenY, boolean roomOnTheRight) {
        if (!m.id().equals(shownId)) {
            shownId = m.id();
            offered = List.of();
            outcome = null;
            sending = false;
            actions.getChildren().clear();
        }
        fill(m, s);
        popOver.setArrowLocation(roomOnTheRight ? PopOver.ArrowLocation.LEFT_CENTER : PopOver.ArrowLocation.RIGHT_CENTER);
        popOver.show(owner, screenX, screenY);
    }

    /** A new situation: the same mark's rows again, its actions kept (a button under the pointer stays put). */
    void refresh(MapMark m, Situation s) {
        if (popOver.isShowing() && m.id().equals(shownId)) {
            fill(m, s);
        }
    }

    private void fill(MapMark m, Situation s) {
        MapDescriptions.Details d = MapDescriptions.details(m, s);
        title.setText(d.title());
        List<Node> labels = new ArrayList<>();
        for (MapDescriptions.Row r : d.rows()) {
            Label row = new Label(r.text());
            row.getStyleClass().add("map-details-row");
            Theme.setState(row, r.state());
            labels.add(row);
        }
        rows.getChildren().setAll(labels);
        boolean isCase = m.subject() instanceof Incident;
        command.setVisible(isCase);
        command.setManaged(isCase);
        if (m.subject() instanceof Camera c) {
            cameraActions(c);
        } else if (m.subject() instanceof Incident i && s != null) {
            Incident now = s.incidents().getOrDefault(i.id(), i);
            incidentActions(now, s);
        }
    }

    // --- a camera: its video on the wall ---------------------------------------------------------------

    private void cameraActions(Camera c) {
        if (!actions.getChildren().isEmpty()) {
            return;
        }
        Button open = new Button(I18n.t("map.action.openVideo"));
        open.getStyleClass().add("map-action");
        outcome = note();
        open.setOnAction(e -> {
            boolean shown = context.links().openCamera(c.id());
            say(shown ? I18n.t("map.action.videoOpened", c.id()) : I18n.t("map.action.noVideoScreen"),
                    shown ? Theme.OK : Theme.WARNING);
        });
        actions.getChildren().setAll(open, outcome);
    }

    // --- a case: dispatch to one of the nearest free units --------------------------------------------------

    private void incidentActions(Incident i, Situation s) {
        if (i.state() != IncidentState.PENDING_DISPATCH) {
            // dispatched (or never to be): no more buttons, the last outcome stays
            offered = List.of();
            actions.getChildren().setAll(outcome == null ? List.of() : List.of(outcome));
            return;
        }
        List<RecommendedUnit> free = Recommendations.rank(s, i, BaseMapLoader.shared().getNow(BaseMap.EMPTY).network(),
                s.time(), Recommendations.Rules.defaults());
        Map<String, RecommendedUnit> byId = new HashMap<>();
        free.forEach(u -> byId.put(u.id(), u));
        if (!offered.isEmpty() && byId.keySet().containsAll(offered) && !actions.getChildren().isEmpty()) {
            // the units offered are still free: same buttons in the same order (one may be under the pointer), new distances
            for (int k = 0; k < offered.size(); k++) {
                ((Button) actions.getChildren().get(k + 1)).setText(unitText(byId.get(offered.get(k))));
            }
            return;
        }
        List<RecommendedUnit> units = free.subList(0, Math.min(NEAREST, free.size()));
        List<String> ids = units.stream().map(RecommendedUnit::id).toList();
        offered = ids;
        List<Node> nodes = new ArrayList<>();
        Label heading = new Label(I18n.t("map.dispatch.heading"));
        heading.getStyleClass().add("map-details-subtitle");
        nodes.add(heading);
        String why = whyNot();
        for (RecommendedUnit u : units) {
            Button b = new Button(unitText(u));
            b.getStyleClass().add("map-action");
            b.setDisable(why != null || sending);
            b.setOnAction(e -> dispatch(i.id(), u));
            nodes.add(b);
        }
        if (outcome == null) {
            outcome = note();
        }
        nodes.add(outcome);
        if (units.isEmpty()) {
            say(I18n.t("map.dispatch.noFreeUnit"), Theme.WARNING);
        } else if (why != null && !sending) {
            say(why, Theme.STALE);
        }
        actions.getChildren().setAll(nodes);
    }

    private static String unitText(RecommendedUnit u) {
        return I18n.t("map.dispatch.unit", u.name() == null ? u.id() : u.name(), I18n.t("map.role", u.role()),
                Formats.eta(u));
    }

    /** Why this wall cannot send orders, or null when it can (the hub still decides). */
    private String whyNot() {
        if (commands == null) {
            return I18n.t("map.dispatch.noHub");
        }
        if (context.notYetConnected()) {
            return I18n.t("wall.notConnected");
        }
        if (forbidden || !context.mayDispatch()) {
            return I18n.t("map.dispatch.role", context.seat());
        }
        return null;
    }

    private void dispatch(String incidentId, RecommendedUnit u) {
        if (context.notYetConnected()) {
            say(I18n.t("wall.notConnected"), Theme.WARNING); // the picture may be the one kept from the last run
            return;
        }
        sending = true;
        actions.getChildren().forEach(n -> n.setDisable(n instanceof Button));
        String name = u.name() == null ? u.id() : u.name();
        say(I18n.t("map.dispatch.sending", name), Theme.INFO);
        Label target = outcome;
        // the district's seat sends orders (its issuer is the district); the street's dispatches as ever
        CompletableFuture<Outcome> sent = "district".equals(context.role())
                ? commands.issueOrder(incidentId, u.id(), null, null) : commands.dispatch(incidentId, u.id());
        sent.thenAccept(result -> Platform.runLater(() -> {
            sending = false;
            if (result instanceof Outcome.Done) {
                show(target, I18n.t("map.dispatch.done", name, incidentId), Theme.OK);
            } else if (result instanceof Outcome.Queued q) {
                show(target, I18n.t("map.dispatch.queued", name, q.waiting()), Theme.WARNING);
            } else if (result instanceof Outcome.Refused r) {
                forbidden |= r.status() == 401 || r.status() == 403;
                show(target, I18n.t("map.dispatch.refused", r.status(), r.message()), Theme.CRITICAL);
            } else if (result instanceof Outcome.Failed f) {
                show(target, I18n.t("map.dispatch.failed", f.reason()), Theme.CRITICAL);
            }
            // a refused order can be tried with another unit; the next situation lists who is free now
            boolean off = whyNot() != null;
            actions.getChildren().forEach(n -> n.setDisable(n instanceof Button && off));
        }));
    }

    private static Label note() {
        Label l = new Label();
        l.getStyleClass().add("map-details-row");
        l.setWrapText(true);
        l.setMaxWidth(420);
        return l;
    }

    private void say(String text, String state) {
        show(outcome, text, state);
    }

    private static void show(Label l, String text, String state) {
        l.setText(text);
        Theme.setState(l, state);
    }
}

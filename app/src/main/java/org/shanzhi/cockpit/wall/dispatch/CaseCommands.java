package org.shanzhi.cockpit.wall.dispatch;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.scene.control.Label;

import org.shanzhi.cockpit.feed.HubCommands;
import org.shanzhi.cockpit.feed.HubCommands.Outcome;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;
import org.shanzhi.cockpit.wall.WallContext;

/**
 * The incident screen's commands to the hub: one at a time through the wall's {@link HubCommands} (its outbox), the
 * outcome said on one line; whether this seat may act at all. Called on the FX thread; the answer comes back to it.
 */
final class CaseCommands {

    static final String OUTCOME = "incident-outcome";

    private final WallContext context;
    private final HubCommands hub;
    private final Label outcome = new Label();
    private final Runnable sent;
    private final Runnable answered;
    private boolean sending;
    /** The hub refused this token once (401/403): the buttons stay off from then on. */
    private boolean forbidden;

    /** {@code sent} turns the buttons off while a command is on its way; {@code answered} shows the case again. */
    CaseCommands(WallContext context, Runnable sent, Runnable answered) {
        this.context = context;
        this.hub = context.commands();
        this.sent = sent;
        this.answered = answered;
        outcome.getStyleClass().add(OUTCOME);
        outcome.setWrapText(true);
    }

    Label outcome() {
        return outcome;
    }

    boolean sending() {
        return sending;
    }

    /** Whether this wall may blow a whistle and record arrivals (the seats that send orders; the hub still decides). */
    boolean maySummon() {
        return hub != null && !forbidden && context.mayDispatch() && !context.notYetConnected();
    }

    /** Why this wall cannot send orders on the case, or null when it can (the hub still decides). */
    String whyNot(CaseFile f) {
        if (hub == null) {
            return I18n.t("map.dispatch.noHub");
        }
        if (context.notYetConnected()) {
            return I18n.t("wall.notConnected");
        }
        if (forbidden || !context.mayDispatch()) {
            return I18n.t("map.dispatch.role", context.seat());
        }
        if (!f.takesOrders()) {
            return I18n.t("incident.noOrders", I18n.t("incidentState", f.incident().state()));
        }
        return null;
    }

    void send(String sendingText, Function<HubCommands, CompletableFuture<Outcome>> command, String doneText) {
        if (context.notYetConnected()) {
            say(I18n.t("wall.notConnected"), Theme.WARNING); // the picture may be the one kept from the last run
            return;
        }
        sending = true;
        sent.run();
        say(sendingText, Theme.INFO);
        command.apply(hub).thenAccept(result -> Platform.runLater(() -> {
            sending = false;
            if (result instanceof Outcome.Done) {
                say(doneText, Theme.OK);
            } else if (result instanceof Outcome.Queued q) {
                say(I18n.t("incident.queued", q.waiting()), Theme.WARNING);
            } else if (result instanceof Outcome.Refused r) {
                forbidden |= r.status() == 401 || r.status() == 403;
                say(I18n.t("map.dispatch.refused", r.status(), r.message()), Theme.CRITICAL);
            } else if (result instanceof Outcome.Failed f) {
                say(I18n.t("incident.failed", f.reason()), Theme.CRITICAL);
            }
            // the next situation shows the order; the buttons come back with it (or now, if nothing changed)
            answered.run();
        }));
    }

    void say(String text, String state) {
        outcome.setText(text);
        Theme.setState(outcome, state);
    }
}

package org.shanzhi.cockpit.wall.drill;

import org.shanzhi.cockpit.feed.HubCommands.Outcome;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.Theme;

/**
 * What became of one of the trainer's steps, in the trainer's words: the hub answers in English for developers
 * (409 "only a running drill can be paused; …"), so its refusals are told by what was asked and how the hub
 * answered (docs/api.md, "Drills"), never by its message.
 */
final class DrillWords {

    /** The words and the state class they are shown in. */
    record Said(String words, String state) {
    }

    private DrillWords() {
    }

    /** {@code action}: load, start, pause, resume, skip, stop, fire or add. */
    static Said of(String action, Outcome outcome) {
        if (outcome instanceof Outcome.Done) {
            return new Said(I18n.t("drill.done." + action), Theme.OK);
        }
        if (outcome instanceof Outcome.Queued q) {
            return new Said(I18n.t("drill.queued", q.waiting()), Theme.WARNING);
        }
        if (outcome instanceof Outcome.Refused r) {
            return new Said(refused(action, r), Theme.CRITICAL);
        }
        return new Said(I18n.t("drill.failed"), Theme.CRITICAL);
    }

    /** The hub's 404s and 409s differ only in their message (which thing is missing, which state refused). */
    private static String refused(String action, Outcome.Refused r) {
        return switch (r.status()) {
            case 401, 403 -> I18n.t("drill.refused.right");
            case 404 -> r.message().contains("no drill is loaded") ? I18n.t("drill.refused.noDrill")
                    : action.equals("load") ? I18n.t("drill.refused.noScript") : I18n.t("drill.refused.noInject");
            case 409 -> r.message().contains("two drills cannot share a hub") ? I18n.t("drill.refused.409.load")
                    : action.equals("skip") && r.message().startsWith("no inject has a time")
                    ? I18n.t("drill.refused.skipNothing")
                    : r.message().contains("cannot be") ? I18n.t("drill.refused.over")
                    : I18n.t("drill.refused.409." + action);
            case 422 -> I18n.t(action.equals("load") ? "drill.refused.badScript" : "drill.refused.badInject");
            default -> I18n.t("drill.refused.other", r.status());
        };
    }
}

package org.shanzhi.cockpit.domain.debrief;

import org.shanzhi.cockpit.domain.AiAlert;
import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.IncidentState;
import org.shanzhi.cockpit.domain.OrderState;
import org.shanzhi.cockpit.domain.Outage;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.Whistle;

/**
 * What the trainees do to a thing a drill created, read from the situation: a drill script's trigger
 * ({@code when}) and its expected actions ({@code expect}) both use it, so an inject fires on the very thing
 * the debrief later measures.
 */
public enum Action {
    /** The AI alert was reviewed and accepted (or merged into a case). */
    alertConfirmed("确认告警"),
    /** The case was dispatched (or has gone further). */
    caseDispatched("派遣"),
    /** A unit reached the case: an order of it on site or further, or the case in progress or further. */
    unitOnScene("单兵到场"),
    /** The case was closed, normally or not. */
    caseClosed("结案"),
    /** The 12345 order moved past 受理 (answered directly or dispatched). */
    complaintHandled("诉求受理"),
    /** A department called by the whistle has reported. */
    whistleAnswered("吹哨报到"),
    /** Every building of the outage has power and network back. */
    outageRestored("全部恢复");

    public final String zh;

    Action(String zh) {
        this.zh = zh;
    }

    /** Whether the thing {@code id} (as the running drill names it) shows this action done. */
    public boolean done(Situation s, String id) {
        return switch (this) {
            case alertConfirmed -> {
                AiAlert a = s.alerts().get(id);
                yield a != null && (a.review() == AiAlert.Review.ACCEPTED || a.review() == AiAlert.Review.MERGED);
            }
            case caseDispatched -> reached(s.incidents().get(id), IncidentState.DISPATCHED);
            case unitOnScene -> reached(s.incidents().get(id), IncidentState.IN_PROGRESS)
                    || s.orders().values().stream().anyMatch(o -> o.incidentId().equals(id)
                    && o.state().ordinal() >= OrderState.ON_SITE.ordinal()
                    && o.state().ordinal() <= OrderState.REPORTED.ordinal());
            case caseClosed -> {
                Incident i = s.incidents().get(id);
                yield i != null && i.state().terminal();
            }
            case complaintHandled -> {
                Complaint c = s.complaints().get(id);
                yield c != null && c.state() != ComplaintState.ACCEPTED;
            }
            case whistleAnswered -> {
                Whistle w = s.whistles().get(id);
                yield w != null && !w.arrivals().isEmpty();
            }
            case outageRestored -> {
                Outage o = s.outages().get(id);
                yield o != null && !o.open();
            }
        };
    }

    /** The step of a case this action is, or null (not a case's step). */
    public Stage stage() {
        return switch (this) {
            case alertConfirmed -> Stage.CONFIRMED;
            case caseDispatched -> Stage.DISPATCHED;
            case unitOnScene -> Stage.ON_SITE;
            case caseClosed -> Stage.CLOSED;
            default -> null;
        };
    }

    /** The case is at {@code state} or beyond it on the way to closing (核实无效 is no way on). */
    private static boolean reached(Incident i, IncidentState state) {
        return i != null && i.state() != IncidentState.INVALID && i.state().ordinal() >= state.ordinal();
    }
}

package org.shanzhi.cockpit.hub.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.domain.Dispute;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Ids;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.hub.sim.Catalogue.ComplaintCategory;

/**
 * 12345 接诉即办 orders (DOMAIN.md §2): the intake over the day, and each order's walk through its
 * states. What follows each state, and after how long:
 *
 * <pre>
 * ACCEPTED     → ANSWERED_DIRECT   2–10 min    (咨询 answered on the phone: {@link Rates#answeredDirect})
 * ACCEPTED     → DISPATCHED        2–12 min    Beijing dispatches in ≈6 min [S53]
 * DISPATCHED   → SIGNED            1–6 min     签收 ≈2 min in Fengtai [S28]
 * SIGNED       → CONTACTED         5–20 min urgent, 15–120 min otherwise
 * CONTACTED    → IN_PROGRESS       1–30 min
 * IN_PROGRESS  → REPLIED           10–90 % of the priority's limit ({@link Rates#overdue}: 105–155 %);
 *                                  half that when reopened; an order joined to a case (并案) is 办结 when its
 *                                  case is closed (the fold replies it), looked at every 10 min till then
 * REPLIED      → REVISITED         1–4 h urgent, 3–20 h timely, 24–72 h otherwise; the 回访 draws 三率
 * REVISITED    → CLOSED, or REOPENED (half of the unresolved or unsatisfied)   5–60 min
 * REOPENED     → IN_PROGRESS       10–60 min
 * </pre>
 *
 * States the simulator never enters (退单, 延期) are people's: an order there is left to them.
 */
final class Complaints {

    static final String PREFIX = Ids.COMPLAINT;

    /** Rates of the 12345 lifecycle; defaults are DOMAIN.md estimates [E]. */
    record Rates(
            /* 450 street-owned orders per month (§2.4) */
            double perDay,
            /* share of 咨询 answered directly without dispatch */
            double answeredDirect,
            /* share of replies that miss the priority limit */
            double overdue,
            /* 三率 at 回访 (§2.2) */
            double responded,
            double resolved,
            double satisfied,
            double basicallySatisfied) {

        static Rates defaults() {
            return new Rates(15, 0.4, 0.04, 0.995, 0.95, 0.92, 0.05);
        }
    }

    /** How often an order joined to an open case looks whether its case is closed. */
    private static final Duration CASE_LOOK = Duration.ofMinutes(10);

    /** The share of 邻里纠纷 orders the community's 调委会 takes up as disputes once the caller is reached [E]. */
    static final double DISPUTES = 0.6;
    static final String NEIGHBOURS = "邻里纠纷";

    private final SimContext ctx;
    private final Rates rates;
    private Disputes disputes;

    Complaints(SimContext ctx, Rates rates) {
        this.ctx = ctx;
        this.rates = rates;
    }

    /** Where the 邻里纠纷 orders screened as disputes go; none when not set. */
    void screenTo(Disputes disputes) {
        this.disputes = disputes;
    }

    /** One tick of the baseline intake: the month, the hour, and 2.5× while a storm rages. */
    void intake(boolean stormy) {
        var z = ctx.local();
        double rate = rates.perDay() * Catalogue.seasonal(z.getMonthValue())
                * Catalogue.share(Catalogue.COMPLAINT_HOURS, z.getHour()) * 24 / SimContext.TICKS_PER_DAY
                * ctx.workday(0.8);
        if (stormy) {
            rate *= 2.5;
        }
        if (ctx.arrives(PREFIX, rate)) {
            receive(ctx.randomCommunity(), stormy, false);
        }
    }

    /**
     * A call from {@code where}: a storm's damage, an outage ({@code outageCall}), or the usual mix. Returns its
     * number, or null if it was not taken.
     */
    String receive(Community where, boolean stormy, boolean outageCall) {
        ComplaintCategory cat;
        Complaint.Priority priority;
        Complaint.Type type;
        String summary;
        if (outageCall) {
            cat = new ComplaintCategory("水电气", List.of());
            priority = ctx.chance(0.3) ? Complaint.Priority.URGENT : Complaint.Priority.TIMELY;
            type = ctx.chance(0.6) ? Complaint.Type.HELP : Complaint.Type.COMPLAINT;
            summary = ctx.chance(0.7) ? "楼栋停电,询问何时恢复" : "停电断网,家中有老人需要帮助";
        } else {
            int month = ctx.local().getMonthValue();
            if (stormy && ctx.chance(0.6)) {
                cat = ctx.pick(List.of(
                        Catalogue.w(new ComplaintCategory("园林绿化", List.of("大风刮断树枝砸到车辆", "树木倒伏堵路")), 40),
                        Catalogue.w(new ComplaintCategory("房屋修缮", List.of("房屋漏雨", "窗户被大风损坏")), 35),
                        Catalogue.w(new ComplaintCategory("市政设施", List.of("道路积水", "雨水箅子堵塞")), 25)));
                priority = ctx.chance(0.4) ? Complaint.Priority.URGENT : Complaint.Priority.TIMELY;
            } else if (ctx.chance(Catalogue.heatingShare(month) / 100)) {
                cat = Catalogue.COMPLAINT_MIX.get(2).value();
                priority = Complaint.Priority.TIMELY;
            } else {
                do {
                    cat = ctx.pick(Catalogue.COMPLAINT_MIX);
                } while (cat.name().equals("供暖"));
                priority = ctx.pick(Catalogue.COMPLAINT_PRIORITIES);
            }
            type = ctx.pick(Catalogue.COMPLAINT_TYPES);
            summary = ctx.any(cat.summaries());
        }
        String orderNo = ctx.nextId(PREFIX, ctx.situation().complaints());
        boolean repeat = outageCall ? ctx.chance(0.5) : ctx.chance(0.05);
        if (ctx.emit(new Event.ComplaintReceived(orderNo, ctx.pick(Catalogue.COMPLAINT_CHANNELS), type, cat.name(),
                priority, ctx.randomPointIn(where), summary, repeat))) {
            after(complaint(orderNo), ComplaintState.ACCEPTED);
            return orderNo;
        }
        return null;
    }

    /** A caller reports what a case will be opened for (求助, urgent), at {@code at}. Returns its number, or null. */
    String report(GeoPoint at, String category, String summary) {
        String orderNo = ctx.nextId(PREFIX, ctx.situation().complaints());
        if (!ctx.emit(new Event.ComplaintReceived(orderNo, ctx.pick(Catalogue.COMPLAINT_CHANNELS), Complaint.Type.HELP,
                category, Complaint.Priority.URGENT, at, summary, false))) {
            return null;
        }
        after(complaint(orderNo), ComplaintState.ACCEPTED);
        return orderNo;
    }

    // --- the lifecycle ---------------------------------------------------------------------------------

    /** Schedules what follows {@code reached}: the table of the class comment. */
    private void after(Complaint c, ComplaintState reached) {
        String id = c.orderNo();
        switch (reached) {
            case ACCEPTED -> {
                if (c.type() == Complaint.Type.CONSULT && ctx.chance(rates.answeredDirect())) {
                    ctx.later(ctx.minutes(2, 10), () -> advance(id, ComplaintState.ANSWERED_DIRECT));
                } else {
                    ctx.later(ctx.minutes(2, 12), () -> advance(id, ComplaintState.DISPATCHED));
                }
            }
            case DISPATCHED -> ctx.later(ctx.minutes(1, 6), () -> advance(id, ComplaintState.SIGNED));
            case SIGNED -> ctx.later(c.priority() == Complaint.Priority.URGENT ? ctx.minutes(5, 20)
                    : ctx.minutes(15, 120), () -> advance(id, ComplaintState.CONTACTED));
            case CONTACTED -> {
                if (disputes != null && c.category().equals(NEIGHBOURS) && c.revisit() == null
                        && ctx.chance(DISPUTES)) {
                    disputes.screen(Dispute.Source.HOTLINE, id, c.communityCode(), NEIGHBOURS);
                }
                ctx.later(ctx.minutes(1, 30), () -> advance(id, ComplaintState.IN_PROGRESS));
            }
            case IN_PROGRESS -> ctx.later(replyAfter(c), () -> reply(id));
            case REPLIED -> ctx.later(revisitAfter(c.priority()), () -> revisit(id));
            case REVISITED -> {
                boolean reopen = (c.revisit().resolved() == Complaint.Resolution.NO
                        || c.revisit().satisfaction() == Complaint.Satisfaction.UNSATISFIED) && ctx.chance(0.5);
                ctx.later(ctx.minutes(5, 60),
                        () -> advance(id, reopen ? ComplaintState.REOPENED : ComplaintState.CLOSED));
            }
            case REOPENED -> ctx.later(ctx.minutes(10, 60), () -> advance(id, ComplaintState.IN_PROGRESS));
            default -> {
                // ANSWERED_DIRECT and CLOSED end it; RETURN_REQUESTED and EXTENSION_REQUESTED are people's
            }
        }
    }

    private Duration replyAfter(Complaint c) {
        double limitH = c.priority().limit.toSeconds() / 3600.0;
        double fraction = ctx.chance(rates.overdue()) ? 1.05 + ctx.uniform() * 0.5 : 0.1 + ctx.uniform() * 0.8;
        if (c.revisit() != null) {
            fraction *= 0.5; // reopened: the second reply comes sooner
        }
        return Duration.ofSeconds((long) (limitH * fraction * 3600));
    }

    private Duration revisitAfter(Complaint.Priority priority) {
        return priority == Complaint.Priority.URGENT ? ctx.hours(1, 4)
                : priority == Complaint.Priority.TIMELY ? ctx.hours(3, 20) : ctx.hours(24, 72);
    }

    /** 办结, unless the order joined a case still open: then it waits for the case's 结案, which replies it. */
    private void reply(String orderNo) {
        Complaint c = complaint(orderNo);
        if (c == null) {
            return;
        }
        if (c.state() == ComplaintState.REPLIED && c.incidentId() != null) {
            after(c, ComplaintState.REPLIED); // replied by its case's 结案: the 回访 follows
        } else if (c.state() == ComplaintState.IN_PROGRESS && caseOpen(c)) {
            ctx.later(CASE_LOOK, () -> reply(orderNo));
        } else {
            advance(orderNo, ComplaintState.REPLIED);
        }
    }

    private boolean caseOpen(Complaint c) {
        Incident i = c.incidentId() == null ? null : ctx.situation().incidents().get(c.incidentId());
        return i != null && i.open();
    }

    /** 回访: responded, resolved, satisfied (§2.2). */
    private void revisit(String orderNo) {
        Complaint c = complaint(orderNo);
        if (c == null || !c.state().next().contains(ComplaintState.REVISITED)) {
            return;
        }
        boolean responded = ctx.chance(rates.responded());
        double r = ctx.uniform();
        Complaint.Resolution resolved = r < rates.resolved() ? Complaint.Resolution.YES
                : r < rates.resolved() + (1 - rates.resolved()) / 2 ? Complaint.Resolution.PARTIAL
                : Complaint.Resolution.NO;
        double s = ctx.uniform();
        Complaint.Satisfaction satisfaction = s < rates.satisfied() ? Complaint.Satisfaction.SATISFIED
                : s < rates.satisfied() + rates.basicallySatisfied() ? Complaint.Satisfaction.BASICALLY_SATISFIED
                : Complaint.Satisfaction.UNSATISFIED;
        if (ctx.emit(new Event.ComplaintRevisited(orderNo, responded, resolved, satisfaction))) {
            after(complaint(orderNo), ComplaintState.REVISITED);
        }
    }

    private void advance(String orderNo, ComplaintState to) {
        Complaint c = complaint(orderNo);
        if (c != null && c.state().next().contains(to) && ctx.emit(new Event.ComplaintAdvanced(orderNo, to))) {
            after(complaint(orderNo), to);
        }
    }

    private Complaint complaint(String orderNo) {
        return ctx.situation().complaints().get(orderNo);
    }

    // --- after a restart ----------------------------------------------------------------------------------

    /** Carries on every open order the simulator took, from when it reached its state (as far as the order tells). */
    void resume(Situation s) {
        for (Complaint c : s.complaints().values()) {
            if (c.open() && SimContext.ours(PREFIX, c.orderNo())) {
                ctx.asOf(since(c), () -> after(c, c.state()));
            }
        }
    }

    /** When the order reached its state, or the latest time the order shows before that. */
    private static Instant since(Complaint c) {
        Instant revisited = c.revisit() == null ? null : c.revisit().at();
        return switch (c.state()) {
            case CONTACTED -> c.contactedAt();
            case IN_PROGRESS -> revisited != null ? revisited : c.contactedAt();
            case REPLIED -> c.repliedAt();
            case REVISITED, REOPENED -> revisited;
            default -> c.acceptedAt();
        };
    }
}

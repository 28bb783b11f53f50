package org.shanzhi.cockpit.hub.sim;

import java.time.Duration;

import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.Dispute;
import org.shanzhi.cockpit.domain.DisputeState;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Ids;
import org.shanzhi.cockpit.domain.Situation;

/**
 * Disputes in one-stop mediation (矛盾纠纷多元化解, DOMAIN.md §3.1), registered mostly by day, each at its community's
 * 调委会: directly ({@link Catalogue#DISPUTE_SOURCES}: at the window, a grid worker's round, 警调, 诉调) or screened
 * from what the other lifecycles bring ({@link #screen}: an intel "矛盾纠纷苗头" report, a 12345 邻里纠纷 order, a
 * 信访 about a neighbours' quarrel, 访调). What follows each state, and after how long:
 *
 * <pre>
 * REGISTERED             → TRIAGED                10–30 min red, 0.5–4 h orange, 1–24 h yellow
 * TRIAGED                → WHISTLE                10–60 min, when difficult or (half the time) red
 * TRIAGED, WHISTLE       → ASSIGNED               1–8 h
 * ASSIGNED               → MEDIATING              1–24 h
 * MEDIATING              → AGREED ({@link Rates#agreed}; written 60 %) or TERMINATED
 *                                                 log-normal, median 3 days, p90 20 days
 * AGREED                 → JUDICIAL_CONFIRMATION  1 day, for 15 % of written agreements
 * AGREED                 → FULFILLMENT            1 day
 * JUDICIAL_CONFIRMATION  → FULFILLMENT            10 days
 * TERMINATED             → REFERRED               24–72 h (诉讼, 仲裁, 行政, 信访)
 * FULFILLMENT, REFERRED  → FOLLOW_UP              7 days  回访
 * FOLLOW_UP              → ARCHIVED               24–72 h
 * </pre>
 */
final class Disputes {

    static final String PREFIX = Ids.DISPUTE;

    /** Rates of the disputes; defaults are DOMAIN.md estimates [E]. */
    record Rates(
            /* registered directly, 90 % of them by day; with the screened ones ≈45 per month (§3.1) */
            double perDay,
            /* published 调处成功率 cluster around 96–99 % */
            double agreed) {

        static Rates defaults() {
            return new Rates(0.75, 0.97);
        }
    }

    private final SimContext ctx;
    private final Rates rates;

    Disputes(SimContext ctx, Rates rates) {
        this.ctx = ctx;
        this.rates = rates;
    }

    /** One tick: 90 % of the day's disputes come 08–18, the rest at night. */
    void intake() {
        int hour = ctx.local().getHour();
        double perDay = rates.perDay() * ctx.workday(0.5);
        if (hour >= 8 && hour < 18 && ctx.arrives(PREFIX, perDay * 0.9 / 3600)) {
            register();
        } else if ((hour < 8 || hour >= 18) && ctx.arrives(PREFIX, perDay * 0.1 / 5040)) {
            register();
        }
    }

    private void register() {
        Community c = ctx.randomCommunity();
        register(c.code(), ctx.pick(Catalogue.DISPUTE_TYPES), ctx.pick(Catalogue.DISPUTE_SOURCES), null);
    }

    /**
     * Screening (排查): what another lifecycle brought, found to be a dispute, is registered at the 调委会 of the
     * community it came from, naming it as its source.
     */
    void screen(Dispute.Source source, String sourceId, String communityCode, String type) {
        if (communityCode != null) {
            register(communityCode, type, source, sourceId);
        }
    }

    private void register(String community, String type, Dispute.Source source, String sourceId) {
        String committee = ctx.scenario().committees().stream().filter(m -> m.communityCode().equals(community))
                .map(HeyiScenario.Committee::name).findFirst().orElse(null);
        String id = ctx.nextId(PREFIX, ctx.situation().disputes());
        Dispute.Risk risk = ctx.pick(Catalogue.DISPUTE_RISKS);
        Dispute.Level level = ctx.pick(Catalogue.DISPUTE_LEVELS);
        if (ctx.emit(new Event.DisputeRegistered(id, type, level, risk, community, committee, null, source,
                sourceId))) {
            after(dispute(id), DisputeState.REGISTERED);
        }
    }

    // --- the lifecycle ---------------------------------------------------------------------------------

    /** Schedules what follows {@code reached}: the table of the class comment. */
    private void after(Dispute d, DisputeState reached) {
        String id = d.id();
        switch (reached) {
            case REGISTERED -> ctx.later(d.risk() == Dispute.Risk.RED ? ctx.minutes(10, 30)
                    : d.risk() == Dispute.Risk.ORANGE ? ctx.hours(0.5, 4) : ctx.hours(1, 24),
                    () -> advance(id, DisputeState.TRIAGED, null));
            case TRIAGED -> {
                if (d.level() == Dispute.Level.DIFFICULT || (d.risk() == Dispute.Risk.RED && ctx.chance(0.5))) {
                    ctx.later(ctx.minutes(10, 60), () -> advance(id, DisputeState.WHISTLE, null));
                } else {
                    ctx.later(ctx.hours(1, 8), () -> advance(id, DisputeState.ASSIGNED, null));
                }
            }
            case WHISTLE -> ctx.later(ctx.hours(1, 8), () -> advance(id, DisputeState.ASSIGNED, null));
            case ASSIGNED -> ctx.later(ctx.hours(1, 24), () -> advance(id, DisputeState.MEDIATING, null));
            case MEDIATING -> {
                // median 3 days, p90 20 days (§3.1): log-normal, sigma = ln(20/3) / 1.2816
                double days = Math.min(60, Math.max(0.1, Math.exp(Math.log(3) + 1.48 * ctx.gaussian())));
                ctx.later(Duration.ofSeconds((long) (days * 86400)), () -> mediated(id));
            }
            case AGREED -> {
                boolean confirm = d.outcome() == Dispute.Outcome.AGREEMENT_WRITTEN && ctx.chance(0.15);
                ctx.later(Duration.ofDays(1), () -> advance(id,
                        confirm ? DisputeState.JUDICIAL_CONFIRMATION : DisputeState.FULFILLMENT, null));
            }
            case JUDICIAL_CONFIRMATION ->
                    ctx.later(Duration.ofDays(10), () -> advance(id, DisputeState.FULFILLMENT, null));
            case TERMINATED -> ctx.later(ctx.hours(24, 72),
                    () -> advance(id, DisputeState.REFERRED, ctx.pick(Catalogue.REFERRALS)));
            case FULFILLMENT, REFERRED ->
                    ctx.later(Duration.ofDays(7), () -> advance(id, DisputeState.FOLLOW_UP, null));
            case FOLLOW_UP -> ctx.later(ctx.hours(24, 72), () -> advance(id, DisputeState.ARCHIVED, null));
            case ARCHIVED -> {
                // done
            }
        }
    }

    /** The end of mediation: an agreement, or mediation ends and the parties are referred on. */
    private void mediated(String id) {
        if (ctx.chance(rates.agreed())) {
            Dispute.Outcome o = ctx.chance(0.6) ? Dispute.Outcome.AGREEMENT_WRITTEN : Dispute.Outcome.AGREEMENT_ORAL;
            advance(id, DisputeState.AGREED, o);
        } else {
            advance(id, DisputeState.TERMINATED, null);
        }
    }

    private void advance(String id, DisputeState to, Dispute.Outcome outcome) {
        Dispute d = dispute(id);
        if (d != null && d.state().next().contains(to) && ctx.emit(new Event.DisputeAdvanced(id, to, outcome))) {
            after(dispute(id), to);
        }
    }

    private Dispute dispute(String id) {
        return ctx.situation().disputes().get(id);
    }

    // --- after a restart ----------------------------------------------------------------------------------

    /** Carries on every open dispute the simulator registered, from when it reached its state. */
    void resume(Situation s) {
        for (Dispute d : s.disputes().values()) {
            if (d.open() && SimContext.ours(PREFIX, d.id())) {
                ctx.asOf(d.updatedAt(), () -> after(d, d.state()));
            }
        }
    }
}

package org.shanzhi.cockpit.hub.sim;

import java.time.Duration;

import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.Dispute;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Ids;
import org.shanzhi.cockpit.domain.Petition;
import org.shanzhi.cockpit.domain.PetitionState;
import org.shanzhi.cockpit.domain.Situation;

/**
 * 信访 under the 2022 《信访工作条例》 (DOMAIN.md §3.2), registered by day. What follows each state,
 * and after how long:
 *
 * <pre>
 * REGISTERED  → ACCEPTED (90 %), NOT_ACCEPTED (5 %) or TRANSFERRED (5 %)   1–10 days (limit 15)
 * ACCEPTED    → HANDLING   2–48 h
 * HANDLING    → REPLIED    10–54 days (limit 60)
 * REPLIED     → CLOSED     30 days, when no 复查 is asked for
 * </pre>
 *
 * 复查 and 复核 are people's: a petition there is left to them.
 */
final class Petitions {

    static final String PREFIX = Ids.PETITION;

    /** Rates of the petitions; defaults are DOMAIN.md estimates [E]. */
    record Rates(
            /* 5–20 信访 per month (§3.2), by day */
            double perDay,
            /* 集体访 are rare: 0–2 per month */
            double collective) {

        static Rates defaults() {
            return new Rates(0.5, 0.03);
        }
    }

    /** The share of accepted 信访 about a neighbours' quarrel referred to mediation (访调) [E]. */
    static final double MEDIATED = 0.5;

    private final SimContext ctx;
    private final Rates rates;
    private Disputes disputes;

    Petitions(SimContext ctx, Rates rates) {
        this.ctx = ctx;
        this.rates = rates;
    }

    /** Where the 信访 referred to mediation go; none when not set. */
    void screenTo(Disputes disputes) {
        this.disputes = disputes;
    }

    /** One tick of the working day (08–18). */
    void intake() {
        int hour = ctx.local().getHour();
        if (hour >= 8 && hour < 18 && ctx.arrives(PREFIX, rates.perDay() * ctx.workday(0.3) / 3600)) {
            register();
        }
    }

    private void register() {
        Community c = ctx.randomCommunity();
        String id = ctx.nextId(PREFIX, ctx.situation().petitions());
        int people = ctx.chance(rates.collective()) ? 5 + ctx.nextInt(16) : ctx.chance(0.2) ? 2 + ctx.nextInt(2) : 1;
        if (ctx.emit(new Event.PetitionRegistered(id, ctx.pick(Catalogue.PETITION_FORMS), people,
                ctx.any(Catalogue.PETITION_SUBJECTS), c.code()))) {
            after(id, PetitionState.REGISTERED);
        }
    }

    // --- the lifecycle ---------------------------------------------------------------------------------

    /** Schedules what follows {@code reached}: the table of the class comment. */
    private void after(String id, PetitionState reached) {
        switch (reached) {
            case REGISTERED -> ctx.later(ctx.hours(24, 240), () -> {
                double r = ctx.uniform();
                advance(id, r < 0.05 ? PetitionState.NOT_ACCEPTED
                        : r < 0.10 ? PetitionState.TRANSFERRED : PetitionState.ACCEPTED);
            });
            case ACCEPTED -> {
                Petition p = ctx.situation().petitions().get(id);
                if (disputes != null && p.subject().contains("邻里") && ctx.chance(MEDIATED)) {
                    disputes.screen(Dispute.Source.PETITION, id, p.communityCode(), "邻里纠纷");
                }
                ctx.later(ctx.hours(2, 48), () -> advance(id, PetitionState.HANDLING));
            }
            case HANDLING -> ctx.later(ctx.hours(240, 1300), () -> advance(id, PetitionState.REPLIED));
            case REPLIED -> ctx.later(Duration.ofDays(30), () -> advance(id, PetitionState.CLOSED));
            default -> {
                // NOT_ACCEPTED, TRANSFERRED and CLOSED end it; 复查 and 复核 are people's
            }
        }
    }

    private void advance(String id, PetitionState to) {
        Petition p = ctx.situation().petitions().get(id);
        if (p != null && p.state().next().contains(to) && ctx.emit(new Event.PetitionAdvanced(id, to))) {
            after(id, to);
        }
    }

    // --- after a restart ----------------------------------------------------------------------------------

    /** Carries on every open petition the simulator registered, from when it reached its state. */
    void resume(Situation s) {
        for (Petition p : s.petitions().values()) {
            if (p.open() && SimContext.ours(PREFIX, p.id())) {
                ctx.asOf(p.updatedAt(), () -> after(p.id(), p.state()));
            }
        }
    }
}

package org.shanzhi.cockpit.hub.sim;

import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Ids;

/**
 * Reports of the 120 情报信息员: one event each, nothing follows. {@link Rates#perDay} round the
 * clock, each from a random officer about his own community.
 */
final class Intel {

    static final String PREFIX = Ids.INTEL;

    record Rates(double perDay) {

        static Rates defaults() {
            return new Rates(3);
        }
    }

    private final SimContext ctx;
    private final Rates rates;

    Intel(SimContext ctx, Rates rates) {
        this.ctx = ctx;
        this.rates = rates;
    }

    /** One tick. */
    void intake() {
        if (ctx.chance(rates.perDay() / SimContext.TICKS_PER_DAY)) {
            report();
        }
    }

    private void report() {
        if (ctx.scenario().officers().isEmpty()) {
            return;
        }
        HeyiScenario.Officer officer = ctx.any(ctx.scenario().officers());
        String category = ctx.pick(Catalogue.INTEL_CATEGORIES);
        Community c = ctx.community(officer.communityCode());
        ctx.emit(new Event.IntelReported(ctx.nextId(PREFIX, ctx.situation().intel()), officer.id(), category,
                ctx.pick(Catalogue.INTEL_SEVERITIES), officer.communityCode(),
                (c == null ? "" : c.name()) + category + "信息"));
    }
}

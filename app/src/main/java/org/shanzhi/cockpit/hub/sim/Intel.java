package org.shanzhi.cockpit.hub.sim;

import java.util.List;

import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.Dispute;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Grid;
import org.shanzhi.cockpit.domain.Ids;
import org.shanzhi.cockpit.domain.IntelReport;

/**
 * Reports of the 120 情报信息员: one event each. {@link Rates#perDay} round the clock, each from a random officer
 * about one of the 综治网格 of his own community. A "矛盾纠纷苗头" is screened: {@link #DISPUTES} of them are found to be
 * disputes and registered at the community's 调委会 a few hours later ({@link Disputes#screen}).
 */
final class Intel {

    static final String PREFIX = Ids.INTEL;

    record Rates(double perDay) {

        static Rates defaults() {
            return new Rates(3);
        }
    }

    /** The share of "矛盾纠纷苗头" reports that screening finds to be a dispute to mediate [E]. */
    static final double DISPUTES = 0.3;

    private final SimContext ctx;
    private final Rates rates;
    private Disputes disputes;

    Intel(SimContext ctx, Rates rates) {
        this.ctx = ctx;
        this.rates = rates;
    }

    /** Where the reports screened as disputes go; none when not set. */
    void screenTo(Disputes disputes) {
        this.disputes = disputes;
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
        List<Grid> grids = ctx.scenario().grids().stream().filter(g -> g.kind() == Grid.Kind.GOVERNANCE
                && officer.communityCode().equals(g.communityCode())).toList();
        String id = ctx.nextId(PREFIX, ctx.situation().intel());
        boolean reported = ctx.emit(new Event.IntelReported(id, officer.id(), category,
                ctx.pick(Catalogue.INTEL_SEVERITIES), officer.communityCode(),
                (c == null ? "" : c.name()) + category + "信息", grids.isEmpty() ? null : ctx.any(grids).code()));
        if (reported && disputes != null && category.equals(IntelReport.DISPUTE_SIGN) && ctx.chance(DISPUTES)) {
            String type = ctx.pick(Catalogue.DISPUTE_TYPES);
            ctx.later(ctx.hours(1, 8), () -> disputes.screen(Dispute.Source.INTEL, id, officer.communityCode(), type));
        }
    }
}

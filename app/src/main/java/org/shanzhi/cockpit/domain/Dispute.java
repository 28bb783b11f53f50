package org.shanzhi.cockpit.domain;

import java.time.Instant;

/**
 * A dispute in one-stop mediation (调解), handled by one of the 调委会. {@code source} is where it came from and
 * {@code sourceId} the thing it came from there: the 12345 order, the intel report, the petition, or the court's or
 * police's own number (诉调 / 警调 / 访调), or null.
 */
public record Dispute(String id, String type, Level level, Risk risk, DisputeState state, String communityCode,
                      String committee, Instant registeredAt, Instant deadline, Instant updatedAt, Outcome outcome,
                      Source source, String sourceId) {

    /** Where a dispute is registered from (DOMAIN.md §3.1); the last three are the linkages (对接). */
    public enum Source {
        /** At the window (一窗受理); also a dispute registered before sources were recorded. */
        VISIT("来访"),
        GRID("网格排查"),
        /** A 情报信息员's "矛盾纠纷苗头" report, screened. */
        INTEL("情报信息上报"),
        /** A 12345 邻里纠纷 order, screened. */
        HOTLINE("12345转"),
        /** 诉调对接: referred by the court (南苑法庭) before or instead of a suit. */
        COURT("诉调"),
        /** 警调对接: referred by the police station from a 110 call. */
        POLICE("警调"),
        /** 访调对接: a 信访 matter referred to mediation. */
        PETITION("访调");

        public final String zh;

        Source(String zh) {
            this.zh = zh;
        }

        /** A referral from the court, the police or 信访 (诉调 / 警调 / 访调). */
        public boolean linkage() {
            return this == COURT || this == POLICE || this == PETITION;
        }
    }

    public enum Level { SIMPLE, COMPLEX, DIFFICULT }

    /** 红: report now; 橙: same day; 黄: the grid worker settles it on the spot. */
    public enum Risk { RED, ORANGE, YELLOW }

    public enum Outcome {
        AGREEMENT_ORAL, AGREEMENT_WRITTEN, TERMINATED, TO_LITIGATION, TO_ARBITRATION, TO_ADMINISTRATION, TO_PETITION;

        public boolean agreement() {
            return this == AGREEMENT_ORAL || this == AGREEMENT_WRITTEN;
        }
    }

    public boolean open() {
        return !state.terminal();
    }

    public boolean overdue(Instant now) {
        return state.ordinal() < DisputeState.AGREED.ordinal() && deadline != null && now.isAfter(deadline);
    }

    public Dispute moved(DisputeState to, Outcome newOutcome, Instant at) {
        return new Dispute(id, type, level, risk, to, communityCode, committee, registeredAt, deadline, at,
                newOutcome != null ? newOutcome : outcome, source, sourceId);
    }
}

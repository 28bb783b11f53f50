package org.shanzhi.cockpit.domain;

import java.time.Instant;

/** A dispute in one-stop mediation (调解), handled by one of the 调委会. */
public record Dispute(String id, String type, Level level, Risk risk, DisputeState state, String communityCode,
                      String committee, Instant registeredAt, Instant deadline, Instant updatedAt, Outcome outcome) {

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
                newOutcome != null ? newOutcome : outcome);
    }
}

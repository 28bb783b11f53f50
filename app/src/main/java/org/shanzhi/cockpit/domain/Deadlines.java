package org.shanzhi.cockpit.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.shanzhi.cockpit.domain.Kpi.Sla;

import static org.shanzhi.cockpit.domain.Kpi.communityName;
import static org.shanzhi.cockpit.domain.Kpi.nonNegative;
import static org.shanzhi.cockpit.domain.Kpi.sla;

/** What runs against a time limit, most pressing first: open cases, disputes in mediation, 信访 matters. */
public final class Deadlines {

    private Deadlines() {
    }

    /** An open case with its age and standing, for the 城市运行 list. */
    public record OpenCase(String id, String title, String community, Incident.Severity severity,
                           IncidentState state, Duration age, Instant deadline, Sla sla) {
    }

    /** Open cases, overdue first, then warning, then by deadline. */
    public static List<OpenCase> openCases(Situation s, Instant now) {
        List<OpenCase> out = new ArrayList<>();
        for (Incident i : s.incidents().values()) {
            if (i.open()) {
                out.add(new OpenCase(i.id(), i.title(), communityName(s, i.communityCode()), i.severity(), i.state(),
                        nonNegative(Duration.between(i.openedAt(), now)), i.deadline(),
                        sla(i.openedAt(), i.deadline(), now)));
            }
        }
        out.sort(Comparator.comparing((OpenCase c) -> c.sla().ordinal()).reversed()
                .thenComparing(OpenCase::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(OpenCase::id));
        return out;
    }

    /** A dispute not yet settled, with its mediation deadline. */
    public record DisputeDue(String id, String type, String community, Dispute.Risk risk, DisputeState state,
                             Instant deadline, Sla sla) {
    }

    /**
     * Disputes still before an outcome (登记 … 调解中), red risk first, then by deadline. Agreed, terminated and
     * referred ones are past mediation even while follow-up keeps them open.
     */
    public static List<DisputeDue> disputesInMediation(Situation s, Instant now) {
        List<DisputeDue> out = new ArrayList<>();
        for (Dispute d : s.disputes().values()) {
            if (d.state().ordinal() < DisputeState.AGREED.ordinal()) {
                out.add(new DisputeDue(d.id(), d.type(), communityName(s, d.communityCode()), d.risk(), d.state(),
                        d.deadline(), sla(d.registeredAt(), d.deadline(), now)));
            }
        }
        out.sort(Comparator.comparing(DisputeDue::risk)
                .thenComparing(DisputeDue::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(DisputeDue::id));
        return out;
    }

    /** Which deadline of a 信访 matter runs: acceptance (15 days) or the written reply (60 days). */
    public enum PetitionStep { ACCEPT, REPLY }

    public record PetitionDue(String id, String subject, int people, PetitionState state, PetitionStep step,
                              Instant deadline, Sla sla) {
    }

    /** 信访 matters waiting for acceptance or for the reply, by deadline. */
    public static List<PetitionDue> petitionsDue(Situation s, Instant now) {
        List<PetitionDue> out = new ArrayList<>();
        for (Petition p : s.petitions().values()) {
            if (p.state() == PetitionState.REGISTERED) {
                out.add(new PetitionDue(p.id(), p.subject(), p.people(), p.state(), PetitionStep.ACCEPT,
                        p.acceptDeadline(), sla(p.registeredAt(), p.acceptDeadline(), now)));
            } else if (p.open() && p.state().ordinal() < PetitionState.REPLIED.ordinal()) {
                out.add(new PetitionDue(p.id(), p.subject(), p.people(), p.state(), PetitionStep.REPLY,
                        p.replyDeadline(), sla(p.decidedAt(), p.replyDeadline(), now)));
            }
        }
        out.sort(Comparator.comparing(PetitionDue::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PetitionDue::id));
        return out;
    }
}

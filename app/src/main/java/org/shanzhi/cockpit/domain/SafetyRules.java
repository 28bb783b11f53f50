package org.shanzhi.cockpit.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.pcollections.PMap;

import org.shanzhi.cockpit.domain.Event.*;

import static org.shanzhi.cockpit.domain.FoldChecks.check;
import static org.shanzhi.cockpit.domain.FoldChecks.require;
import static org.shanzhi.cockpit.domain.FoldChecks.requireId;
import static org.shanzhi.cockpit.domain.FoldChecks.requireText;

/** The fold's rules for safety and stability: disputes and their sources, 信访, 吹哨, intel reports. */
final class SafetyRules {

    static final Duration DEFAULT_MEDIATION_LIMIT = Duration.ofDays(30);

    private SafetyRules() {
    }

    static void disputeRegistered(Fold f, DisputeRegistered x) {
        requireId(x.disputeId(), "disputeId", f.disputes);
        requireText(x.type(), "type");
        if (x.level() == null || x.risk() == null) {
            throw new Rejection(x.level() == null ? "level" : "risk", "level and risk are required");
        }
        if (x.communityCode() != null) {
            require(f.communities, x.communityCode(), "communityCode", "community");
        }
        Dispute.Source source = x.source() == null ? Dispute.Source.VISIT : x.source();
        String from = disputeSource(f, source, x.sourceId());
        Instant deadline = x.deadline() != null ? x.deadline() : f.at.plus(DEFAULT_MEDIATION_LIMIT);
        f.disputes = f.disputes.plus(x.disputeId(), new Dispute(x.disputeId(), x.type(), x.level(), x.risk(),
                DisputeState.REGISTERED, x.communityCode(), x.committee(), f.at, deadline, f.at, null, source,
                x.sourceId()));
        DrillRules.mark(f, "disputes", x.disputeId(), from);
    }

    /**
     * Checks what a dispute came from: a screened 12345 order, intel report or a petition (访调) must exist; the
     * court's and the police's numbers are theirs. Returns the thing's drill key (a dispute from a drill thing is one).
     */
    private static String disputeSource(Fold f, Dispute.Source source, String sourceId) {
        PMap<String, ?> things = switch (source) {
            case HOTLINE -> f.complaints;
            case INTEL -> f.intel;
            case PETITION -> f.petitions;
            default -> null;
        };
        if (things == null) {
            return null;
        }
        if (sourceId == null) {
            throw new Rejection("sourceId", "a dispute from " + source + " names what it came from");
        }
        require(things, sourceId, "sourceId", source.zh);
        String family = things == f.complaints ? "complaints" : things == f.intel ? "intel" : "petitions";
        return DrillThing.key(family, sourceId);
    }

    static void disputeAdvanced(Fold f, DisputeAdvanced x) {
        Dispute d = require(f.disputes, x.disputeId(), "disputeId", "dispute");
        check("state", x.state(), d.state(), d.state().next());
        Dispute.Outcome outcome = x.outcome();
        if (x.state() == DisputeState.AGREED && (outcome == null || !outcome.agreement())) {
            throw new Rejection("outcome", "AGREED needs an agreement outcome (AGREEMENT_ORAL or AGREEMENT_WRITTEN)");
        }
        if (x.state() == DisputeState.TERMINATED) {
            outcome = Dispute.Outcome.TERMINATED;
        }
        if (x.state() == DisputeState.REFERRED && (outcome == null || outcome.agreement()
                || outcome == Dispute.Outcome.TERMINATED)) {
            throw new Rejection("outcome", "REFERRED needs where it went (TO_LITIGATION, TO_ARBITRATION, …)");
        }
        f.disputes = f.disputes.plus(d.id(), d.moved(x.state(), outcome, f.at));
    }

    static void petitionRegistered(Fold f, PetitionRegistered x) {
        requireId(x.petitionId(), "petitionId", f.petitions);
        if (x.form() == null) {
            throw new Rejection("form", "form is required");
        }
        if (x.people() < 1) {
            throw new Rejection("people", "at least one person petitions");
        }
        if (x.communityCode() != null) {
            require(f.communities, x.communityCode(), "communityCode", "community");
        }
        f.petitions = f.petitions.plus(x.petitionId(), Petition.registered(x.petitionId(), x.form(), x.people(),
                x.subject(), x.communityCode(), f.at));
        DrillRules.mark(f, "petitions", x.petitionId(), null);
    }

    /** An approved extension of the handling: once or more, 30 days in all, while the reply is awaited. */
    static void petitionExtended(Fold f, PetitionExtended x) {
        Petition p = require(f.petitions, x.petitionId(), "petitionId", "petition");
        if (!p.awaitingReply()) {
            throw new Rejection("petitionId", "only a petition accepted and not yet answered can be extended, not "
                    + p.state());
        }
        if (x.days() < 1 || p.extendedDays() + x.days() > Petition.MAX_EXTENSION_DAYS) {
            throw new Rejection("days", "an extension is 1.." + (Petition.MAX_EXTENSION_DAYS - p.extendedDays())
                    + " days (" + Petition.MAX_EXTENSION_DAYS + " in all), got " + x.days());
        }
        requireText(x.reason(), "reason");
        f.petitions = f.petitions.plus(p.id(), p.extended(x.days(), f.at));
    }

    static void whistleBlown(Fold f, WhistleBlown x) {
        requireId(x.whistleId(), "whistleId", f.whistles);
        if (x.kind() == null) {
            throw new Rejection("kind", "kind is required");
        }
        if (x.departments() == null || x.departments().isEmpty()) {
            throw new Rejection("departments", "a whistle summons at least one department");
        }
        if (x.incidentId() != null) {
            require(f.incidents, x.incidentId(), "incidentId", "incident");
        }
        f.whistles = f.whistles.plus(x.whistleId(), new Whistle(x.whistleId(), x.kind(), x.reason(), x.departments(),
                Map.of(), x.incidentId(), f.at, null));
        DrillRules.mark(f, "whistles", x.whistleId(), x.incidentId() == null ? null : DrillThing.key("incidents", x.incidentId()));
    }

    static void whistleArrived(Fold f, WhistleArrived x) {
        Whistle w = require(f.whistles, x.whistleId(), "whistleId", "whistle");
        requireText(x.department(), "department");
        if (!w.departments().contains(x.department())) {
            throw new Rejection("department", x.department() + " was not summoned by " + w.id());
        }
        if (w.arrivals().containsKey(x.department())) {
            throw new Rejection("department", x.department() + " has already reported");
        }
        Map<String, Instant> arrivals = new HashMap<>(w.arrivals());
        arrivals.put(x.department(), f.at);
        f.whistles = f.whistles.plus(w.id(), new Whistle(w.id(), w.kind(), w.reason(), w.departments(), arrivals,
                w.incidentId(), w.requestedAt(), w.resolvedAt()));
    }

    static void intelReported(Fold f, IntelReported x) {
        requireId(x.reportId(), "reportId", f.intel);
        requireText(x.category(), "category");
        if (x.communityCode() != null) {
            require(f.communities, x.communityCode(), "communityCode", "community");
        }
        if (x.gridCode() != null) {
            Grid g = require(f.grids, x.gridCode(), "gridCode", "grid");
            if (g.kind() != Grid.Kind.GOVERNANCE || !Objects.equals(g.communityCode(), x.communityCode())) {
                throw new Rejection("gridCode", "an intel report's grid is a 综治网格 of its community");
            }
        }
        Incident.Severity severity = x.severity() == null ? Incident.Severity.LOW : x.severity();
        f.intel = f.intel.plus(x.reportId(), new IntelReport(x.reportId(), x.officerId(), x.category(), severity,
                x.communityCode(), x.gridCode(), x.summary(), f.at));
        DrillRules.mark(f, "intel", x.reportId(), null);
    }
}

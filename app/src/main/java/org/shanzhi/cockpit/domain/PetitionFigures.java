package org.shanzhi.cockpit.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 信访 figures the street reports (the source document: "接待来访群众180余人次, 同比下降35%, 受理率、办结率均为100%"):
 * 受理率, 办结率 and the visitors against the same period a year before. A matter counts in a window when its result
 * became known in it: decided or replied in the window, or its deadline passed in it with nothing done.
 */
public final class PetitionFigures {

    private PetitionFigures() {
    }

    /**
     * Last year's 来访人次 for the same period, which the hub's month of history cannot know. {@code from}/{@code to}
     * (inclusive days) say which period, {@code source} where the number comes from.
     */
    public record Basis(LocalDate from, LocalDate to, int visitors, String source) {

        /**
         * The scenario's: the source document's 180 人次 in 1–8月 were 35 % below the year before, so 2025's 1–8月 had
         * about 180 / 0.65 ≈ 277, or 34 in 30 days at an even pace (the 30 days before the storm day, a year earlier).
         */
        public static final Basis HEYI = new Basis(LocalDate.of(2025, 4, 30), LocalDate.of(2025, 5, 29), 34,
                "180 / (1 − 35 %) × 30 / 243");

        public Basis {
            if (visitors < 1) {
                throw new Rejection("visitors", "last year's visitors must be at least 1");
            }
        }
    }

    /** 来访人次 in the window against {@link Basis}: {@code change} is (visitors − basis) / basis, e.g. −0.35. */
    public record YearOnYear(int visitors, Basis basis, double change) {
        public YearOnYear(int visitors, Basis basis) {
            this(visitors, basis, (visitors - basis.visitors()) / (double) basis.visitors());
        }
    }

    /**
     * 受理率: of the petitions decided in the window (受理, 不予受理 with notice, or 转送交办) or whose 15-day limit
     * passed in it still undecided, the share decided within the 15 days.
     */
    public static Ratio acceptedInTime(Situation s, Instant from, Instant to) {
        long part = 0;
        long whole = 0;
        for (Petition p : s.live().petitions().values()) {
            if (p.decidedAt() != null ? Kpi.within(p.decidedAt(), from, to)
                    : Kpi.within(p.acceptDeadline(), from, to) && p.acceptDeadline().isBefore(s.time())) {
                whole++;
                if (p.decidedAt() != null && !p.decidedAt().isAfter(p.acceptDeadline())) {
                    part++;
                }
            }
        }
        return new Ratio(part, whole);
    }

    /**
     * 办结率: of the accepted petitions answered in writing in the window or whose reply limit (60 days, plus an
     * approved extension) passed in it unanswered, the share answered within the limit.
     */
    public static Ratio repliedInTime(Situation s, Instant from, Instant to) {
        long part = 0;
        long whole = 0;
        for (Petition p : s.live().petitions().values()) {
            if (p.repliedAt() != null ? Kpi.within(p.repliedAt(), from, to)
                    : p.awaitingReply() && p.replyDeadline() != null && Kpi.within(p.replyDeadline(), from, to)
                    && p.replyDeadline().isBefore(s.time())) {
                whole++;
                if (p.repliedAt() != null && !p.repliedAt().isAfter(p.replyDeadline())) {
                    part++;
                }
            }
        }
        return new Ratio(part, whole);
    }

    /** 来访人次: the people of the visits (走访, not letters, calls or online) registered in the window. */
    public static int visitors(Situation s, Instant from, Instant to) {
        int n = 0;
        for (Petition p : s.live().petitions().values()) {
            if (p.form() == Petition.Form.VISIT && Kpi.within(p.registeredAt(), from, to)) {
                n += p.people();
            }
        }
        return n;
    }

    public static YearOnYear visitorsYearOnYear(Situation s, Instant from, Instant to, Basis basis) {
        return new YearOnYear(visitors(s, from, to), basis);
    }
}

package org.shanzhi.cockpit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** 信访 受理率, 办结率, the extension of the 60-day clock and the visitors against a year before, by hand. */
class PetitionFiguresTest {

    private static final Instant T = Instant.parse("2026-06-01T00:00:00Z");

    private static Instant day(double d) {
        return T.plus(Duration.ofMinutes(Math.round(d * 24 * 60)));
    }

    private static Situation at(Situation s, Instant t, Event e) {
        return s.apply(new Recorded(s.seq() + 1, t, e));
    }

    private static Situation advance(Situation s, Instant t, String id, PetitionState... states) {
        for (PetitionState st : states) {
            s = at(s, t, new Event.PetitionAdvanced(id, st));
        }
        return s;
    }

    /**
     * Registered on day 0: P1 (a visit of 3) accepted on day 3 and answered on day 13; P2 (a visit of 1) never decided,
     * its 15 days over on day 15; P3 (a letter of 2) refused with notice on day 20, late; P4 (a call) accepted on day
     * 1, extended by 30 days, answered on day 80 (after 60, within 90); P5 accepted on day 1 and not answered by day
     * 61 (its limit); P6 registered on day 85, not due. At day 90: 受理率 = P1, P4, P5 in time of P1–P5 = 3/5;
     * 办结率 = P1, P4 of P1, P4, P5 = 2/3; visitors 3 + 1 = 4 against last year's 34: (4 − 34) / 34.
     */
    @Test
    void ratesCountWhatWasDueAndDoneInTime() {
        Situation s = Fixtures.district();
        s = at(s, day(0), new Event.PetitionRegistered("P1", Petition.Form.VISIT, 3, "物业费", null));
        s = at(s, day(0), new Event.PetitionRegistered("P2", Petition.Form.VISIT, 1, "噪音", null));
        s = at(s, day(0), new Event.PetitionRegistered("P3", Petition.Form.LETTER, 2, "拆迁", null));
        s = at(s, day(0), new Event.PetitionRegistered("P4", Petition.Form.PHONE, 1, "供暖", null));
        s = at(s, day(0), new Event.PetitionRegistered("P5", Petition.Form.ONLINE, 1, "停车", null));
        s = advance(s, day(1), "P4", PetitionState.ACCEPTED, PetitionState.HANDLING);
        s = advance(s, day(1), "P5", PetitionState.ACCEPTED, PetitionState.HANDLING);
        s = advance(s, day(3), "P1", PetitionState.ACCEPTED, PetitionState.HANDLING);
        s = advance(s, day(13), "P1", PetitionState.REPLIED);
        s = advance(s, day(20), "P3", PetitionState.NOT_ACCEPTED);
        s = at(s, day(30), new Event.PetitionExtended("P4", 20, "涉及多个部门"));
        s = at(s, day(31), new Event.PetitionExtended("P4", 10, "需现场核实"));
        assertThat(s.petitions().get("P4").replyDeadline()).isEqualTo(day(91));
        assertThat(s.petitions().get("P4").extendedDays()).isEqualTo(30);
        s = advance(s, day(80), "P4", PetitionState.REPLIED);
        s = at(s, day(85), new Event.PetitionRegistered("P6", Petition.Form.VISIT, 5, "物业", null));
        s = at(s, day(90), new Event.PetitionRegistered("P7", Petition.Form.ONLINE, 1, "绿化", null));

        assertThat(PetitionFigures.acceptedInTime(s, T, day(90))).isEqualTo(new Ratio(3, 5));
        assertThat(PetitionFigures.repliedInTime(s, T, day(90))).isEqualTo(new Ratio(2, 3));
        // a window that ends before P5's limit does not count it yet
        assertThat(PetitionFigures.repliedInTime(s, T, day(60))).isEqualTo(new Ratio(1, 1));
        PetitionFigures.YearOnYear v = PetitionFigures.visitorsYearOnYear(s, T, day(80), PetitionFigures.Basis.HEYI);
        assertThat(v.visitors()).isEqualTo(4);
        assertThat(v.change()).isCloseTo((4 - 34) / 34.0, within(1e-12));
    }

    @Test
    void anExtensionIsThirtyDaysInAllWhileTheReplyIsAwaited() {
        Situation s = at(Fixtures.district(), day(0),
                new Event.PetitionRegistered("P1", Petition.Form.VISIT, 1, "物业费", null));
        Situation registered = s;
        assertThatThrownBy(() -> at(registered, day(1), new Event.PetitionExtended("P1", 10, "核实")))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("payload.petitionId"));
        Situation accepted = advance(s, day(1), "P1", PetitionState.ACCEPTED);
        assertThatThrownBy(() -> at(accepted, day(2), new Event.PetitionExtended("P1", 31, "核实")))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("payload.days"));
        assertThatThrownBy(() -> at(accepted, day(2), new Event.PetitionExtended("P1", 10, " ")))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("payload.reason"));
        Situation once = at(accepted, day(2), new Event.PetitionExtended("P1", 25, "核实"));
        assertThatThrownBy(() -> at(once, day(3), new Event.PetitionExtended("P1", 6, "再核实")))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.field()).isEqualTo("payload.days"));
        // the deadline list counts the extended clock
        assertThat(Deadlines.petitionsDue(once, day(3)).get(0).deadline()).isEqualTo(day(86));
    }
}

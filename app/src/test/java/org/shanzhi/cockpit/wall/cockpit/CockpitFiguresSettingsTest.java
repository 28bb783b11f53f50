package org.shanzhi.cockpit.wall.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.ComplaintState;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.FigureSettings;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Kpi;
import org.shanzhi.cockpit.domain.Petition;
import org.shanzhi.cockpit.domain.PetitionFigures;
import org.shanzhi.cockpit.domain.ProactiveSources;
import org.shanzhi.cockpit.domain.Ratio;
import org.shanzhi.cockpit.domain.Situation;

/**
 * Each of the center's settings, changed, changes the panels' figure as computed by hand. The fixture: four 回访
 * (YES 满意, YES 满意, PARTIAL 满意, PARTIAL 基本满意), a case found by the cameras' AI and one by a 网格员, and a
 * 来访 of 3 people.
 */
class CockpitFiguresSettingsTest {

    private static final FigureSettings D = FigureSettings.DEFAULT;

    private static Situation fixture() {
        List<Event> events = new ArrayList<>();
        Complaint.Resolution[] resolved = {Complaint.Resolution.YES, Complaint.Resolution.YES,
            Complaint.Resolution.PARTIAL, Complaint.Resolution.PARTIAL};
        for (int i = 0; i < resolved.length; i++) {
            events.addAll(Fixtures.revisited("O-" + i, true, resolved[i],
                    i == 3 ? Complaint.Satisfaction.BASICALLY_SATISFIED : Complaint.Satisfaction.SATISFIED));
        }
        events.add(new Event.IncidentOpened("I-AI", "占道经营", "市容", Incident.Source.AI, null, null, Fixtures.WEST,
                null, null));
        events.add(new Event.IncidentOpened("I-GW", "井盖缺失", "设施", Incident.Source.GRID_WORKER, null, null,
                Fixtures.EAST, null, null));
        events.add(new Event.PetitionRegistered("P-1", Petition.Form.VISIT, 3, "物业费", null));
        return Fixtures.fold(Fixtures.district(), events);
    }

    private static CockpitFigures figures(FigureSettings settings) {
        return CockpitFigures.of(fixture(), settings);
    }

    @Test
    void theDefaultsAreDomainMds() {
        Kpi.ThreeRates r = figures(D).sentiment().rates();
        assertThat(r.resolution()).isCloseTo(2 / 4.0, within(1e-12));
        assertThat(r.satisfaction()).isCloseTo((3 + 0.6) / 4, within(1e-12));
        assertThat(r.score()).isCloseTo(0.30 * 1 + 0.35 * 0.5 + 0.35 * 0.9, within(1e-12));
    }

    @Test
    void theWeightsOfTheScore() {
        FigureSettings s = new FigureSettings(new Kpi.Weights(0.10, 0.45, 0.45, 0.6, 0), D.minimum(), D.proactive(),
                D.petitionBasis());
        assertThat(figures(s).sentiment().rates().score()).isCloseTo(0.10 * 1 + 0.45 * 0.5 + 0.45 * 0.9, within(1e-12));
    }

    @Test
    void theCreditForBasicallySatisfied() {
        FigureSettings s = new FigureSettings(new Kpi.Weights(0.30, 0.35, 0.35, 1.0, 0), D.minimum(), D.proactive(),
                D.petitionBasis());
        assertThat(figures(s).sentiment().rates().satisfaction()).isCloseTo(4 / 4.0, within(1e-12));
    }

    @Test
    void theCreditForPartlyResolved() {
        FigureSettings s = new FigureSettings(new Kpi.Weights(0.30, 0.35, 0.35, 0.6, 0.5), D.minimum(), D.proactive(),
                D.petitionBasis());
        Kpi.ThreeRates r = figures(s).sentiment().rates();
        assertThat(r.resolution()).isCloseTo((2 + 0.5 * 2) / 4.0, within(1e-12));
        assertThat(r.score()).isCloseTo(0.30 * 1 + 0.35 * 0.75 + 0.35 * 0.9, within(1e-12));
    }

    @Test
    void theMinimumBase() {
        CockpitFigures usual = figures(D);
        assertThat(usual.minimum().enoughRevisits(usual.sentiment().rates())).isFalse(); // 4 of 30: 样本不足
        CockpitFigures four = figures(D.withMinimum(new Kpi.MinimumBase(4, 10, 10, 10)));
        assertThat(four.minimum().enoughRevisits(four.sentiment().rates())).isTrue();
    }

    @Test
    void theProactiveFinders() {
        assertThat(figures(D).sentiment().proactive()).isEqualTo(new Ratio(2, 2 + 4));
        FigureSettings aiOnly = new FigureSettings(D.weights(), D.minimum(),
                new ProactiveSources(EnumSet.of(Incident.Source.AI)), D.petitionBasis());
        assertThat(figures(aiOnly).sentiment().proactive()).isEqualTo(new Ratio(1, 1 + 4));
    }

    @Test
    void lastYearsPetitionVisitors() {
        assertThat(figures(D).safety().visitors().change()).isCloseTo((3 - 34) / 34.0, within(1e-12));
        FigureSettings six = new FigureSettings(D.weights(), D.minimum(), D.proactive(),
                new PetitionFigures.Basis(LocalDate.of(2025, 4, 30), LocalDate.of(2025, 5, 29), 6, "test"));
        assertThat(figures(six).safety().visitors().change()).isCloseTo(-0.5, within(1e-12));
    }
}

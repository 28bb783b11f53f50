package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Petition;
import org.shanzhi.cockpit.domain.PetitionState;

class PetitionsTest {

    @Test
    void everyPetitionIsAnsweredWithinItsLimitsAndClosed() {
        SimHarness h = new SimHarness(13);
        Petitions petitions = new Petitions(h.ctx, new Petitions.Rates(60, 0.3));
        h.until(SimHarness.day(1, "06:00"), petitions::intake);
        h.until(SimHarness.day(100, "06:00"));

        List<Petition> all = List.copyOf(h.situation.petitions().values());
        assertThat(all).hasSizeBetween(40, 90);
        assertThat(all).allSatisfy(p -> assertThat(p.open()).as(p.id()).isFalse());
        assertThat(all).extracting(Petition::state).contains(PetitionState.CLOSED, PetitionState.NOT_ACCEPTED,
                PetitionState.TRANSFERRED);
        assertThat(all).anySatisfy(p -> assertThat(p.collective()).isTrue());
        for (Petition p : all) {
            var steps = h.of(Event.PetitionAdvanced.class).stream().filter(t -> t.event().petitionId().equals(p.id()))
                    .toList();
            double days = SimHarness.minutes(p.registeredAt(), steps.get(0).time()) / 1440;
            assertThat(days).as("decided within the 15-day limit").isBetween(1.0, 10.01);
            if (p.state() == PetitionState.CLOSED) {
                assertThat(steps).extracting(t -> t.event().state()).containsExactly(PetitionState.ACCEPTED,
                        PetitionState.HANDLING, PetitionState.REPLIED, PetitionState.CLOSED);
                double reply = SimHarness.minutes(steps.get(0).time(), steps.get(2).time()) / 1440;
                assertThat(reply).as("replied within the 60-day limit").isLessThanOrEqualTo(56.2);
                assertThat(SimHarness.minutes(steps.get(2).time(), steps.get(3).time()) / 1440).isBetween(30.0, 30.01);
            }
        }
    }

    static Instant later(Instant a, Instant b) {
        return (a.isAfter(b) ? a : b).plusSeconds(10);
    }

    @Test
    void aRestartedLifecycleAnswersEveryPetitionItFinds() {
        SimHarness before = new SimHarness(13);
        Petitions first = new Petitions(before.ctx, new Petitions.Rates(60, 0.3));
        before.until(SimHarness.day(1, "06:00"), first::intake);
        before.until(SimHarness.day(6, "06:00"));
        var atRestart = before.situation;
        assertThat(atRestart.petitions().values()).extracting(Petition::state).contains(PetitionState.REGISTERED,
                PetitionState.HANDLING);

        SimHarness after = new SimHarness(31, atRestart);
        Petitions resumed = new Petitions(after.ctx, new Petitions.Rates(60, 0.3));
        resumed.resume(atRestart);
        after.until(SimHarness.day(100, "06:00"));

        assertThat(after.situation.petitions().values()).allSatisfy(p -> assertThat(p.open()).as(p.id()).isFalse());
        // each registered one decided within 10 days of its registration, not of the restart
        assertThat(atRestart.petitions().values()).filteredOn(p -> p.state() == PetitionState.REGISTERED)
                .allSatisfy(p -> assertThat(after.of(Event.PetitionAdvanced.class).stream()
                        .filter(a -> a.event().petitionId().equals(p.id())).findFirst().orElseThrow().time())
                        .isBeforeOrEqualTo(later(p.registeredAt().plus(Duration.ofDays(10)), atRestart.time())));
    }
}

package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Whistle;

class WhistlesTest {

    static final List<String> DEPARTMENTS = List.of("供电公司", "园林绿化队", "和义派出所");

    @Test
    void departmentsReportWithinTheHourAndTheWhistleIsResolved() {
        SimHarness h = new SimHarness(14, SimHarness.day(0, "10:00"));
        Whistles whistles = new Whistles(h.ctx, Whistles.Rates.defaults());
        String[] id = new String[1];
        h.once(() -> id[0] = whistles.blow(Whistle.Kind.EMERGENCY, "供水管道破裂", DEPARTMENTS, null,
                Duration.ofHours(3)));
        h.forward(Duration.ofHours(4));

        Whistle w = h.situation.whistles().get(id[0]);
        assertThat(w.arrivals().keySet()).containsExactlyInAnyOrderElementsOf(DEPARTMENTS);
        assertThat(w.arrivals().values()).allSatisfy(t ->
                assertThat(SimHarness.minutes(w.requestedAt(), t)).isBetween(8.0, 50 + 1 / 6.0));
        assertThat(SimHarness.minutes(w.requestedAt(), w.resolvedAt())).isBetween(180.0, 180 + 1 / 6.0);
    }

    @Test
    void aWhistleWithoutATimeIsResolvedByWhoeverBlewIt() {
        SimHarness h = new SimHarness(14, SimHarness.day(0, "10:00"));
        Whistles whistles = new Whistles(h.ctx, Whistles.Rates.defaults());
        String[] id = new String[1];
        h.once(() -> id[0] = whistles.blow(Whistle.Kind.EMERGENCY, "断电", DEPARTMENTS, null, null));
        h.forward(Duration.ofDays(2));
        assertThat(h.situation.whistles().get(id[0]).open()).isTrue();

        h.once(() -> whistles.resolve(id[0]));
        h.once(() -> whistles.resolve(id[0])); // twice is once

        assertThat(h.situation.whistles().get(id[0]).open()).isFalse();
        assertThat(h.of(Event.WhistleResolved.class)).hasSize(1);
    }

    @Test
    void ordinaryWhistlesComeInOfficeHours() {
        SimHarness h = new SimHarness(14);
        Whistles whistles = new Whistles(h.ctx, new Whistles.Rates(30));
        h.until(SimHarness.day(2, "06:00"), whistles::intake);

        var blown = h.of(Event.WhistleBlown.class);
        assertThat(blown).hasSizeGreaterThan(20).allSatisfy(b -> assertThat(b.time().atZone(Simulator.ZONE).getHour())
                .isBetween(9, 16));
        assertThat(h.situation.whistles().values()).allSatisfy(w ->
                assertThat(SimHarness.minutes(w.requestedAt(), w.resolvedAt())).isBetween(120.0, 360 + 1 / 6.0));
    }

    @Test
    void aRestartedLifecycleCallsTheMissingDepartmentsAndResolvesButWhatIsHeldElsewhere() {
        SimHarness before = new SimHarness(14, SimHarness.day(0, "10:00"));
        Whistles first = new Whistles(before.ctx, Whistles.Rates.defaults());
        String[] ids = new String[2];
        before.once(() -> {
            ids[0] = first.blow(Whistle.Kind.ENFORCEMENT, "违法建设拆除需执法力量", DEPARTMENTS, null, Duration.ofHours(3));
            ids[1] = first.blow(Whistle.Kind.EMERGENCY, "断电", DEPARTMENTS, null, null);
        });
        before.forward(Duration.ofMinutes(20));
        var atRestart = before.situation;
        assertThat(atRestart.whistles().get(ids[0]).arrivals()).hasSizeLessThan(3);

        SimHarness after = new SimHarness(41, atRestart);
        Whistles resumed = new Whistles(after.ctx, Whistles.Rates.defaults());
        resumed.resume(atRestart, ids[1]);
        after.forward(Duration.ofHours(8));

        Whistle w = after.situation.whistles().get(ids[0]);
        assertThat(w.arrivals().keySet()).containsExactlyInAnyOrderElementsOf(DEPARTMENTS);
        assertThat(w.arrivals().values()).allSatisfy(t ->
                assertThat(SimHarness.minutes(w.requestedAt(), t)).isBetween(8.0, 50 + 1 / 6.0));
        assertThat(SimHarness.minutes(w.requestedAt(), w.resolvedAt())).isBetween(120.0, 360 + 1 / 6.0);
        assertThat(after.situation.whistles().get(ids[1]).arrivals()).hasSize(3);
        assertThat(after.situation.whistles().get(ids[1]).open()).as("held by the storm").isTrue();
    }
}

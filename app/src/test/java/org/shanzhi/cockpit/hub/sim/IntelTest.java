package org.shanzhi.cockpit.hub.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.IntelReport;

class IntelTest {

    @Test
    void officersReportAboutTheirOwnCommunity() {
        SimHarness h = new SimHarness(15);
        Intel intel = new Intel(h.ctx, new Intel.Rates(50));
        h.until(SimHarness.day(1, "06:00"), intel::intake);

        assertThat(h.of(Event.IntelReported.class)).hasSizeBetween(30, 75);
        assertThat(h.situation.intel().values()).allSatisfy((IntelReport r) -> {
            HeyiScenario.Officer officer = SimHarness.HEYI.officers().stream()
                    .filter(o -> o.id().equals(r.officerId())).findFirst().orElseThrow();
            assertThat(r.communityCode()).isEqualTo(officer.communityCode());
            assertThat(r.summary()).startsWith(SimHarness.INVENTORY.communities().get(r.communityCode()).name())
                    .endsWith(r.category() + "信息");
        });
    }
}

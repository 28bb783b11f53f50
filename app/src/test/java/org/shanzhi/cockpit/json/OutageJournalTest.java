package org.shanzhi.cockpit.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Outage;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;

/** Outage payloads as journals and recordings written before per-building reports hold them still read. */
class OutageJournalTest {

    @Test
    void payloadsOfTheCountsFormReadAndFold() {
        Event reported = Json.readEvent("OutageReported",
                "{\"outageId\":\"O\",\"communityCode\":\"110106016002\",\"cause\":\"断线\",\"buildings\":5,\"households\":300}");
        Event restored = Json.readEvent("OutageRestored", "{\"outageId\":\"O\",\"powerRestored\":3,\"networkRestored\":1}");
        assertThat(reported).isEqualTo(new Event.OutageReported("O", "110106016002", "断线", 5, 300));
        assertThat(restored).isEqualTo(new Event.OutageRestored("O", 3, 1));

        Situation s = Fixtures.district();
        Instant t = Instant.parse("2026-05-30T09:00:00Z");
        s = s.apply(new Recorded(s.seq() + 1, t, reported));
        s = s.apply(new Recorded(s.seq() + 1, t.plusSeconds(600), restored));
        assertThat(s.outages().get("O").affected()).extracting(Outage.Building::supply).containsExactly(
                Outage.Supply.POWER_AND_NETWORK, Outage.Supply.POWER, Outage.Supply.POWER, Outage.Supply.DARK,
                Outage.Supply.DARK);
    }

    @Test
    void theBuildingFormRoundTrips() {
        Event e = new Event.OutageRestored("O", List.of("110106016002-03"), Outage.Supply.POWER, null, null);
        assertThat(Json.readEvent("OutageRestored", Json.write(e))).isEqualTo(e);
    }
}

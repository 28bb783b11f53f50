package org.shanzhi.cockpit.wall.map.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Complaint;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.Incident;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.Situation;

/** The map's figures (the choropleth's open cases, the 12345 heat) leave a drill's things out, as the panels do. */
class DrillOnTheMapTest {

    static Situation by(Situation s, String drill, Event e) {
        return s.apply(new Recorded(s.seq() + 1, Fixtures.T0.plusSeconds(60 * (s.seq() + 1)), e, drill));
    }

    static Situation liveAndDrill() {
        Situation s = by(Fixtures.district(), "YL-1", new Event.DrillStarted("YL-1", "内涝演练", null));
        s = by(s, null, new Event.IncidentOpened("GD-L", "井盖缺失", "井盖", Incident.Source.INSPECTOR, null, null,
                Fixtures.WEST, null, null));
        s = by(s, "YL-1", new Event.IncidentOpened("YL-1:case", "地道积水", "积水", Incident.Source.SENSOR, null, null,
                Fixtures.WEST, null, null));
        s = by(s, "YL-1", new Event.IncidentOpened("YL-1:case2", "地道积水", "积水", Incident.Source.SENSOR, null, null,
                Fixtures.WEST, null, null));
        s = by(s, null, new Event.ComplaintReceived("L-1", Complaint.Channel.PHONE, Complaint.Type.COMPLAINT, "积水",
                Complaint.Priority.URGENT, Fixtures.EAST, null, false));
        s = by(s, "YL-1", new Event.ComplaintReceived("YL-1:c1", Complaint.Channel.PHONE, Complaint.Type.COMPLAINT,
                "积水", Complaint.Priority.URGENT, Fixtures.EAST, null, false));
        return s;
    }

    @Test
    void theChoroplethCountsOnlyLiveOpenCases() {
        Situation s = liveAndDrill();
        assertThat(s.incidents()).hasSize(3);
        // 西社区: 24,000 residents, one live open case → 1/24 per thousand (the two drill cases are none of it)
        assertThat(CommunitiesLayer.openPerThousand(s).get("110106016001")).isCloseTo(1000.0 / 24000, within(1e-9));
        assertThat(CommunitiesLayer.openPerThousand(s).get("110106016002")).isZero();
    }

    @Test
    void theHeatIsOfLiveOrdersOnly() {
        Situation s = liveAndDrill();
        List<Complaint> heated = HeatLayer.heated(s.complaints(), s.drillThings(), s.time());
        assertThat(heated).extracting(Complaint::orderNo).containsExactly("L-1");
    }
}

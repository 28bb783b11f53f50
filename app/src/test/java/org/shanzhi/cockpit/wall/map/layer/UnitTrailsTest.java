package org.shanzhi.cockpit.wall.map.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shanzhi.cockpit.domain.Fixtures.with;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.Fixtures;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Situation;

/** Units leave short trails that the map keeps across situations. */
class UnitTrailsTest {

    static Situation moved(Situation s, int step) {
        return with(s, new Event.UnitMoved("U-1", new GeoPoint(Fixtures.WEST.lon() + 0.0002 * step, Fixtures.WEST.lat()),
                90));
    }

    @Test
    void trailsKeepTheLastPositionsOfUnitsStillThere() {
        UnitTrails trails = new UnitTrails();
        Situation s = Fixtures.district();
        trails.update(s.units());
        assertThat(trails.of("U-1")).containsExactly(Fixtures.WEST);
        assertThat(trails.units()).isEqualTo(2);
        for (int step = 1; step <= UnitTrails.LENGTH + 3; step++) {
            s = moved(s, step);
            trails.update(s.units());
            trails.update(s.units()); // the same situation again adds nothing
        }
        List<GeoPoint> t = trails.of("U-1");
        assertThat(t).hasSize(UnitTrails.LENGTH);
        assertThat(t.get(t.size() - 1)).isEqualTo(s.units().get("U-1").at());
        assertThat(t.get(0).lon()).isCloseTo(Fixtures.WEST.lon() + 0.0002 * 4, org.assertj.core.api.Assertions.within(1e-9));
        // a unit standing still keeps one point
        assertThat(trails.of("U-2")).containsExactly(Fixtures.EAST);

        // a jump of more than 200 m starts the trail again
        s = with(s, new Event.UnitMoved("U-1", new GeoPoint(Fixtures.WEST.lon() + 0.01, Fixtures.WEST.lat()), 90));
        trails.update(s.units());
        assertThat(trails.of("U-1")).containsExactly(s.units().get("U-1").at());

        trails.update(s.units().minus("U-2"));
        assertThat(trails.units()).isEqualTo(1);
        assertThat(trails.of("U-2")).isEmpty();
    }
}

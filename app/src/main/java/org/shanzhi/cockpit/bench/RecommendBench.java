package org.shanzhi.cockpit.bench;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.shanzhi.cockpit.domain.Bounds;
import org.shanzhi.cockpit.domain.Event;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Recommendations;
import org.shanzhi.cockpit.domain.Recorded;
import org.shanzhi.cockpit.domain.RoadNetwork;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.domain.UnitStatus;
import org.shanzhi.cockpit.hub.sim.HeyiScenario;
import org.shanzhi.cockpit.wall.map.geo.BaseMapLoader;

/**
 * {@code dispatch.recommend_ms}: ranking the Heyi inventory's 166 units, all free, along the Heyi roads for one
 * case at a random place in the district (one Dijkstra from the case, each unit snapped and read, the sort).
 * The road network is built once beforehand, as the wall and the hub keep it; p50 and p99 of single calls.
 */
final class RecommendBench {

    private final boolean quick;

    RecommendBench(boolean quick) {
        this.quick = quick;
    }

    void run(Figures figures) {
        Instant t0 = FoldBench.T0;
        Situation s = Situation.empty();
        for (Event e : HeyiScenario.loadDefault().inventory()) {
            s = s.apply(new Recorded(s.seq() + 1, t0, e));
        }
        for (String id : List.copyOf(s.units().keySet())) {
            s = s.apply(new Recorded(s.seq() + 1, t0, new Event.UnitStatusChanged(id, UnitStatus.AVL)));
        }
        RoadNetwork roads = BaseMapLoader.loadDefault().network();
        Bounds b = s.district().bounds();
        SplittableRandom rnd = new SplittableRandom(7);
        Recommendations.Rules rules = Recommendations.Rules.defaults();
        int warm = quick ? 200 : 5_000;
        int n = quick ? 500 : 20_000;
        long[] nanos = new long[n];
        long check = 0;
        for (int i = -warm; i < n; i++) {
            GeoPoint at = new GeoPoint(rnd.nextDouble(b.west(), b.east()), rnd.nextDouble(b.south(), b.north()));
            long start = System.nanoTime();
            List<Recommendations.RecommendedUnit> ranked = Recommendations.rank(s, at, "占道经营", roads, t0, rules);
            long took = System.nanoTime() - start;
            check += ranked.size();
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        Arrays.sort(nanos);
        Figures.note("recommend: {} units over {} road nodes / {} edges, {} calls; check {}", s.units().size(),
                roads.nodeCount(), roads.edgeCount(), n, check);
        figures.put("dispatch.recommend_p50_ms", Figures.quantile(nanos, n, 0.50) / 1e6, 3, "ms");
        figures.put("dispatch.recommend_ms", Figures.quantile(nanos, n, 0.99) / 1e6, 3, "ms");
    }
}

package org.shanzhi.cockpit.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.shanzhi.cockpit.domain.FieldUnit.Role;

/**
 * Which free units to send to a case: ranked by travel time along the roads ({@link RoadNetwork}), each
 * with its ETA, how it travels, how old its position is and whether its role suits the case.
 *
 * <p>The rule, in order: units free for an order (AVL, PAT; none calling SOS) whose position is younger than
 * {@link Rules#dropAfter} are offered; a unit whose role suits the case counts as {@link Rules#roleLead}
 * nearer than it is (so it goes first among comparable ETAs, but a suitable unit half an hour away does not
 * beat one at the corner); units no road reaches come last. A position older than {@link Rules#greyAfter} is
 * offered but flagged {@code stale}.
 */
public final class Recommendations {

    private Recommendations() {
    }

    /** The thresholds of the rule; {@link #defaults()} are the dispatch desk's. */
    public record Rules(Duration greyAfter, Duration dropAfter, Duration roleLead) {

        public static Rules defaults() {
            return new Rules(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(3));
        }
    }

    /**
     * How a unit travels, in metres per second along the roads; the walk between a road and a point off it is
     * always on foot. Speeds are door-to-door averages in a Beijing sub-district, with lights and traffic:
     * walking 4.3 km/h; an e-bike 15 km/h (the legal top speed is 25); a car 25 km/h (urban average at the
     * peaks, and what a patrol car manages on 胡同-width streets).
     */
    public enum Mode {
        WALK("步行", 1.2),
        EBIKE("电动车", 4.2),
        CAR("汽车", 7.0);

        public final String zh;
        public final double metresPerSecond;

        Mode(String zh, double metresPerSecond) {
            this.zh = zh;
            this.metresPerSecond = metresPerSecond;
        }

        /**
         * By role: grid workers and 城管 ride e-bikes around their grids and beats; property staff walk their
         * estate; police, landscaping (a truck with saws) and utility crews (a repair van) drive.
         */
        public static Mode of(Role role) {
            return switch (role) {
                case GRID_WORKER, ENFORCEMENT -> EBIKE;
                case PROPERTY -> WALK;
                case POLICE, LANDSCAPING, UTILITY -> CAR;
            };
        }
    }

    /**
     * A unit offered for a case. {@code eta} and {@code roadMetres} are null when no road reaches it;
     * {@code positionAge} is how long ago its position was reported.
     */
    public record RecommendedUnit(String id, String name, Role role, UnitStatus status, GeoPoint at, Mode mode,
                                  Duration eta, Double roadMetres, Duration positionAge, boolean stale,
                                  boolean roleMatches) {

        public boolean reachable() {
            return eta != null;
        }

        /** Whole minutes, at least 1, for a label; -1 when unreachable. */
        public long etaMinutes() {
            return eta == null ? -1 : Math.max(1, Math.round(eta.toSeconds() / 60.0));
        }
    }

    /** Which roles suit a category, by the words in it; first match wins. */
    private record Want(List<String> words, Set<Role> roles) {
    }

    private static final List<Want> WANTS = List.of(
            new Want(List.of("电力", "燃气", "供水", "供热", "停电", "架空线", "井盖", "排水", "积水", "管线"),
                    EnumSet.of(Role.UTILITY)),
            new Want(List.of("树木", "绿化", "园林"), EnumSet.of(Role.LANDSCAPING)),
            new Want(List.of("占道", "游商", "违章", "违法建设", "违规广告", "违停", "乱堆"), EnumSet.of(Role.ENFORCEMENT)),
            new Want(List.of("治安", "人员聚集", "火情", "盗", "斗殴"), EnumSet.of(Role.POLICE)),
            new Want(List.of("垃圾", "楼道", "乱停放"), EnumSet.of(Role.PROPERTY)));

    /** The roles that suit a case of this category: 电力/燃气 → utility crews, 占道经营 → 城管 … else grid workers. */
    public static Set<Role> wantedRoles(String category) {
        if (category != null) {
            for (Want w : WANTS) {
                if (w.words().stream().anyMatch(category::contains)) {
                    return w.roles();
                }
            }
        }
        return EnumSet.of(Role.GRID_WORKER);
    }

    public static List<RecommendedUnit> rank(Situation s, Incident c, RoadNetwork roads, Instant now, Rules rules) {
        return rank(s, c.at(), c.category(), roads, now, rules);
    }

    /** The units to offer for a case of {@code category} at {@code at}, best first. */
    public static List<RecommendedUnit> rank(Situation s, GeoPoint at, String category, RoadNetwork roads,
                                             Instant now, Rules rules) {
        List<RecommendedUnit> out = new ArrayList<>();
        if (at == null) {
            return out;
        }
        Set<Role> wanted = wantedRoles(category);
        RoadNetwork.Distances fromCase = roads.from(at);
        for (FieldUnit u : s.units().values()) {
            if (!u.status().dispatchable() || u.sos() || u.at() == null || u.positionAt() == null) {
                continue;
            }
            Duration age = Kpi.nonNegative(Duration.between(u.positionAt(), now));
            if (age.compareTo(rules.dropAfter()) > 0) {
                continue;
            }
            Mode mode = Mode.of(u.role());
            RoadNetwork.Route route = fromCase.to(u.at());
            Duration eta = route == null ? null : Duration.ofSeconds(Math.round(
                    route.roadMetres() / mode.metresPerSecond + route.walkMetres() / Mode.WALK.metresPerSecond));
            out.add(new RecommendedUnit(u.id(), u.name(), u.role(), u.status(), u.at(), mode, eta,
                    route == null ? null : route.roadMetres(), age, age.compareTo(rules.greyAfter()) > 0,
                    wanted.contains(u.role())));
        }
        out.sort(Comparator.comparing((RecommendedUnit r) -> !r.reachable())
                .thenComparing(r -> r.reachable() ? rankedEta(r, rules) : Duration.ZERO)
                .thenComparing(RecommendedUnit::id));
        return out;
    }

    private static Duration rankedEta(RecommendedUnit r, Rules rules) {
        return r.roleMatches() ? r.eta().minus(rules.roleLead()) : r.eta();
    }
}

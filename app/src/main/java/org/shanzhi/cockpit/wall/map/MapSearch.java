package org.shanzhi.cockpit.wall.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.shanzhi.cockpit.domain.Camera;
import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.FieldUnit;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Situation;
import org.shanzhi.cockpit.wall.I18n;
import org.shanzhi.cockpit.wall.map.geo.BaseMap;
import org.shanzhi.cockpit.wall.map.geo.MapProjection;

/**
 * What the map's search box finds: cameras (id, name), communities (name, code), field units (id, name), and the
 * base's points of interest and roads (name), each with where to fly and how close. Plain data, no JavaFX: the
 * box's suggestions are computed on ControlsFX's own thread from the situation and base in hand.
 */
final class MapSearch {

    /** In the order the list shows equal matches: units last, many are named after the place they serve. */
    enum Kind { CAMERA, COMMUNITY, POI, ROAD, UNIT }

    /** A place found: {@code label} is what the list shows. */
    record Hit(Kind kind, String id, String label, GeoPoint at, double zoom, int rank) {
        @Override
        public String toString() {
            return label;
        }
    }

    private MapSearch() {
    }

    /** Up to {@code limit} places whose id, code or name contains {@code query}: exact, then prefix, then the rest. */
    static List<Hit> find(String query, Situation s, BaseMap base, int limit) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        List<Hit> out = new ArrayList<>();
        if (q.isEmpty()) {
            return out;
        }
        if (s != null) {
            for (Camera c : s.cameras().values()) {
                add(out, q, Kind.CAMERA, c.id(), c.at(), 18, c.id(), c.name());
            }
            for (FieldUnit u : s.units().values()) {
                add(out, q, Kind.UNIT, u.id(), u.at(), 18, u.id(), u.name());
            }
            for (Community c : s.communities().values()) {
                add(out, q, Kind.COMMUNITY, c.code(), c.boundary() == null ? null : c.boundary().centroid(), 16,
                        c.code(), c.name());
            }
        }
        for (BaseMap.Poi p : base.pois()) {
            add(out, q, Kind.POI, p.id(), new GeoPoint(MapProjection.lonOf(p.x()), MapProjection.latOf(p.y())), 17,
                    BaseMap.shortName(p.name()));
        }
        for (BaseMap.Road r : base.roads()) {
            if (r.name() != null && r.xs().length > 0) {
                int mid = r.xs().length / 2;
                add(out, q, Kind.ROAD, r.name(),
                        new GeoPoint(MapProjection.lonOf(r.xs()[mid]), MapProjection.latOf(r.ys()[mid])), 16,
                        BaseMap.shortName(r.name()));
            }
        }
        out.sort(Comparator.comparingInt(Hit::rank).thenComparing(Hit::kind).thenComparing(Hit::id));
        // a road drawn in several pieces is one place to go to
        List<Hit> unique = new ArrayList<>();
        for (Hit h : out) {
            if (unique.size() >= limit) {
                break;
            }
            if (unique.stream().noneMatch(u -> u.kind() == h.kind() && u.label().equals(h.label()))) {
                unique.add(h);
            }
        }
        return unique;
    }

    /** Adds the thing when one of its keys matches, ranked by the best match: 0 exact, 1 prefix, 2 within. */
    private static void add(List<Hit> out, String q, Kind kind, String id, GeoPoint at, double zoom, String... keys) {
        if (at == null) {
            return;
        }
        int best = 3;
        for (String key : keys) {
            if (key == null) {
                continue;
            }
            String k = key.toLowerCase(Locale.ROOT);
            best = Math.min(best, k.equals(q) ? 0 : k.startsWith(q) ? 1 : k.contains(q) ? 2 : 3);
        }
        if (best < 3) {
            String name = keys.length > 1 && keys[1] != null && !keys[1].isBlank() ? keys[1] : keys[0];
            String label = keys.length > 1 && !name.equals(keys[0])
                    ? I18n.t("map.search.hitWithId", I18n.t("map.search.kind", kind), name, keys[0])
                    : I18n.t("map.search.hit", I18n.t("map.search.kind", kind), name);
            out.add(new Hit(kind, id, label, at, zoom, best));
        }
    }
}

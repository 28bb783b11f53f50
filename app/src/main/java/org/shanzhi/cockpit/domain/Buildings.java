package org.shanzhi.cockpit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a community's residential buildings (楼栋) stand. The scenario's assets give a count of buildings per
 * community and no footprints, so building {@code n} is the n-th point of a 90 m lattice walked in a square
 * spiral out from the community's centroid, skipping points outside its boundary: deterministic, the same on
 * every hub and wall, and independent of how many buildings there are. Ids are the community code and the
 * number: {@code 110106016008-07}.
 */
public final class Buildings {

    static final double SPACING_M = 90;
    private static final double METRES_PER_DEGREE_LAT = 111_320;
    /** A lattice walk stops after this many points, inside or not (a sliver of a community holds few). */
    private static final int MAX_STEPS = 40_000;

    private Buildings() {
    }

    public static String id(String communityCode, int n) {
        return communityCode + "-" + (n < 10 ? "0" + n : String.valueOf(n));
    }

    /** The first {@code count} buildings of the community (ids numbered from 1), in order. */
    public static List<Outage.Building> of(Community c, int count, Instant since) {
        List<Outage.Building> out = new ArrayList<>(count);
        GeoPoint centre = c.boundary().centroid();
        double dLat = SPACING_M / METRES_PER_DEGREE_LAT;
        double dLon = dLat / Math.cos(Math.toRadians(centre.lat()));
        int x = 0;
        int y = 0;
        int dx = 1;
        int dy = 0;
        int leg = 1;
        int walked = 0;
        int turns = 0;
        for (int step = 0; out.size() < count && step < MAX_STEPS; step++) {
            GeoPoint p = new GeoPoint(centre.lon() + x * dLon, centre.lat() + y * dLat);
            if (c.boundary().contains(p)) {
                out.add(new Outage.Building(id(c.code(), out.size() + 1), p, Outage.Supply.DARK, since));
            }
            x += dx;
            y += dy;
            if (++walked == leg) { // a square spiral: legs of 1, 1, 2, 2, 3, 3 …
                walked = 0;
                int t = dx;
                dx = -dy;
                dy = t;
                if (++turns % 2 == 0) {
                    leg++;
                }
            }
        }
        return out;
    }
}

package org.shanzhi.cockpit.wall.map.layer;

import org.shanzhi.cockpit.domain.Community;
import org.shanzhi.cockpit.domain.GeoPoint;
import org.shanzhi.cockpit.domain.Situation;

/**
 * Where the k-th of n things of one place is drawn: things known only by their community (disputes, petitions) or
 * grid (intel) stand on a small ring round its centre, one beside the other, so that none hides another.
 */
final class Spread {

    private Spread() {
    }

    /** The centre of the community {@code code}, or null when it is not known. */
    static GeoPoint community(Situation s, String code) {
        Community c = code == null ? null : s.communities().get(code);
        return c == null || c.boundary() == null ? null : c.boundary().centroid();
    }

    /** The k-th (from 0) of n points on a ring round (x, y), {@code gap} pixels apart; a single one at the centre. */
    static double[] at(double x, double y, int k, int n, double gap) {
        if (n == 1) {
            return new double[] {x, y};
        }
        double radius = Math.max(gap, gap * n / (2 * Math.PI));
        double angle = 2 * Math.PI * k / n - Math.PI / 2;
        return new double[] {x + radius * Math.cos(angle), y + radius * Math.sin(angle)};
    }
}

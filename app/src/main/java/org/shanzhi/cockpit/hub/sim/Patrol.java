package org.shanzhi.cockpit.hub.sim;

import java.util.List;

import org.shanzhi.cockpit.domain.GeoPoint;

/** A road as a patrol route: positions by distance along it, walking back and forth (or round a loop). */
final class Patrol {

    final HeyiScenario.Road road;
    private final List<GeoPoint> points;
    private final double[] cumulative;
    private final boolean loop;

    Patrol(HeyiScenario.Road road) {
        this.road = road;
        this.points = road.points();
        this.cumulative = new double[points.size()];
        for (int i = 1; i < points.size(); i++) {
            cumulative[i] = cumulative[i - 1] + points.get(i - 1).metresTo(points.get(i));
        }
        this.loop = points.size() > 2 && points.get(0).equals(points.get(points.size() - 1));
    }

    double length() {
        return cumulative[cumulative.length - 1];
    }

    GeoPoint at(double along) {
        double s = Math.max(0, Math.min(length(), along));
        for (int i = 1; i < points.size(); i++) {
            if (s <= cumulative[i] || i == points.size() - 1) {
                double seg = cumulative[i] - cumulative[i - 1];
                double f = seg <= 0 ? 0 : (s - cumulative[i - 1]) / seg;
                f = Math.max(0, Math.min(1, f));
                GeoPoint a = points.get(i - 1);
                GeoPoint b = points.get(i);
                return new GeoPoint(a.lon() + (b.lon() - a.lon()) * f, a.lat() + (b.lat() - a.lat()) * f);
            }
        }
        return points.get(points.size() - 1);
    }

    /** The distance along the road of the vertex-or-segment point nearest to {@code p}. */
    double project(GeoPoint p) {
        double best = 0;
        double bestD = Double.MAX_VALUE;
        for (int i = 1; i < points.size(); i++) {
            GeoPoint a = points.get(i - 1);
            GeoPoint b = points.get(i);
            double mx = Geo.metresPerDegLon(a.lat());
            double ax = 0, ay = 0;
            double bx = (b.lon() - a.lon()) * mx, by = (b.lat() - a.lat()) * Geo.M_PER_DEG_LAT;
            double px = (p.lon() - a.lon()) * mx, py = (p.lat() - a.lat()) * Geo.M_PER_DEG_LAT;
            double len2 = bx * bx + by * by;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * bx + (py - ay) * by) / len2));
            double d = Math.hypot(px - t * bx, py - t * by);
            if (d < bestD) {
                bestD = d;
                best = cumulative[i - 1] + t * (cumulative[i] - cumulative[i - 1]);
            }
        }
        return best;
    }

    /** Moves {@code metres} from {@code along} in direction {@code dir}; returns {new along, new dir}. */
    double[] advance(double along, int dir, double metres) {
        double len = length();
        if (len <= 0) {
            return new double[] {0, dir};
        }
        double s = along + dir * metres;
        if (loop) {
            s = ((s % len) + len) % len;
            return new double[] {s, dir};
        }
        while (s < 0 || s > len) {
            if (s > len) {
                s = 2 * len - s;
                dir = -1;
            } else {
                s = -s;
                dir = 1;
            }
        }
        return new double[] {s, dir};
    }
}

package org.shanzhi.cockpit.hub.sim;

import org.shanzhi.cockpit.domain.GeoPoint;

/** Flat-earth helpers, precise enough over a few kilometres of 和义. */
final class Geo {

    static final double M_PER_DEG_LAT = 110_574.0;

    private Geo() {
    }

    static double metresPerDegLon(double lat) {
        return 111_320.0 * Math.cos(Math.toRadians(lat));
    }

    /** The point {@code east} and {@code north} metres from {@code p}. */
    static GeoPoint offset(GeoPoint p, double east, double north) {
        return new GeoPoint(p.lon() + east / metresPerDegLon(p.lat()), p.lat() + north / M_PER_DEG_LAT);
    }

    /** Up to {@code metres} from {@code from} straight toward {@code to}; exactly {@code to} when that is near. */
    static GeoPoint toward(GeoPoint from, GeoPoint to, double metres) {
        double east = (to.lon() - from.lon()) * metresPerDegLon(from.lat());
        double north = (to.lat() - from.lat()) * M_PER_DEG_LAT;
        double d = Math.hypot(east, north);
        if (d <= metres || d < 1e-6) {
            return to;
        }
        double f = metres / d;
        return new GeoPoint(from.lon() + (to.lon() - from.lon()) * f, from.lat() + (to.lat() - from.lat()) * f);
    }

    /** Compass heading in degrees (0 = north, 90 = east) from one point to another. */
    static double heading(GeoPoint from, GeoPoint to) {
        double east = (to.lon() - from.lon()) * metresPerDegLon(from.lat());
        double north = (to.lat() - from.lat()) * M_PER_DEG_LAT;
        if (Math.abs(east) < 1e-9 && Math.abs(north) < 1e-9) {
            return 0;
        }
        double deg = Math.toDegrees(Math.atan2(east, north));
        return Math.round((deg < 0 ? deg + 360 : deg) * 10) / 10.0;
    }
}

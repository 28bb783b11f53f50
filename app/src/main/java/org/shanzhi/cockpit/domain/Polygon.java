package org.shanzhi.cockpit.domain;

import java.util.List;

/** A closed ring of WGS-84 points (the last point joins the first). */
public record Polygon(List<GeoPoint> ring) {

    public Polygon {
        ring = List.copyOf(ring);
        if (ring.size() < 3) {
            throw new Rejection("ring", "a polygon needs at least 3 points, got " + ring.size());
        }
    }

    /** Even-odd ray casting; points on an edge may fall either way. */
    public boolean contains(GeoPoint p) {
        boolean inside = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            GeoPoint a = ring.get(i);
            GeoPoint b = ring.get(j);
            if ((a.lat() > p.lat()) != (b.lat() > p.lat())
                    && p.lon() < (b.lon() - a.lon()) * (p.lat() - a.lat()) / (b.lat() - a.lat()) + a.lon()) {
                inside = !inside;
            }
        }
        return inside;
    }

    public GeoPoint centroid() {
        double lon = 0;
        double lat = 0;
        for (GeoPoint p : ring) {
            lon += p.lon();
            lat += p.lat();
        }
        return new GeoPoint(lon / ring.size(), lat / ring.size());
    }
}
